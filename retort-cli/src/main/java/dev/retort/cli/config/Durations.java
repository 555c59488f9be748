package dev.retort.cli.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as retort.yaml and the command line write them: {@code 500ms}, {@code 30s}, {@code 30} (seconds), {@code 2m}, ISO-8601. */
public final class Durations {
    private static final Pattern SIMPLE = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|min)?");

    private Durations() {
    }

    /** @throws IllegalArgumentException naming what is wrong with the text */
    public static Duration parse(String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        Matcher m = SIMPLE.matcher(text);
        Duration d;
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            d = switch (unit) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                default -> Duration.ofMinutes(n);
            };
        } else {
            try {
                d = Duration.parse(value.strip().toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + value + "' is not a duration (500ms, 30s, 2m)");
            }
        }
        if (d.isNegative()) throw new IllegalArgumentException("'" + value + "' is negative");
        return d;
    }

    /** {@code 500ms}, {@code 5s}, {@code 2m}, {@code 0 (no bound)}. */
    public static String describe(Duration d) {
        if (d.isZero()) return "0 (no bound)";
        long ms = d.toMillis();
        if (ms % 60_000 == 0) return ms / 60_000 + "m";
        if (ms % 1000 == 0) return ms / 1000 + "s";
        return ms + "ms";
    }
}
