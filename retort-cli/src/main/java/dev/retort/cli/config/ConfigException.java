package dev.retort.cli.config;

import dev.retort.api.ConfigurationException;

/**
 * A configuration that cannot be used. The message is one line that starts with where the problem
 * is ({@code retort.yaml:7: ...}, {@code env RETORT_URL: ...}) and never holds a password.
 */
public final class ConfigException extends ConfigurationException {

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A problem with a value, prefixed by where the value came from. */
    public static ConfigException at(Source source, String message) {
        return new ConfigException(source.describe() + ": " + message);
    }
}
