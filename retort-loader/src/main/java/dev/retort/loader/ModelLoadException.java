package dev.retort.loader;

import dev.retort.RetortException;

/** The model could not be found, built, loaded or asked for its MetaData; the message says which and why. */
public final class ModelLoadException extends RetortException {

    public ModelLoadException(String message) {
        super(message);
    }

    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
