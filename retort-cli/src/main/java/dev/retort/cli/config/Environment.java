package dev.retort.cli.config;

import java.util.Map;

/**
 * The process environment as Retort reads it. Commands take it from {@link dev.retort.cli.Main}
 * instead of calling {@link System#getenv} so that tests can give each run its own variables.
 */
@FunctionalInterface
public interface Environment {
    /** Overrides the configured database URL. */
    String URL = "RETORT_URL";
    /** The database password, kept out of retort.yaml. */
    String PASSWORD = "RETORT_PASSWORD";
    /** Overrides the configured default schema. */
    String SCHEMA = "TARGET_SCHEMA";

    /** The variable's value, or null when it is unset. */
    String get(String name);

    /** The variable's value, or null when it is unset or blank (a blank override overrides nothing). */
    default String value(String name) {
        String value = get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The environment of this process. */
    static Environment system() {
        return System::getenv;
    }

    /** Exactly these variables. */
    static Environment of(Map<String, String> variables) {
        Map<String, String> copy = Map.copyOf(variables);
        return copy::get;
    }
}
