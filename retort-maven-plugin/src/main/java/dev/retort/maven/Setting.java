package dev.retort.maven;

import dev.retort.cli.config.Source;

/**
 * One setting of the plugin: its name in the pom's {@code <configuration>} and as a
 * {@code -Dretort.NAME} property, and where a value given so shows in messages.
 */
record Setting(String name) {

    String property() {
        return "retort." + name;
    }

    /** The command line's {@code -D}: the strongest, as an option is on Retort's command line. */
    Source fromProperty() {
        return Source.option("-D" + property());
    }

    /** The pom: above retort.yaml, below the environment and the command line. */
    Source fromPom() {
        return new Source(Source.Origin.FILE, "pom.xml <" + name + ">");
    }
}
