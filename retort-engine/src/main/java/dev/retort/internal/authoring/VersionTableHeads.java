package dev.retort.internal.authoring;

import dev.retort.spi.Dialect;
import dev.retort.api.AppliedRevision;
import dev.retort.internal.version.VersionTable;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The applied heads as the runner records them: the rows of the schema's version table marked as
 * heads. A schema or version table that does not exist has applied nothing. Read without the
 * runner's lock: autogenerate only reads, and a runner busy on the schema would make any answer stale
 * a moment later anyway.
 */
public final class VersionTableHeads implements AppliedRevisions {

    @Override
    public List<String> heads(Connection connection, Dialect dialect, String schema, String versionTable) throws SQLException {
        if (!dialect.existingSchemas(connection).contains(schema)) return List.of();
        VersionTable table = new VersionTable(dialect, versionTable);
        if (!table.exists(connection, schema)) return List.of();
        return table.read(connection, schema).rows().stream().filter(AppliedRevision::head).map(AppliedRevision::revision).toList();
    }
}
