package dev.retort.cli.config;

import java.util.Objects;

/**
 * A password. It prints as {@value #MASK} wherever it ends up (toString, records holding it, error
 * messages built by concatenation), so the only way to the text is {@link #reveal()}, called where a
 * connection is opened.
 */
public final class Secret {
    public static final String MASK = "****";

    private final String value;

    public Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /** The password itself; pass it to the driver, never to a message. */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return MASK;
    }
}
