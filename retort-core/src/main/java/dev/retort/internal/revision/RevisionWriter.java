package dev.retort.internal.revision;

import dev.retort.revision.Revision;
import java.util.List;

/**
 * Writes a revision as YAML text: a short header comment, then {@code revision}, {@code down_revision},
 * {@code message}, {@code created}, {@code upgrade} and {@code downgrade}. Destructive operations carry
 * a {@code # destructive: ...} comment, and a downgrade operation that cannot bring back what its
 * upgrade removed says so ({@code # the values of column child.note are not restored}).
 *
 * <p>The writer writes the operations as they are: to get a schema-agnostic revision, pass operations
 * rebound to no schema ({@link Revisions#schemaAgnostic}); to pin the schema, pass them bound.
 * {@link RevisionReader} reads the text back to an equal revision.
 */
public final class RevisionWriter {
    private RevisionWriter() {
    }

    public static String write(Revision revision) {
        String summary = revision.message().lines().findFirst().orElse("").strip();
        List<String> header = List.of(
                "Retort revision " + revision.id() + (summary.isEmpty() ? "" : ": " + summary),
                "Operations without a schema apply to the schema being migrated (upgrade --schema S).",
                "Comments are not part of the revision; once it is applied, `retort check` reports edits to the rest.");
        return YamlEmitter.document(header, RevisionEncoder.revision(revision));
    }
}
