package dev.retort.internal.version;

import dev.retort.api.ConfigurationException;
import dev.retort.api.LastFailure;
import dev.retort.MetaData;
import dev.retort.Table;
import dev.retort.spi.Dialect;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.List;
import java.util.Objects;

import static dev.retort.Dsl.column;
import static dev.retort.Types.TEXT;
import static dev.retort.Types.TIMESTAMPTZ;
import static dev.retort.Types.varchar;

/**
 * The companion of a schema's version table that remembers the last failed run there
 * ({@link LastFailure}): at most one row. It is created only when a run first fails in the schema,
 * written in a transaction of its own after the failed one was rolled back, and emptied by the next
 * run that commits anything there. Its name is the version table's with {@value #SUFFIX}.
 *
 * <p>The error text is arbitrary, so it is always a bound parameter, never part of a statement.
 */
public final class FailureTable {
    public static final String SUFFIX = "_failure";
    public static final String OPERATION = "operation";
    public static final String REVISION = "revision";
    public static final String FAILED_AT = "failed_at";
    public static final String ERROR = "error";

    /** Identifiers longer than this are cut short by PostgreSQL, so the name would not be found again. */
    private static final int MAX_NAME_BYTES = 63;
    /** The error is one line, but a line quoting a long statement can be long: keep the record small. */
    private static final int MAX_ERROR_CHARS = 2000;

    private final Dialect dialect;
    private final String name;

    /** Usually reached as {@link VersionTable#failures()}. */
    public FailureTable(Dialect dialect, String versionTable) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.name = nameFor(versionTable);
    }

    /** The failure table that goes with {@code versionTable}. */
    public static String nameFor(String versionTable) {
        String name = Objects.requireNonNull(versionTable, "version table") + SUFFIX;
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            throw new ConfigurationException("version table name '" + versionTable + "' is too long: with '" + SUFFIX
                    + "' it must fit in " + MAX_NAME_BYTES + " bytes");
        }
        return name;
    }

    public String name() {
        return name;
    }

    /** The table as a model table, without a schema. */
    public Table definition() {
        MetaData md = new MetaData();
        return md.table(name,
                column(OPERATION, varchar(16)).notNull(),
                column(REVISION, varchar(64)),
                column(FAILED_AT, TIMESTAMPTZ).notNull(),
                column(ERROR, TEXT).notNull());
    }

    /** Forgets the failure: a later run got somewhere. */
    public String clear(String schema) {
        return "DELETE FROM " + dialect.qualify(schema, name);
    }

    /**
     * Replaces the schema's record with {@code failure}, creating the table when missing, in one
     * transaction of its own on {@code connection} (which must not be in a transaction).
     */
    public void record(Connection connection, String schema, LastFailure failure) throws SQLException {
        String insert = "INSERT INTO " + dialect.qualify(schema, name) + " (" + columns(OPERATION, REVISION, FAILED_AT, ERROR)
                + ") VALUES (?, ?, CURRENT_TIMESTAMP, ?)";
        boolean auto = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement(); PreparedStatement ps = connection.prepareStatement(insert)) {
            st.execute(dialect.createTableIfNotExists(definition(), schema));
            st.execute(clear(schema));
            ps.setString(1, failure.operation());
            ps.setString(2, failure.revision());
            String error = failure.error();
            ps.setString(3, error.length() > MAX_ERROR_CHARS ? error.substring(0, MAX_ERROR_CHARS) + "…" : error);
            ps.executeUpdate();
            connection.commit();
        } catch (SQLException e) {
            try {
                connection.rollback();
            } catch (SQLException again) {
                e.addSuppressed(again);
            }
            throw e;
        } finally {
            connection.setAutoCommit(auto);
        }
    }

    /** The schema's record, or null when it has none; the table must exist. */
    public LastFailure read(Connection connection, String schema) throws SQLException {
        String sql = "SELECT " + columns(OPERATION, REVISION, FAILED_AT, ERROR) + " FROM " + dialect.qualify(schema, name)
                + " ORDER BY " + dialect.quote(FAILED_AT) + " DESC";
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? row(rs, 1) : null;
        }
    }

    /** The failure in the columns {@code first .. first+3} of the current row: operation, revision, failed_at, error. */
    public static LastFailure row(ResultSet rs, int first) throws SQLException {
        Timestamp at = rs.getTimestamp(first + 2);
        return new LastFailure(rs.getString(first), rs.getString(first + 1), at == null ? null : at.toInstant(), rs.getString(first + 3));
    }

    /** The columns {@link #row} reads, quoted, in its order. */
    public String selectColumns() {
        return columns(OPERATION, REVISION, FAILED_AT, ERROR);
    }

    private String columns(String... names) {
        return String.join(", ", List.of(names).stream().map(dialect::quote).toList());
    }

    @Override
    public String toString() {
        return "FailureTable[" + name + "]";
    }
}
