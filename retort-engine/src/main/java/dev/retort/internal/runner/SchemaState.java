package dev.retort.internal.runner;

import dev.retort.api.EditedRevision;
import dev.retort.spi.Dialect;
import dev.retort.internal.revision.RevisionGraph;
import dev.retort.api.AppliedRevision;
import dev.retort.internal.version.FailureTable;
import dev.retort.api.LastFailure;
import dev.retort.internal.version.VersionTable;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a schema's version table says, read once at the start of a run (under the lock when the run
 * writes).
 *
 * @param schemaExists whether the schema exists
 * @param tracked      whether its version table exists
 * @param rows         the version table's rows; empty when it does not exist
 * @param lastFailure  the last failed run recorded in the schema, or null
 * @param hasStep      whether the version table has the column recording steps (a table made before it has
 *                     not, until a revision in steps needs it)
 */
record SchemaState(String schema, boolean schemaExists, boolean tracked, List<AppliedRevision> rows, LastFailure lastFailure,
                   boolean hasStep) {
    SchemaState {
        rows = List.copyOf(rows);
    }

    SchemaState(String schema, boolean schemaExists, boolean tracked, List<AppliedRevision> rows, LastFailure lastFailure) {
        this(schema, schemaExists, tracked, rows, lastFailure, true);
    }

    /** Three lookups for a schema at peace (schema, own tables, rows), a fourth when a failure is recorded. */
    static SchemaState read(Connection connection, Dialect dialect, VersionTable table, String schema) throws SQLException {
        if (!dialect.schemaExists(connection, schema)) return new SchemaState(schema, false, false, List.of(), null);
        Set<String> own = table.ownTablesIn(connection, schema);
        FailureTable failures = table.failures();
        LastFailure failure = own.contains(failures.name()) ? failures.read(connection, schema) : null;
        if (!own.contains(table.name())) return new SchemaState(schema, true, false, List.of(), failure);
        VersionTable.Rows read = table.read(connection, schema);
        return new SchemaState(schema, true, true, read.rows(), failure, read.hasStep());
    }

    /** The applied revisions: a revision whose upgrade stopped part way is not (yet) one. */
    List<String> appliedIds() {
        return rows.stream().filter(r -> !r.partlyUpgraded()).map(AppliedRevision::revision).toList();
    }

    /** The rows of revisions that stopped part way, upgraded or downgraded. */
    List<AppliedRevision> partial() {
        return rows.stream().filter(r -> r.step() != null).toList();
    }

    /** The steps of {@code revision}'s upgrade (positive) or downgrade (negative) done; 0 when none is recorded. */
    int step(String revision) {
        for (AppliedRevision r : rows) if (r.revision().equals(revision) && r.step() != null) return r.step();
        return 0;
    }

    /** Applied revisions the graph does not know: their files were deleted, or come from another branch of the code. */
    List<String> unknown(RevisionGraph graph) {
        return rows.stream().map(AppliedRevision::revision).filter(id -> !graph.contains(id)).toList();
    }

    /** Applied revisions whose files' checksums differ from the recorded ones. */
    List<EditedRevision> edited(RevisionGraph graph) {
        List<EditedRevision> out = new ArrayList<>();
        for (AppliedRevision row : rows) {
            if (graph.contains(row.revision()) && !graph.get(row.revision()).checksum().equals(row.checksum())) {
                out.add(new EditedRevision(graph.get(row.revision()), row.checksum()));
            }
        }
        return out;
    }

    /** The heads of the applied revisions the graph knows. */
    List<String> knownHeads(RevisionGraph graph) {
        return graph.headsOf(appliedIds().stream().filter(graph::contains).toList());
    }

    /** The heads as recorded, for a schema whose revisions the graph may not all know. */
    List<String> recordedHeads() {
        return rows.stream().filter(AppliedRevision::head).map(AppliedRevision::revision).toList();
    }
}
