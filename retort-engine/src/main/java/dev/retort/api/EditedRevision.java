package dev.retort.api;

import dev.retort.revision.Revision;

/**
 * An applied revision whose file no longer has the checksum recorded when it was applied.
 *
 * @param revision         the revision as its file reads now
 * @param recordedChecksum the checksum in the version table
 */
public record EditedRevision(Revision revision, String recordedChecksum) {

    /** {@code 3f9c2a1b7d4e (migrations/3f9c2a1b7d4e_initial.yaml)}. */
    public String describe() {
        return revision.id() + " (" + revision.source() + ")";
    }
}
