package dev.retort.cli.migrate;

import dev.retort.api.ConfigurationException;
import dev.retort.api.DdlTimeouts;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.time.Duration;

/**
 * {@code --ddl-lock-timeout}, {@code --statement-timeout}, {@code --ddl-attempts}: the bounds on the
 * revisions' statements (docs/safety.md), for the commands that apply revisions. Not the wait for another
 * Retort runner ({@code --lock-timeout}).
 */
public final class DdlTimeoutOptions {
    @Option(names = "--ddl-lock-timeout", paramLabel = "DURATION", converter = LockTimeoutOption.Converter.class,
            description = "How long a revision's statement may wait for a lock the application holds before the revision "
                    + "is rolled back and tried again: 500ms, 5s, 0 for no bound (default: 5s).")
    Duration lockTimeout;

    @Option(names = "--statement-timeout", paramLabel = "DURATION", converter = LockTimeoutOption.Converter.class,
            description = "How long a revision's statement may run: 30s, 10m, 0 for no bound (default: the session's own).")
    Duration statementTimeout;

    @Option(names = "--ddl-attempts", paramLabel = "N",
            description = "Tries per revision when a statement waited longer than --ddl-lock-timeout (default: 3).")
    Integer attempts;

    /** The defaults with what was given over them; a bad value is a usage error of {@code command}. */
    public DdlTimeouts over(DdlTimeouts defaults, CommandLine.Model.CommandSpec command) {
        DdlTimeouts t = defaults;
        try {
            if (lockTimeout != null) t = t.withLockTimeout(lockTimeout);
            if (statementTimeout != null) t = t.withStatementTimeout(statementTimeout);
            if (attempts != null) t = t.withAttempts(attempts);
        } catch (ConfigurationException e) {
            throw new CommandLine.ParameterException(command.commandLine(), e.getMessage());
        }
        return t;
    }

    /** The options of {@code command}'s mixin, or null when it has none. */
    public static DdlTimeoutOptions of(CommandLine.Model.CommandSpec command) {
        for (CommandLine.Model.CommandSpec mixin : command.mixins().values()) {
            if (mixin.userObject() instanceof DdlTimeoutOptions o) return o;
        }
        return null;
    }
}
