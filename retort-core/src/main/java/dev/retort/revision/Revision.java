package dev.retort.revision;

import dev.retort.internal.revision.Checksums;
import dev.retort.internal.revision.Hints;
import dev.retort.internal.revision.RevisionIds;
import dev.retort.operations.Operation;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One revision: a step in the migration history, stored as one YAML file.
 *
 * @param id            the revision's id; generated ones are 12 random hex digits
 * @param downRevisions the revisions this one follows: none for a first revision, one, or several for
 *                      a merge
 * @param message       what the revision is for, as given to {@code retort revision -m}
 * @param created       when the revision was created
 * @param upgrade       the operations that apply it, in order (the model's rename hints, {@code renamedFrom},
 *                      are dropped: the renames are operations by now)
 * @param downgrade     the operations that undo it, in order
 * @param path          the file it was read from or written to, or null
 * @param checksum      SHA-256 (hex) of the canonical form of id, down revisions, upgrade and downgrade:
 *                      always computed from the content; a non-null value passed in must match it
 */
public record Revision(String id, List<String> downRevisions, String message, Instant created,
                       List<Operation> upgrade, List<Operation> downgrade, Path path, String checksum) {


    public Revision {
        RevisionIds.check(id, "revision id");
        downRevisions = List.copyOf(downRevisions);
        Set<String> seen = new HashSet<>();
        for (String down : downRevisions) {
            RevisionIds.check(down, "down_revision of " + id);
            if (down.equals(id)) throw new IllegalArgumentException("revision " + id + " names itself as its down_revision");
            if (!seen.add(down)) throw new IllegalArgumentException("revision " + id + " names down_revision " + down + " twice");
        }
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(created, "created");
        upgrade = upgrade.stream().map(op -> Hints.strip(Objects.requireNonNull(op, "operation"))).toList();
        downgrade = downgrade.stream().map(op -> Hints.strip(Objects.requireNonNull(op, "operation"))).toList();
        String computed = Checksums.of(id, downRevisions, upgrade, downgrade);
        if (checksum != null && !checksum.equals(computed)) {
            throw new IllegalArgumentException("checksum " + checksum + " does not match revision " + id + "'s content");
        }
        checksum = computed;
    }


    public static Revision of(String id, List<String> downRevisions, String message, Instant created,
                              List<Operation> upgrade, List<Operation> downgrade) {
        return new Revision(id, downRevisions, message, created, upgrade, downgrade, null, null);
    }

    /** A revision whose downgrade is the exact inverse of {@code upgrade}: each inverse, in reverse order. */
    public static Revision fromOperations(String id, List<String> downRevisions, String message, Instant created,
                                          List<Operation> upgrade) {
        return of(id, downRevisions, message, created, upgrade, inverse(upgrade));
    }

    /** The operations that undo {@code ops}: the inverse of each, last first. */
    public static List<Operation> inverse(List<Operation> ops) {
        List<Operation> out = new ArrayList<>(ops.size());
        for (int i = ops.size() - 1; i >= 0; i--) out.add(ops.get(i).inverse());
        return out;
    }

    public Revision withPath(Path newPath) {
        return new Revision(id, downRevisions, message, created, upgrade, downgrade, newPath, checksum);
    }

    public boolean isMerge() {
        return downRevisions.size() > 1;
    }

    public boolean isBase() {
        return downRevisions.isEmpty();
    }

    /** The file name if there is one, else the id: for messages. */
    public String source() {
        return path == null ? id : path.toString();
    }

    /**
     * What a downgrade operation cannot bring back: the note of the operation it undoes (a dropped
     * column's values, a dropped table's rows), or null. Revision files carry it as a comment, and the
     * runner shows it before such a downgrade.
     */
    public static String downgradeLossNote(Operation downgradeOp) {
        return downgradeOp.inverse().lossNote();
    }

    /** The short form: {@code 3f9c2a1b7d4e (initial)}. */
    @Override
    public String toString() {
        return id + " (" + message.lines().findFirst().orElse("") + ")";
    }
}
