package dev.retort.postgres.conformance;

import dev.retort.MetaData;
import dev.retort.Table;
import dev.retort.compare.CompareOptions;
import dev.retort.compare.Diff;
import dev.retort.compare.Differ;
import dev.retort.operations.Operation;
import dev.retort.operations.SchemaOps;
import dev.retort.postgres.PostgresDialect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One convergence run of a case, on two databases of one server that it empties before each load:
 * {@code current} goes into A and {@code desired} into B, both under {@code search_path = public} as
 * sqldef runs them. Retort reflects both, diffs A to B, applies the result to A; the
 * {@link CatalogOracle} must then see A and B alike, and a second diff must be empty. Then A is loaded
 * with {@code current} again and the same is done from B (desired) back to A (current).
 *
 * <p>Both databases use the same schema names, so the reflected desired side needs no retargeting.
 */
final class Convergence implements AutoCloseable {
    /** What became of a run: null detail when it passed. */
    record Result(String detail) {
        boolean passed() {
            return detail == null;
        }
    }

    private static final PostgresDialect DIALECT = new PostgresDialect();

    private final Connection a;
    private final Connection b;

    Convergence(Connection a, Connection b) throws SQLException {
        this.a = a;
        this.b = b;
        a.setAutoCommit(true);
        b.setAutoCommit(true);
    }

    static int serverMajor(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_setting('server_version_num')::int / 10000")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    Result run(Corpus.Case c) {
        boolean drops = c.flag("enable_drop", true);
        // A case run as sqldef's test role works in that role's schema, foo, instead of public.
        String path = c.option("user") != null ? "foo" : "public";
        try {
            // sqldef applies desired onto the current database, where the schemas current created exist
            // already; a desired script may rely on them without creating them (and the other way round).
            Set<String> forCurrent = minus(schemasCreated(c.desired()), schemasCreated(c.current()));
            Set<String> forDesired = minus(schemasCreated(c.current()), schemasCreated(c.desired()));
            String failure = load(a, c.current(), path, forCurrent, "current");
            if (failure == null) failure = load(b, c.desired(), path, forDesired, "desired");
            RenameAnnotations renames = RenameAnnotations.of(c.desired());
            if (failure == null) failure = direction("current -> desired", a, b, drops, renames);
            if (failure == null) failure = load(a, c.current(), path, forCurrent, "current");
            // sqldef's down migrations do not rename back: the reverse declares no renames.
            if (failure == null) failure = direction("desired -> current", b, a, drops, RenameAnnotations.of(""));
            return new Result(failure);
        } catch (SQLException | RuntimeException e) {
            return new Result("unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static final Pattern CREATE_SCHEMA =
            Pattern.compile("(?i)\\bCREATE\\s+SCHEMA\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\"(?:[^\"]|\"\")+\"|[A-Za-z_][\\w$]*)");

    /** The schemas a script creates, as PostgreSQL will name them. */
    static Set<String> schemasCreated(String ddl) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = CREATE_SCHEMA.matcher(ddl);
        while (m.find()) {
            String n = m.group(1);
            out.add(n.startsWith("\"") ? n.substring(1, n.length() - 1).replace("\"\"", "\"") : n.toLowerCase(Locale.ROOT));
        }
        return out;
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> out = new LinkedHashSet<>(a);
        out.removeAll(b);
        return out;
    }

    private static String load(Connection c, String ddl, String path, Set<String> schemas, String label) throws SQLException {
        reset(c, path);
        try (Statement st = c.createStatement()) {
            for (String s : schemas) st.execute("CREATE SCHEMA IF NOT EXISTS " + DIALECT.quote(s));
        }
        try {
            DdlScript.load(c, ddl);
            return null;
        } catch (SQLException e) {
            return "cannot load " + label + ": " + e.getMessage();
        }
    }

    /** Drops every user schema and starts again from an empty {@code public} (and the case's own schema). */
    private static void reset(Connection c, String path) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("""
                    DO $$
                    DECLARE s text;
                    BEGIN
                        FOR s IN SELECT nspname FROM pg_namespace
                                 WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' LOOP
                            EXECUTE format('DROP SCHEMA %I CASCADE', s);
                        END LOOP;
                    END
                    $$""");
            st.execute("CREATE SCHEMA public");
            if (!path.equals("public")) st.execute("CREATE SCHEMA " + DIALECT.quote(path));
            st.execute("SET search_path = " + DIALECT.quote(path));
        }
    }

