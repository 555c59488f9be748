package dev.retort.api;

import dev.retort.revision.Revision;

import java.util.List;

/**
 * One revision applied (or undone) in its own transaction.
 *
 * @param revision the revision
 * @param millis   how long its statements took
 * @param warnings what it cannot undo or loses: {@code destructive: drop table child} for each
 *                 destructive operation, and each loss note ({@code the values of column child.note are
 *                 not restored}) of a downgrade
 */
public record AppliedStep(Revision revision, long millis, List<String> warnings) {
    public AppliedStep {
        warnings = List.copyOf(warnings);
    }
}
