package dev.retort.api;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds on a revision's statements, so that one waiting for a lock the application holds does not
 * queue every later query on that table behind it (docs/safety.md). Each revision's transaction
 * starts by setting them; a revision whose statement waited longer than {@code lockTimeout} is rolled
 * back and tried again, up to {@code attempts} times in all, waiting {@code backoff}, then twice as
 * long, between tries. After the last, that schema fails alone and stays at the revision before.
 *
 * @param lockTimeout      the longest wait for a lock, per statement; {@link Duration#ZERO} for no bound
 * @param statementTimeout the longest a statement may run; {@link Duration#ZERO} for no bound; null to leave the
 *                         session's own (none unless the server or the role sets one)
 * @param attempts         tries per revision, at least 1
 * @param backoff          the wait before the second try
 */
public record DdlTimeouts(Duration lockTimeout, Duration statementTimeout, int attempts, Duration backoff) {
    /** A lock wait of 5 s, no statement bound, 3 attempts, 1 s then 2 s apart. */
    public static final DdlTimeouts DEFAULTS = new DdlTimeouts(Duration.ofSeconds(5), null, 3, Duration.ofSeconds(1));

    public DdlTimeouts {
        Objects.requireNonNull(lockTimeout, "lock timeout");
        Objects.requireNonNull(backoff, "backoff");
        if (lockTimeout.isNegative()) throw new ConfigurationException("the DDL lock timeout cannot be negative: " + lockTimeout);
        if (statementTimeout != null && statementTimeout.isNegative()) {
            throw new ConfigurationException("the statement timeout cannot be negative: " + statementTimeout);
        }
        if (attempts < 1) throw new ConfigurationException("DDL attempts must be at least 1, not " + attempts);
        if (backoff.isNegative()) throw new ConfigurationException("the DDL retry backoff cannot be negative: " + backoff);
    }

    public DdlTimeouts withLockTimeout(Duration timeout) {
        return new DdlTimeouts(timeout, statementTimeout, attempts, backoff);
    }

    public DdlTimeouts withStatementTimeout(Duration timeout) {
        return new DdlTimeouts(lockTimeout, timeout, attempts, backoff);
    }

    public DdlTimeouts withAttempts(int n) {
        return new DdlTimeouts(lockTimeout, statementTimeout, n, backoff);
    }

    public DdlTimeouts withBackoff(Duration wait) {
        return new DdlTimeouts(lockTimeout, statementTimeout, attempts, wait);
    }
}
