package dev.retort.postgres;

import dev.retort.MetaData;
import dev.retort.Policy;
import dev.retort.Routine;
import dev.retort.Trigger;
import dev.retort.View;
import dev.retort.compare.Canonical;
import dev.retort.compare.CompareOptions;
import dev.retort.compare.Differ;
import dev.retort.operations.Operation;
import dev.retort.operations.ViewOps;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Lets the server say what the model's views, routines, triggers and policies look like once created:
 * the whole model is created in a scratch schema inside a transaction that is rolled back, read back
 * with the reflector (which prints every body with the schema as the search path), and nothing stays.
 * The model's objects and the database's are then both in the server's own text, and equal exactly when
 * it prints them alike.
 *
 * <p>One round trip for the creation (a batch), the reflector's fixed queries and one query naming the
 * routines; a model without such objects costs nothing. The result is cached by the model's creation
 * script and the server, so comparing one model with many tenants creates it once.
 *
 * <p>A body that PostgreSQL refuses (a query naming a column that does not exist, a syntax error, a view
 * on a table the model lacks) is reported with the object it belongs to. A database where the scratch
 * schema cannot be created (no privilege, a read-only standby) gives {@link Canonical#APPROXIMATE}: the
 * texts are then compared through the normaliser.
 */
final class PostgresCanonicaliser {
    private static final int CACHED = 16;
    private static final Map<String, Canonical> CACHE = new LinkedHashMap<>(CACHED, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Canonical> eldest) {
            return size() > CACHED;
        }
    };
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The name the cache key is computed with; the schema really created gets a random one. */
    private static final String KEY_SCHEMA = "retort_scratch";
    private static final Set<String> NO_PRIVILEGE = Set.of("42501", "25006");

    private final PostgresDialect dialect;

    PostgresCanonicaliser(PostgresDialect dialect) {
        this.dialect = dialect;
    }

    /**
     * @param model a model bound to {@code schema}
     * @throws IllegalArgumentException naming the object whose definition PostgreSQL refuses
     */
    Canonical canonical(Connection connection, MetaData model, String schema) throws SQLException {
        if (model.views().isEmpty() && model.routines().isEmpty() && model.triggers().isEmpty() && model.policies().isEmpty()) {
            return Canonical.NONE;
        }
        String key = cacheKey(connection, model, schema);
        synchronized (CACHE) {
            Canonical cached = CACHE.get(key);
            if (cached != null) return cached.rebind(KEY_SCHEMA, schema);
        }
        String scratch = KEY_SCHEMA + "_" + HexFormat.of().formatHex(randomBytes());
        Canonical found = create(connection, model.withSchema(scratch), scratch);
        if (found.exact()) {
            synchronized (CACHE) {
                CACHE.put(key, found.rebind(scratch, KEY_SCHEMA));
            }
        }
        return found.rebind(scratch, schema);
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return b;
    }

    private String cacheKey(Connection connection, MetaData model, String schema) throws SQLException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((connection.getMetaData().getURL() + "\0" + connection.getMetaData().getDatabaseProductVersion() + "\0")
                    .getBytes(StandardCharsets.UTF_8));
            for (Step s : steps(model.withSchema(KEY_SCHEMA), KEY_SCHEMA)) sha.update((s.sql() + "\0").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** One statement of the creation script and the operation it belongs to. */
    private record Step(String sql, Operation operation) {
    }

    private List<Step> steps(MetaData model, String scratch) {
        CompareOptions options = CompareOptions.managing(scratch).withNormaliser(dialect.normaliser());
        List<Step> out = new ArrayList<>();
        for (Operation op : Differ.compare(model, new MetaData(scratch), options).operations()) {
            for (String sql : dialect.render(op, scratch)) out.add(new Step(sql, op));
        }
        return out;
    }

    private Canonical create(Connection connection, MetaData model, String scratch) throws SQLException {
        List<Step> steps = steps(model, scratch);
        boolean autoCommit = connection.getAutoCommit();
        Savepoint savepoint = null;
        if (autoCommit) connection.setAutoCommit(false); else savepoint = connection.setSavepoint();
        try {
            try (Statement st = connection.createStatement()) {
                try {
                    st.execute("CREATE SCHEMA " + PostgresSql.quote(scratch));
                } catch (SQLException e) {
                    if (NO_PRIVILEGE.contains(e.getSQLState())) return Canonical.APPROXIMATE;
                    throw e;
                }
                dialect.useSchema(scratch).forEach(sql -> execute(st, sql));
                for (Step s : steps) st.addBatch(s.sql());
                try {
                    st.executeBatch();
                } catch (BatchUpdateException e) {
                    throw refused(steps, e, scratch);
                }
            }
            MetaData read = new PostgresReflector(connection).reflect(List.of(scratch)).get(scratch);
            Map<String, String> routineKeys = routineKeys(connection, model, scratch);
            return new Canonical(views(model, read), routines(model, read, routineKeys), triggers(model, read),
                    policies(model, read), true);
        } finally {
            if (savepoint != null) connection.rollback(savepoint); else connection.rollback();
            if (autoCommit) connection.setAutoCommit(true);
        }
    }

    private static void execute(Statement st, String sql) {
        try {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static final java.util.regex.Pattern BATCH_ENTRY = java.util.regex.Pattern.compile("^Batch entry (\\d+) ");

    /** The statement the batch stopped at, said with the object it creates, and the server's reason. */
    private static IllegalArgumentException refused(List<Step> steps, BatchUpdateException e, String scratch) {
        int at = -1;
        java.util.regex.Matcher m = BATCH_ENTRY.matcher(String.valueOf(e.getMessage()));
        if (m.find()) {
            at = Integer.parseInt(m.group(1));
        } else if (e.getUpdateCounts() != null) {
            at = e.getUpdateCounts().length;
            for (int i = 0; i < e.getUpdateCounts().length; i++) {
                if (e.getUpdateCounts()[i] == Statement.EXECUTE_FAILED) {
                    at = i;
                    break;
                }
            }
        }
        SQLException cause = e.getNextException() != null ? e.getNextException() : e;
        String reason = cause instanceof org.postgresql.util.PSQLException p && p.getServerErrorMessage() != null
                && p.getServerErrorMessage().getMessage() != null
                ? p.getServerErrorMessage().getMessage() : String.valueOf(cause.getMessage());
        reason = reason.strip().replaceAll("\\s*\\R\\s*", " ")
                .replace(PostgresSql.quote(scratch) + ".", "").replace(scratch + ".", "");
        Operation failed = at >= 0 && at < steps.size() ? steps.get(at).operation() : null;
        String what = failed == null ? "the model" : failed.rebind(scratch, null).describe();
        String cycle = failed instanceof ViewOps.CreateView v ? cycle(steps, v.view().name()) : "";
        return new IllegalArgumentException("the model cannot be created as it is: " + cycle + what + ": " + reason, e);
    }

    /**
     * The views that read each other in a circle with {@code view}, judged from the names their queries
     * mention, as {@code "views a, b read each other: "}; empty when there is none. No order creates
     * such views, so naming them all says what to fix.
     */
    private static String cycle(List<Step> steps, String view) {
        Map<String, String> queries = new LinkedHashMap<>();
        for (Step s : steps) {
            if (s.operation() instanceof ViewOps.CreateView v) queries.put(v.view().name(), v.view().definition());
        }
        List<String> path = new ArrayList<>();
        if (!reaches(view, view, queries, path, new java.util.HashSet<>())) return "";
        path.add(0, view);
        return "views " + String.join(", ", new java.util.LinkedHashSet<>(path)) + " read each other: ";
    }

    private static boolean reaches(String from, String target, Map<String, String> queries, List<String> path,
                                   Set<String> seen) {
        for (String next : queries.keySet()) {
            if (next.equals(from) || !mentions(queries.get(from), next)) continue;
            if (next.equals(target)) return true;
            if (!seen.add(next)) continue;
            path.add(next);
            if (reaches(next, target, queries, path, seen)) return true;
            path.remove(path.size() - 1);
        }
        return false;
    }

    private static boolean mentions(String text, String name) {
        return java.util.regex.Pattern.compile("(?<![\\w$])\"?" + java.util.regex.Pattern.quote(name) + "\"?(?![\\w$])",
                java.util.regex.Pattern.CASE_INSENSITIVE).matcher(text).find();
    }

    /**
     * For each model routine, the key under which the reflector read it: its argument types as written in
     * the model resolved by the server ({@code to_regprocedure}), printed as reflection prints them.
     */
    private static Map<String, String> routineKeys(Connection connection, MetaData model, String scratch) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        if (model.routines().isEmpty()) return out;
        List<String> keys = new ArrayList<>();
        List<String> signatures = new ArrayList<>();
        for (Routine r : model.routines().values()) {
            if (!scratch.equals(r.schema())) continue;
            List<String> types = new ArrayList<>();
            for (Routine.Argument a : r.arguments()) {
                if (a.mode().identifies()) types.add(PostgresSql.bindPlaceholders(a.type(), scratch));
            }
            keys.add(r.key());
            signatures.add(PostgresSql.quote(scratch) + "." + PostgresSql.quote(r.name()) + "(" + String.join(", ", types) + ")");
        }
        String sql = """
                SELECT u.k,
                       CASE WHEN pg_catalog.set_config('search_path', pg_catalog.quote_ident(?), true) IS NOT NULL
                            THEN ARRAY(SELECT pg_catalog.format_type(t.typ, NULL)
                                       FROM pg_catalog.unnest(p.proargtypes::pg_catalog.oid[]) WITH ORDINALITY t(typ, ord)
                                       ORDER BY t.ord) END AS types,
                       p.proname
                FROM ROWS FROM (pg_catalog.unnest(?::text[]), pg_catalog.unnest(?::text[])) u(k, sig)
                JOIN pg_catalog.pg_proc p ON p.oid = pg_catalog.to_regprocedure(u.sig)
                """;
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, scratch);
            ps.setArray(2, connection.createArrayOf("text", keys.toArray()));
            ps.setArray(3, connection.createArrayOf("text", signatures.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object[] types = (Object[]) rs.getArray("types").getArray();
                    List<Routine.Argument> args = new ArrayList<>();
                    for (Object t : types) args.add(Routine.Argument.of(null, PostgresSql.placeholders((String) t, scratch)));
                    Routine probe = new Routine(scratch, rs.getString("proname"), Routine.Kind.FUNCTION, args, "void", "sql", "-",
                            null, false, false, false, null, null, null, List.of(), null);
                    out.put(rs.getString(1), probe.key());
                }
            }
        }
        return out;
    }

    private static Map<String, View> views(MetaData model, MetaData read) {
        Map<String, View> out = new LinkedHashMap<>();
        for (View v : model.views().values()) {
            View found = read.views().get(v.key());
            if (found != null) out.put(v.key(), found);
        }
        return out;
    }

    private static Map<String, Routine> routines(MetaData model, MetaData read, Map<String, String> keys) {
        Map<String, Routine> out = new LinkedHashMap<>();
        Map<String, Routine> byKey = new LinkedHashMap<>();
        read.routines().values().forEach(r -> byKey.put(r.key().toLowerCase(Locale.ROOT), r));
        for (Routine r : model.routines().values()) {
            String key = keys.get(r.key());
            Routine found = key == null ? null : byKey.get(key.toLowerCase(Locale.ROOT));
            if (found != null) out.put(r.key(), found);
        }
        return out;
    }

    private static Map<String, Trigger> triggers(MetaData model, MetaData read) {
        Map<String, Trigger> out = new LinkedHashMap<>();
        for (Trigger t : model.triggers().values()) {
            Trigger found = read.triggers().get(t.key());
            if (found != null) out.put(t.key(), found);
        }
        return out;
    }

    private static Map<String, Policy> policies(MetaData model, MetaData read) {
        Map<String, Policy> out = new LinkedHashMap<>();
        for (Policy p : model.policies().values()) {
            Policy found = read.policies().get(p.key());
            if (found != null) out.put(p.key(), found);
        }
        return out;
    }
}
