package dev.retort.internal.authoring;

import dev.retort.spi.Dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;

/**
 * Where autogenerate learns which revisions a schema has applied: the version table, read by the
 * runner's code. Autogenerate compares with the schema as it is, so it must know that the schema is
 * at the head of the history; otherwise the new revision would repeat what pending revisions do.
 */
@FunctionalInterface
public interface AppliedRevisions {

    /**
     * The heads recorded for a schema: empty when nothing is applied, including when the schema or
     * its version table does not exist.
     */
    Collection<String> heads(Connection connection, Dialect dialect, String schema, String versionTable) throws SQLException;
}
