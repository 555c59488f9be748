package dev.retort.internal.version;

import dev.retort.api.AppliedRevision;
import dev.retort.MetaData;
import dev.retort.Table;
import dev.retort.spi.Dialect;
import dev.retort.operations.ColumnOps;
import dev.retort.operations.TableOps;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import static dev.retort.Dsl.column;
import static dev.retort.Types.BIGINT;
import static dev.retort.Types.BOOLEAN;
import static dev.retort.Types.INTEGER;
import static dev.retort.Types.TIMESTAMPTZ;
import static dev.retort.Types.varchar;

/**
 * The table, in each migrated schema, that records which revisions the schema has: one row per
 * applied revision ({@link AppliedRevision}). Its statements are the same text whether the runner
 * executes them or offline mode prints them, so a printed script does exactly what the runner does.
 *
 * <p>Names go through the dialect's quoting; the only values written into statements are revision
 * ids and checksums, which are checked against their strict forms (a word, 64 hex digits) first.
 */
public final class VersionTable {
    public static final String REVISION = "revision";
    public static final String CHECKSUM = "checksum";
    public static final String APPLIED_AT = "applied_at";
    public static final String EXECUTION_MS = "execution_ms";
    public static final String IS_HEAD = "is_head";
    /** Added with steps: version tables created before have no such column until a revision in steps needs it. */
    public static final String STEP = "step";

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_]{1,64}");
    private static final Pattern CHECKSUM_TEXT = Pattern.compile("[0-9a-f]{64}");

    private final Dialect dialect;
    private final String name;
    private final FailureTable failures;

    public VersionTable(Dialect dialect, String name) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.name = Objects.requireNonNull(name, "name");
        this.failures = new FailureTable(dialect, name);
    }

    /** Its companion, which remembers the last failed run in a schema. */
    public FailureTable failures() {
        return failures;
    }

    public String name() {
        return name;
    }

    /** The table as a model table, without a schema. */
    public Table definition() {
        MetaData md = new MetaData();
        return md.table(name,
                column(REVISION, varchar(64)).primaryKey(),
                column(CHECKSUM, varchar(64)).notNull(),
                column(APPLIED_AT, TIMESTAMPTZ).notNull(),
                column(EXECUTION_MS, BIGINT),
                column(IS_HEAD, BOOLEAN).notNull(),
                column(STEP, INTEGER));
    }

    /** Adds the {@value #STEP} column to a version table made before it existed. */
    public List<String> addStepColumn(String schema) {
        return dialect.render(new ColumnOps.AddColumn(null, name, definition().column(STEP).orElseThrow()), schema);
    }

    /** Records the first steps of a revision's upgrade as done; the revision itself is not applied (nor a head). */
    public String insertPartial(String schema, String revision, String checksum, int step) {
        return "INSERT INTO " + qualified(schema) + " (" + columns(REVISION, CHECKSUM, APPLIED_AT, EXECUTION_MS, IS_HEAD, STEP)
                + ") VALUES (" + id(revision) + ", " + checksum(checksum) + ", CURRENT_TIMESTAMP, NULL, FALSE, " + step + ")";
    }

    /** Records the steps of a revision done so far: positive for its upgrade, negative for its downgrade. */
    public String setStep(String schema, String revision, int step) {
        return "UPDATE " + qualified(schema) + " SET " + dialect.quote(STEP) + " = " + step
                + " WHERE " + dialect.quote(REVISION) + " = " + id(revision);
    }

    /** The statements that create it in {@code schema}. */
    public List<String> create(String schema) {
        return dialect.render(new TableOps.CreateTable(definition()), schema);
    }

    /**
     * The statements that create it in {@code schema} unless it exists, for scripts that cannot look
     * first. The table has no indexes or comments, so its creation is the one {@code CREATE TABLE}.
     */
    public List<String> createIfNotExists(String schema) {
        return List.of(dialect.createTableIfNotExists(definition(), schema));
    }

    /** Records a revision as applied, as a head; {@code executionMillis} null for a stamp. */
    public String insert(String schema, String revision, String checksum, Long executionMillis) {
        return "INSERT INTO " + qualified(schema) + " (" + columns(REVISION, CHECKSUM, APPLIED_AT, EXECUTION_MS, IS_HEAD)
                + ") VALUES (" + id(revision) + ", " + checksum(checksum) + ", CURRENT_TIMESTAMP, "
                + (executionMillis == null ? "NULL" : Long.toString(executionMillis)) + ", TRUE)";
    }

    /**
     * Dates every applied revision now: a pool schema made into a tenant has them from now on, as a
     * tenant created by replay would (its execution times, measured in the pool, are dropped with it).
     */
    public String restamp(String schema) {
        return "UPDATE " + qualified(schema) + " SET " + dialect.quote(APPLIED_AT) + " = CURRENT_TIMESTAMP, "
                + dialect.quote(EXECUTION_MS) + " = NULL";
    }

    /** Forgets an applied revision. */
    public String delete(String schema, String revision) {
        return "DELETE FROM " + qualified(schema) + " WHERE " + dialect.quote(REVISION) + " = " + id(revision);
    }

    /** Marks revisions as heads or not; null when there are none to mark. */
    public String setHead(String schema, Collection<String> revisions, boolean head) {
        if (revisions.isEmpty()) return null;
        return "UPDATE " + qualified(schema) + " SET " + dialect.quote(IS_HEAD) + " = " + (head ? "TRUE" : "FALSE")
                + " WHERE " + dialect.quote(REVISION) + " IN (" + String.join(", ", revisions.stream().map(VersionTable::id).toList()) + ")";
    }

    /** Records a revision's checksum anew (a forced upgrade accepting an edited file). */
    public String updateChecksum(String schema, String revision, String checksum) {
        return "UPDATE " + qualified(schema) + " SET " + dialect.quote(CHECKSUM) + " = " + checksum(checksum)
                + " WHERE " + dialect.quote(REVISION) + " = " + id(revision);
    }

    /** Whether the table exists in {@code schema}. */
    public boolean exists(Connection connection, String schema) throws SQLException {
        return ownTablesIn(connection, schema).contains(name);
    }

    /**
     * The names of this table and of its {@link FailureTable} that exist in {@code schema}: one query
     * on the standard {@code information_schema}, the names bound as parameters. (The driver's
     * {@code DatabaseMetaData.getTables} does the same job about ten times slower on a catalog of
     * thousands of tenants, and the runner asks once per tenant.)
     */
    public Set<String> ownTablesIn(Connection connection, String schema) throws SQLException {
        List<String> own = ownTables();
        Set<String> out = new HashSet<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = ? AND table_name IN (?, ?)")) {
            ps.setString(1, schema);
            ps.setString(2, own.get(0));
            ps.setString(3, own.get(1));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** This table and its failure table: Retort's own, in every schema it migrates, and in no model. */
    public List<String> ownTables() {
        return ownTables(name);
    }

    /** The tables Retort keeps in each schema for a version table of this name. */
    public static List<String> ownTables(String versionTable) {
        return List.of(versionTable, FailureTable.nameFor(versionTable));
    }

    /**
     * The rows of a version table, and whether it has the {@value #STEP} column (tables made before it have
     * not).
     */
    public record Rows(List<AppliedRevision> rows, boolean hasStep) {
        public Rows {
            rows = List.copyOf(rows);
        }
    }

    /**
     * The rows, in the order the revisions were applied. Every column is selected, so that a table made
     * before the {@value #STEP} column is read in the same one query.
     */
    public Rows read(Connection connection, String schema) throws SQLException {
        List<AppliedRevision> out = new ArrayList<>();
        String sql = "SELECT * FROM " + qualified(schema) + " ORDER BY " + dialect.quote(APPLIED_AT) + ", " + dialect.quote(REVISION);
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int step = -1;
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) if (md.getColumnLabel(i).equalsIgnoreCase(STEP)) step = i;
            while (rs.next()) {
                Timestamp at = rs.getTimestamp(APPLIED_AT);
                long ms = rs.getLong(EXECUTION_MS);
                Long millis = rs.wasNull() ? null : ms;
                Integer k = null;
                if (step > 0) {
                    int v = rs.getInt(step);
                    k = rs.wasNull() ? null : v;
                }
                out.add(new AppliedRevision(rs.getString(REVISION), rs.getString(CHECKSUM), at == null ? null : at.toInstant(), millis,
                        rs.getBoolean(IS_HEAD), k));
            }
            return new Rows(out, step > 0);
        }
    }

    private String qualified(String schema) {
        return dialect.qualify(schema, name);
    }

    private String columns(String... names) {
        return String.join(", ", List.of(names).stream().map(dialect::quote).toList());
    }

    private static String id(String revision) {
        if (revision == null || !ID.matcher(revision).matches()) {
            throw new IllegalArgumentException("not a revision id: '" + revision + "'");
        }
        return "'" + revision + "'";
    }

    private static String checksum(String checksum) {
        if (checksum == null || !CHECKSUM_TEXT.matcher(checksum).matches()) {
            throw new IllegalArgumentException("not a revision checksum: '" + checksum + "'");
        }
        return "'" + checksum + "'";
    }

    @Override
    public String toString() {
        return "VersionTable[" + name + "]";
    }
}
