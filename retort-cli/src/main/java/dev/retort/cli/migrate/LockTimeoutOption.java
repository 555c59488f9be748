package dev.retort.cli.migrate;

import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.time.Duration;

/**
 * {@code --runner-lock-timeout DURATION}, for commands that take a schema's migration lock. Its first
 * name, {@code --lock-timeout}, stays as an alias; it was taken to bound every lock wait, which it
 * never did.
 */
public final class LockTimeoutOption {

    @Option(names = {"--runner-lock-timeout", "--lock-timeout"}, paramLabel = "DURATION", converter = Converter.class,
            description = {"How long to wait for another Retort runner working on the same schema: 500ms, 30s, 2m (default: 1m). "
                    + "--lock-timeout is an alias.",
                    "It does not bound a statement's wait for a lock the application holds (--ddl-lock-timeout does); "
                    + "stopping Retort (Ctrl-C, SIGTERM) cancels that statement on the server."})
    Duration timeout;

    /** The timeout given, or null for the default. */
    public Duration value() {
        return timeout;
    }

    /** {@code 500ms}, {@code 30s}, {@code 30} (seconds), {@code 2m}, or ISO-8601 ({@code PT1M30S}). */
    static final class Converter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return dev.retort.cli.config.Durations.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
