package dev.retort.internal.runner;

import dev.retort.api.TenantVersion;
import dev.retort.api.CheckResult;
import dev.retort.MetaData;
import dev.retort.compare.Diff;
import dev.retort.spi.Dialect;
import dev.retort.internal.autogenerate.Autogenerate;
import dev.retort.revision.Revision;
import dev.retort.internal.revision.RevisionGraph;
import dev.retort.api.AppliedRevision;
import dev.retort.internal.version.FailureTable;
import dev.retort.api.LastFailure;
import dev.retort.internal.version.VersionTable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The version tables and catalogs of many tenant schemas of one database, read in bulk: a fixed
 * number of queries per batch of tenants rather than a few per tenant. What one schema's
 * {@code current} and {@code check} read one query at a time, this reads for hundreds at once:
 * <ul>
 *   <li>the existing schemas: one query;</li>
 *   <li>which of them have the version table (and a failure table): one query per batch, the names
 *       bound as parameters;</li>
 *   <li>the rows of those tables: one {@code UNION ALL} per batch, each table named through the
 *       dialect's quoting and each schema name bound as a parameter; one more for the recorded
 *       failures, when a schema of the batch has any;</li>
 *   <li>for {@link #check}, the catalogs of the tenants at head: the dialect's bulk reflection
 *       ({@link Autogenerate#autogenerateEach}), a fixed number of queries per batch.</li>
 * </ul>
 * Batches bound both the statements' size and the memory of the reflected models. The connection
 * given is the survey's own: the dialect may prepare it for bulk reads
 * ({@link Dialect#prepareBulkRead}) and leave it so.
 */
public final class TenantSurvey {
    /** Tenants per catalog query (which of them have the version and failure tables). */
    public static final int VERSION_BATCH = 500;
    /**
     * Tables per {@code UNION ALL}: planning such a statement grows faster than its branches, so a
     * hundred at a time reads a thousand tenants several times faster than five hundred at a time
     * (docs/benchmarks.md, "Spring Boot").
     */
    static final int UNION_BATCH = 100;
    /** Tenants reflected at once for the drift check. */
    public static final int REFLECT_BATCH = 200;

    private final Dialect dialect;
    private final VersionTable table;
    private final FailureTable failures;
    private final RevisionGraph graph;

    public TenantSurvey(Dialect dialect, String versionTable, RevisionGraph graph) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.table = new VersionTable(dialect, versionTable);
        this.failures = table.failures();
        this.graph = Objects.requireNonNull(graph, "revision graph");
    }

    /** Each tenant's state, in the order given. */
    public List<TenantVersion> current(Connection connection, List<String> tenants) throws SQLException {
        List<TenantVersion> out = new ArrayList<>();
        for (SchemaState s : states(connection, tenants).values()) {
            boolean atHead = s.tracked() && s.unknown(graph).isEmpty()
                    && graph.upgradePathTo(s.knownHeads(graph), graph.heads()).isEmpty();
            List<String> partial = RenderedOp.partial(dialect, graph, s.rows(), s.schema()).stream()
                    .map(p -> p.id() + " " + p.describe()).toList();
            out.add(new TenantVersion(s.schema(), s.schemaExists(), s.tracked(), s.recordedHeads(), atHead && partial.isEmpty(),
                    s.lastFailure(), partial));
        }
        return out;
    }

    /**
     * Each tenant checked as {@link Runner#check} checks one schema: pending revisions, edited or
     * unknown applied revisions, and (for the existing tenants with nothing pending) the drift against
     * {@code model}, the schema-agnostic model.
     */
    public List<CheckResult> check(Connection connection, List<String> tenants, MetaData model, Autogenerate autogenerate)
            throws SQLException {
        Map<String, SchemaState> states = states(connection, tenants);
        List<String> compare = new ArrayList<>();
        Map<String, List<Revision>> pending = new HashMap<>();
        for (SchemaState s : states.values()) {
            List<Revision> p = graph.upgradePathTo(s.knownHeads(graph), graph.heads());
            pending.put(s.schema(), p);
            if (s.schemaExists() && p.isEmpty() && s.unknown(graph).isEmpty()) compare.add(s.schema());
        }
        Map<String, Diff> drift = new HashMap<>();
        for (List<String> batch : batches(compare, REFLECT_BATCH)) {
            drift.putAll(autogenerate.autogenerateEach(connection, model, batch));
        }
        List<CheckResult> out = new ArrayList<>();
        for (SchemaState s : states.values()) {
            out.add(new CheckResult(s.schema(), s.schemaExists(), s.recordedHeads(), pending.get(s.schema()), s.edited(graph),
                    s.unknown(graph), drift.get(s.schema())));
        }
        return out;
    }

    /** The tenants' states, by tenant in the order given. */
    Map<String, SchemaState> states(Connection connection, List<String> tenants) throws SQLException {
        dialect.prepareBulkRead(connection);
        Set<String> existing = new HashSet<>(dialect.existingSchemas(connection));
        List<String> present = tenants.stream().filter(existing::contains).distinct().toList();
        Set<String> tracked = new HashSet<>();
        Map<String, List<AppliedRevision>> rows = new HashMap<>();
        Map<String, LastFailure> failed = new HashMap<>();
        for (List<String> batch : batches(present, VERSION_BATCH)) {
            Map<String, List<String>> own = ownTables(connection, batch);
            List<String> withTable = own.getOrDefault(table.name(), List.of());
            tracked.addAll(withTable);
            Set<String> withStep = Set.copyOf(own.getOrDefault(STEP_COLUMN, List.of()));
            for (List<String> part : batches(withTable, UNION_BATCH)) rows.putAll(rows(connection, part, withStep));
            for (List<String> part : batches(own.getOrDefault(failures.name(), List.of()), UNION_BATCH)) {
                failed.putAll(failures(connection, part));
            }
        }
        Map<String, SchemaState> out = new LinkedHashMap<>();
        for (String t : tenants) {
            out.put(t, new SchemaState(t, existing.contains(t), tracked.contains(t), rows.getOrDefault(t, List.of()), failed.get(t)));
        }
        return out;
    }

    /** The key of {@link #ownTables}'s answer listing the version tables that have the step column. */
    private static final String STEP_COLUMN = "";

    /**
     * Which of the schemas have the version table and which the failure table, by table name, and
     * whose version table has the step column (a table made before it has not), under
     * {@link #STEP_COLUMN}: one query, the names as parameters.
     */
    private Map<String, List<String>> ownTables(Connection connection, List<String> schemas) throws SQLException {
        String in = String.join(", ", schemas.stream().map(s -> "?").toList());
        String sql = "SELECT table_name, table_schema FROM information_schema.tables WHERE table_name IN (?, ?) AND table_schema IN ("
                + in + ") UNION ALL SELECT CAST('' AS VARCHAR(255)), table_schema FROM information_schema.columns"
                + " WHERE table_name = ? AND column_name = ? AND table_schema IN (" + in + ")";
        Map<String, List<String>> out = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            int p = 1;
            ps.setString(p++, table.name());
            ps.setString(p++, failures.name());
            for (String s : schemas) ps.setString(p++, s);
            ps.setString(p++, table.name());
            ps.setString(p++, VersionTable.STEP);
            for (String s : schemas) ps.setString(p++, s);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        return out;
    }

    /** The failures recorded in the schemas' failure tables, in one {@code UNION ALL} built as {@link #rows} builds its own. */
    private Map<String, LastFailure> failures(Connection connection, List<String> schemas) throws SQLException {
        Map<String, LastFailure> out = new HashMap<>();
        if (schemas.isEmpty()) return out;
        List<String> selects = new ArrayList<>();
        for (String s : schemas) {
            selects.add("SELECT CAST(? AS VARCHAR(255)) AS tenant, " + failures.selectColumns() + " FROM " + dialect.qualify(s, failures.name()));
        }
        String sql = String.join(" UNION ALL ", selects) + " ORDER BY 1, 4";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < schemas.size(); i++) ps.setString(i + 1, schemas.get(i));
            try (ResultSet rs = ps.executeQuery()) {
                // Ordered by time, so the last one read for a tenant is its latest.
                while (rs.next()) out.put(rs.getString(1), FailureTable.row(rs, 2));
            }
        }
        return out;
    }

    /**
     * The version-table rows of the schemas, in one {@code UNION ALL}: each table named through the
     * dialect's quoting, each schema's name a bound parameter, so no name is ever pasted as text.
     */
    private Map<String, List<AppliedRevision>> rows(Connection connection, List<String> schemas, Set<String> withStep) throws SQLException {
        Map<String, List<AppliedRevision>> out = new HashMap<>();
        if (schemas.isEmpty()) return out;
        String columns = dialect.quote(VersionTable.REVISION) + ", " + dialect.quote(VersionTable.CHECKSUM) + ", "
                + dialect.quote(VersionTable.IS_HEAD) + ", " + dialect.quote(VersionTable.APPLIED_AT) + ", ";
        List<String> selects = new ArrayList<>();
        for (String s : schemas) {
            String step = withStep.contains(s) ? dialect.quote(VersionTable.STEP) : "CAST(NULL AS INTEGER)";
            selects.add("SELECT CAST(? AS VARCHAR(255)) AS tenant, " + columns + step + " FROM " + dialect.qualify(s, table.name()));
        }
        String sql = String.join(" UNION ALL ", selects) + " ORDER BY 1, 5, 2";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < schemas.size(); i++) ps.setString(i + 1, schemas.get(i));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new AppliedRevision(rs.getString(2), rs.getString(3), null, null, rs.getBoolean(4), step(rs, 6)));
                }
            }
        }
        return out;
    }

    private static Integer step(ResultSet rs, int column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static List<List<String>> batches(List<String> all, int size) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += size) out.add(all.subList(i, Math.min(all.size(), i + size)));
        return out;
    }
}
