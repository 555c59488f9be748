package dev.retort.internal.revision;

import dev.retort.revision.Revision;
import dev.retort.operations.Operation;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/** Making new revisions: ids, empty revisions to fill by hand, file names. */
public final class Revisions {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SLUG_LENGTH = 40;

    private Revisions() {
    }

    /** Twelve random hex digits, as Alembic's ids: 48 bits make a collision in one project unlikely. */
    public static String newId() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** An empty revision with a new id, created now (to the second), to be filled by hand. */
    public static Revision empty(String message, List<String> downRevisions) {
        return Revision.of(newId(), downRevisions, message, now(), List.of(), List.of());
    }

    /** Now, to the second: sub-second precision only clutters the file. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * Operations computed against one tenant's schema, made to apply to any: every mention of
     * {@code tenant} becomes "no schema". Objects in other (fixed) schemas keep theirs.
     *
     * @throws IllegalArgumentException when a body (a view's query, a routine's source, a trigger's or
     *                                  policy's condition) still qualifies a name with {@code tenant}
     */
    public static List<Operation> schemaAgnostic(List<Operation> ops, String tenant) {
        List<Operation> out = ops.stream().map(op -> op.rebind(tenant, null)).toList();
        SchemaMentions.refuse(out, tenant);
        return out;
    }

    /**
     * Whether a file of a migrations directory or class-path location is a revision: {@code .yaml} or
     * {@code .yml}, not hidden. Retort writes {@code .yaml}; it reads both, since a file renamed by
     * hand to {@code .yml} would otherwise be skipped without a word.
     */
    public static boolean isRevisionFileName(String name) {
        return (name.endsWith(".yaml") || name.endsWith(".yml")) && !name.startsWith(".");
    }

    /** The file name of a revision: {@code <id>_<slug>.yaml}, the slug made from the message. */
    public static String fileName(Revision revision) {
        String slug = slug(revision.message());
        return revision.id() + (slug.isEmpty() ? "" : "_" + slug) + ".yaml";
    }

    /** Lower-case ASCII letters and digits from the message's first line, words joined by underscores. */
    static String slug(String message) {
        String first = message.lines().findFirst().orElse("");
        String ascii = Normalizer.normalize(first, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (slug.length() > SLUG_LENGTH) slug = slug.substring(0, SLUG_LENGTH).replaceAll("_+$", "");
        return slug;
    }
}
