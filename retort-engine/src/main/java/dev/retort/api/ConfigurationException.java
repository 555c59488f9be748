package dev.retort.api;

import dev.retort.RetortException;

/**
 * What Retort was asked to work with is wrong or missing, found before any database is changed: no
 * model, data source or schema configured, a name the database cannot hold, a URL no dialect takes, a
 * tenant spec or job count out of bounds. The message names the setting and what to do.
 */
public class ConfigurationException extends RetortException {
    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
