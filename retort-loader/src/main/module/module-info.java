/** Finding and loading a project's model from a class path, or from its Maven build. */
module dev.retort.loader {
    requires transitive dev.retort.core;
    requires dev.retort.jpa;
    requires jakarta.persistence;
    requires java.xml;

    exports dev.retort.loader;
}
