package dev.retort.internal.runner;

import java.time.Duration;

/** Durations as messages show them: {@code 500 ms}, {@code 30 s}, {@code 2 min}. */
final class Durations {
    private Durations() {
    }

    static String describe(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000 || ms % 1000 != 0) return ms + " ms";
        long s = ms / 1000;
        if (s < 60 || s % 60 != 0) return s + " s";
        return s / 60 + " min";
    }
}
