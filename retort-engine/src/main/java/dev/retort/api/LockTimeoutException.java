package dev.retort.api;

/** Another runner held the schema's lock for longer than the lock timeout. */
public final class LockTimeoutException extends RunnerException {
    public LockTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
