package dev.retort.operations;

import java.util.Objects;

/** A value before and after; either may be null (no default, no comment, ...). */
public record Change<T>(T from, T to) {
    public Change<T> reversed() {
        return new Change<>(to, from);
    }

    public boolean changed() {
        return !Objects.equals(from, to);
    }

    @Override
    public String toString() {
        return from + " -> " + to;
    }
}