    /** Makes {@code from} match {@code to} and checks it; null when all went well, else what went wrong. */
    private static String direction(String label, Connection from, Connection to, boolean drops, RenameAnnotations renames)
            throws SQLException {
        Set<String> existing = new LinkedHashSet<>(DIALECT.existingSchemas(from));
        Set<String> schemas = new LinkedHashSet<>(existing);
        schemas.addAll(DIALECT.existingSchemas(to));
        Diff diff;
        try {
            diff = diff(from, to, schemas, drops, renames);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return label + ": diff failed: " + e.getMessage();
        }
        // -Dretort.conformance.trace prints what each direction applies, for looking into a case by hand.
        if (System.getProperty("retort.conformance.trace") != null) System.out.println("trace " + label + " " + diff.describe());
        String failure = apply(from, diff, existing);
        if (failure != null) return label + ": " + failure + describe(diff);
        List<String> differences = CatalogOracle.differences(CatalogOracle.facts(to), CatalogOracle.facts(from), !drops);
        if (!differences.isEmpty()) {
            return label + ": the databases still differ:\n  " + String.join("\n  ", differences) + describe(diff);
        }
        Diff again;
        try {
            again = diff(from, to, schemas, drops, renames);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return label + ": second diff failed: " + e.getMessage();
        }
        if (!again.isEmpty()) {
            return label + ": a second diff is not empty:\n  " + String.join("\n  ", again.describe()) + describe(diff);
        }
        return null;
    }

    private static String describe(Diff diff) {
        return diff.isEmpty() ? "\n(nothing was applied)" : "\napplied:\n  " + String.join("\n  ", diff.describe());
    }

    private static Diff diff(Connection from, Connection to, Collection<String> schemas, boolean drops,
                             RenameAnnotations renames) throws SQLException {
        MetaData model = merge(DIALECT.reflect(to, schemas));
        if (!renames.isEmpty()) model = renames.applyTo(model);
        MetaData database = merge(DIALECT.reflect(from, schemas));
        CompareOptions options = new CompareOptions(DIALECT.normaliser(), Set.copyOf(schemas), true, drops);
        return Differ.compare(model, database, options);
    }

    /** The schemas read one by one, as one model (the differ compares one MetaData with another). */
    static MetaData merge(Map<String, MetaData> bySchema) {
        MetaData all = new MetaData();
        for (MetaData md : bySchema.values()) md.enums().forEach(all::addEnum);
        for (MetaData md : bySchema.values()) {
            for (Table t : md.tables().values()) all.add(t);
        }
        for (MetaData md : bySchema.values()) md.sequences().values().forEach(all::addSequence);
        for (MetaData md : bySchema.values()) copyPrograms(md, all);
        return all;
    }

    /** Domains, views, routines, triggers, policies and row-level security of {@code from}, registered in {@code to}. */
    static void copyPrograms(MetaData from, MetaData to) {
        from.domains().values().forEach(to::addDomain);
        from.views().values().forEach(to::addView);
        from.routines().values().forEach(to::addRoutine);
        from.triggers().values().forEach(to::addTrigger);
        from.policies().values().forEach(to::addPolicy);
        from.rowSecurity().values().forEach(to::addRowSecurity);
    }

    /**
     * Runs the operations one statement at a time, outside a transaction (a new enum label cannot be used
     * in the transaction that adds it), with the search path on the operation's schema so that names
     * the model leaves unqualified resolve there. The differ creates a schema the model uses while the
     * database holds nothing in it; one that exists already empty is left as it is.
     */
    private static String apply(Connection c, Diff diff, Set<String> existing) throws SQLException {
        String path = null;
        try (Statement st = c.createStatement()) {
            for (Operation op : diff.operations()) {
                if (op instanceof SchemaOps.CreateSchema cs && existing.contains(cs.schema())) continue;
                String schema = op.schema() == null ? "public" : op.schema();
                List<String> statements;
                try {
                    statements = DIALECT.render(op, null);
                } catch (IllegalArgumentException e) {
                    return "cannot render " + op.describe() + ": " + e.getMessage();
                }
                for (String sql : statements) {
                    if (!schema.equals(path) && !(op instanceof SchemaOps.CreateSchema)) {
                        st.execute("SET search_path = " + DIALECT.quote(schema));
                        path = schema;
                    }
                    try {
                        st.execute(sql);
                    } catch (SQLException e) {
                        return "applying " + op.describe() + " failed: " + e.getMessage().strip() + "\n  SQL: " + sql;
                    }
                }
            }
        }
        return null;
    }

    @Override
    public void close() throws SQLException {
        try {
            a.close();
        } finally {
            b.close();
        }
    }
}
