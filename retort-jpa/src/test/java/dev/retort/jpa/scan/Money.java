package dev.retort.jpa.scan;

/** A value the scanned converter stores as its cents. */
public record Money(long cents) {
}
