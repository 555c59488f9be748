package dev.retort.postgres;

import dev.retort.Index;
import dev.retort.internal.sql.SqlLexer;
import dev.retort.MetaData;
import dev.retort.Policy;
import dev.retort.Routine;
import dev.retort.RowSecurity;
import dev.retort.Trigger;
import dev.retort.View;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads views, routines, triggers, policies and row-level security, one query per kind for all schemas.
 *
 * <p>Their texts (queries, conditions, types, defaults) are printed by the server with the object's own
 * schema as the search path, set row by row ({@link #printed}), so that names of that schema come out
 * unqualified and the text of one tenant is the text of every other. A name the server still qualifies
 * with the schema (one that a {@code pg_catalog} object would shadow), and a qualified name a routine's
 * author wrote, are written {@code ${schema}.name} ({@link PostgresSql#placeholders}). These queries change
 * the session's search path, so they run after the reflector's others; the reflector restores it.
 */
final class ProgramReflector {
    /** The statements {@link #read} runs. */
    static final int QUERIES = 4;

    private final Connection connection;

    ProgramReflector(Connection connection) {
        this.connection = connection;
    }

    /** Registers what the schemas hold in their MetaData; materialized views get the indexes read for them. */
    void read(Array names, Map<String, MetaData> out, Map<Long, List<Index>> viewIndexes) throws SQLException {
        readViews(names, out, viewIndexes);
        readRoutines(names, out);
        readTriggers(names, out);
        readPolicies(names, out);
    }

    /** {@code expression} evaluated with the search path set to the row's schema ({@code n.nspname}) alone. */
    static String printed(String expression) {
        return "CASE WHEN pg_catalog.set_config('search_path', pg_catalog.quote_ident(n.nspname), false) IS NOT NULL THEN "
                + expression + " END";
    }

    /** Leaves out objects that belong to an extension: the extension makes and drops them. */
    private static String notInExtension(String classCatalog, String oid) {
        return "NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e WHERE e.classid = '" + classCatalog
                + "'::pg_catalog.regclass AND e.objid = " + oid + " AND e.deptype = 'e')";
    }

    // ---- views and materialized views

    private void readViews(Array names, Map<String, MetaData> out, Map<Long, List<Index>> viewIndexes) throws SQLException {
        String sql = """
                SELECT c.oid, n.nspname, c.relname, c.relkind = 'm' AS materialized, c.reloptions::text[] AS options,
                       d.description, %s AS definition
                FROM pg_catalog.pg_class c
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                LEFT JOIN pg_catalog.pg_description d
                       ON d.objoid = c.oid AND d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objsubid = 0
                WHERE n.nspname = ANY(?) AND c.relkind IN ('v', 'm') AND %s
                ORDER BY n.nspname, c.relname
                """.formatted(printed("pg_catalog.pg_get_viewdef(c.oid, true)"), notInExtension("pg_catalog.pg_class", "c.oid"));
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setArray(1, names);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String schema = rs.getString("nspname");
                    Array options = rs.getArray("options");
                    boolean materialized = rs.getBoolean("materialized");
                    out.get(schema).addView(new View(schema, rs.getString("relname"),
                            PostgresSql.placeholders(rs.getString("definition"), schema), materialized,
                            options == null ? List.of() : strings(options),
                            materialized ? viewIndexes.getOrDefault(rs.getLong("oid"), List.of()) : List.of(),
                            rs.getString("description")));
                }
            }
        }
    }

    // ---- functions and procedures

    private void readRoutines(Array names, Map<String, MetaData> out) throws SQLException {
        // A SQL body the server parsed (BEGIN ATOMIC, RETURN) came with PostgreSQL 14; before, there is none.
        boolean parsedBodies = connection.getMetaData().getDatabaseMajorVersion() >= 14;
        String sql = """
                SELECT p.oid, n.nspname, p.proname, p.prokind, l.lanname, p.provolatile, p.proisstrict, p.prosecdef,
                       p.proleakproof, p.proparallel, p.procost, p.prorows, p.proretset, p.proconfig, d.description,
                       p.pronargdefaults, p.proargmodes::text[] AS modes, p.proargnames AS argnames,
                       %s AS argtypes,
                       %s AS defaults,
                       %s AS result,
                       %s AS parsed_body,
                       p.prosrc
                FROM pg_catalog.pg_proc p
                JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
                JOIN pg_catalog.pg_language l ON l.oid = p.prolang
                LEFT JOIN pg_catalog.pg_description d
                       ON d.objoid = p.oid AND d.classoid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND d.objsubid = 0
                WHERE n.nspname = ANY(?) AND p.prokind IN ('f', 'p') AND l.lanname NOT IN ('c', 'internal') AND %s
                ORDER BY n.nspname, p.proname, p.oid
                """.formatted(
                printed("ARRAY(SELECT pg_catalog.format_type(t.typ, NULL) FROM pg_catalog.unnest("
                        + "COALESCE(p.proallargtypes, p.proargtypes::pg_catalog.oid[])) WITH ORDINALITY t(typ, ord) ORDER BY t.ord)"),
                printed("pg_catalog.pg_get_expr(p.proargdefaults, 0)"),
                printed("pg_catalog.pg_get_function_result(p.oid)"),
                parsedBodies ? printed("CASE WHEN p.prosqlbody IS NOT NULL THEN pg_catalog.pg_get_function_sqlbody(p.oid) END")
                        : "NULL::text",
                notInExtension("pg_catalog.pg_proc", "p.oid"));
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setArray(1, names);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String schema = rs.getString("nspname");
                    out.get(schema).addRoutine(routine(rs, schema));
                }
            }
        }
    }

    private static Routine routine(ResultSet rs, String schema) throws SQLException {
        List<String> types = strings(rs.getArray("argtypes"));
        List<String> modes = rs.getArray("modes") == null ? null : strings(rs.getArray("modes"));
        List<String> argNames = rs.getArray("argnames") == null ? null : strings(rs.getArray("argnames"));
        List<String> defaults = splitList(rs.getString("defaults"));
        int inputs = 0;
        for (int i = 0; i < types.size(); i++) {
            String m = modes == null ? "i" : modes.get(i);
            if (m.equals("i") || m.equals("b") || m.equals("v")) inputs++;
        }
        // The defaults belong to the last input arguments.
        int firstDefault = inputs - defaults.size();
        List<Routine.Argument> arguments = new ArrayList<>();
        int input = 0;
        for (int i = 0; i < types.size(); i++) {
            String m = modes == null ? "i" : modes.get(i);
            if (m.equals("t")) continue; // a column of RETURNS TABLE, part of the result
            Routine.Mode mode = switch (m) {
                case "o" -> Routine.Mode.OUT;
                case "b" -> Routine.Mode.INOUT;
                case "v" -> Routine.Mode.VARIADIC;
                default -> Routine.Mode.IN;
            };
            String dflt = null;
            if (mode != Routine.Mode.OUT) {
                if (input >= firstDefault && input - firstDefault < defaults.size()) dflt = defaults.get(input - firstDefault);
                input++;
            }
            String name = argNames == null || i >= argNames.size() || argNames.get(i).isEmpty() ? null : argNames.get(i);
            arguments.add(new Routine.Argument(mode, name, PostgresSql.placeholders(types.get(i), schema),
                    PostgresSql.placeholders(dflt, schema)));
        }
        boolean procedure = "p".equals(rs.getString("prokind"));
        String language = rs.getString("lanname");
        String parsed = rs.getString("parsed_body");
        String body = PostgresSql.placeholders(parsed != null ? parsed : rs.getString("prosrc"), schema);
        double cost = rs.getDouble("procost");
        double rows = rs.getDouble("prorows");
        double defaultRows = rs.getBoolean("proretset") ? 1000 : 0;
        List<String> settings = new ArrayList<>();
        Array config = rs.getArray("proconfig");
        if (config != null) {
            for (String s : strings(config)) settings.add(RoutineSettings.placeholders(s, schema));
        }
        return new Routine(schema, rs.getString("proname"), procedure ? Routine.Kind.PROCEDURE : Routine.Kind.FUNCTION,
                arguments, procedure ? null : PostgresSql.placeholders(rs.getString("result"), schema), language, body,
                switch (rs.getString("provolatile")) {
                    case "i" -> Routine.Volatility.IMMUTABLE;
                    case "s" -> Routine.Volatility.STABLE;
                    default -> Routine.Volatility.VOLATILE;
                },
                rs.getBoolean("proisstrict"), rs.getBoolean("prosecdef"), rs.getBoolean("proleakproof"),
                switch (rs.getString("proparallel")) {
                    case "s" -> Routine.Parallel.SAFE;
                    case "r" -> Routine.Parallel.RESTRICTED;
                    default -> Routine.Parallel.UNSAFE;
                },
                // PostgreSQL's defaults: a cost of 100 for these languages, 1000 rows for a set, none else.
                procedure || cost == 100 ? null : cost, procedure || rows == defaultRows ? null : rows,
                settings, rs.getString("description"));
    }

    /** A comma-separated list of expressions, as {@code pg_get_expr} prints a routine's defaults, split at its top level. */
    static List<String> splitList(String list) {
        if (list == null || list.isBlank()) return List.of();
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        for (SqlLexer.Token t : SqlLexer.lex(list)) {
            if (t.isPunct("(") || t.isPunct("[")) depth++;
            if (t.isPunct(")") || t.isPunct("]")) depth--;
            if (depth == 0 && t.isPunct(",")) {
                out.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(t.text());
            }
        }
        out.add(current.toString().strip());
        return out;
    }

    // ---- triggers

    private void readTriggers(Array names, Map<String, MetaData> out) throws SQLException {
        String sql = """
                SELECT n.nspname, c.relname, t.tgname, t.tgtype, t.tgconstraint <> 0 AS is_constraint, t.tgdeferrable,
                       t.tginitdeferred, t.tgoldtable, t.tgnewtable, t.tgargs, t.tgnargs, fn.nspname AS function_schema,
                       p.proname, d.description,
                       ARRAY(SELECT a.attname::text FROM pg_catalog.unnest(t.tgattr::pg_catalog.int2[]) WITH ORDINALITY k(num, ord)
                             JOIN pg_catalog.pg_attribute a ON a.attrelid = t.tgrelid AND a.attnum = k.num ORDER BY k.ord) AS columns,
                       %s AS definition
                FROM pg_catalog.pg_trigger t
                JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                JOIN pg_catalog.pg_proc p ON p.oid = t.tgfoid
                JOIN pg_catalog.pg_namespace fn ON fn.oid = p.pronamespace
                LEFT JOIN pg_catalog.pg_description d
                       ON d.objoid = t.oid AND d.classoid = 'pg_catalog.pg_trigger'::pg_catalog.regclass AND d.objsubid = 0
                WHERE n.nspname = ANY(?) AND NOT t.tgisinternal AND NOT c.relispartition AND c.relkind IN ('r', 'p', 'v')
                ORDER BY n.nspname, c.relname, t.tgname
                """.formatted(printed("pg_catalog.pg_get_triggerdef(t.oid, true)"));
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setArray(1, names);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String schema = rs.getString("nspname");
                    out.get(schema).addTrigger(trigger(rs, schema));
                }
            }
        }
    }

    private static Trigger trigger(ResultSet rs, String schema) throws SQLException {
        int type = rs.getInt("tgtype");
        Trigger.Timing timing = (type & 64) != 0 ? Trigger.Timing.INSTEAD_OF : (type & 2) != 0 ? Trigger.Timing.BEFORE
                : Trigger.Timing.AFTER;
        List<Trigger.Event> events = new ArrayList<>();
        if ((type & 4) != 0) events.add(Trigger.Event.INSERT);
        if ((type & 8) != 0) events.add(Trigger.Event.DELETE);
        if ((type & 16) != 0) events.add(Trigger.Event.UPDATE);
        if ((type & 32) != 0) events.add(Trigger.Event.TRUNCATE);
        List<String> arguments = new ArrayList<>();
        byte[] args = rs.getBytes("tgargs");
        int count = rs.getInt("tgnargs");
        int start = 0;
        for (int i = 0; args != null && i < args.length && arguments.size() < count; i++) {
            if (args[i] == 0) {
                arguments.add(new String(args, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        String functionSchema = rs.getString("function_schema");
        return new Trigger(schema, rs.getString("relname"), rs.getString("tgname"), timing, events,
                strings(rs.getArray("columns")), (type & 1) != 0,
                PostgresSql.placeholders(whenCondition(rs.getString("definition")), schema), functionSchema, rs.getString("proname"),
                arguments, rs.getBoolean("is_constraint"), rs.getBoolean("tgdeferrable"), rs.getBoolean("tginitdeferred"),
                rs.getString("tgoldtable"), rs.getString("tgnewtable"), rs.getString("description"));
    }

    /**
     * The {@code WHEN} condition of a trigger, cut from what {@code pg_get_triggerdef} prints (the catalog
     * keeps it in a form only that function prints): the parenthesised text after {@code FOR EACH ...
     * WHEN}, its parentheses matched token by token so that strings holding them do not count.
     */
    static String whenCondition(String definition) {
        if (definition == null) return null;
        List<SqlLexer.Token> tokens = SqlLexer.lex(definition);
        for (int i = 0; i + 2 < tokens.size(); i++) {
            if (!tokens.get(i).is(SqlLexer.Kind.WORD, "WHEN")) continue;
            int j = i + 1;
            while (j < tokens.size() && tokens.get(j).kind() == SqlLexer.Kind.SPACE) j++;
            if (j >= tokens.size() || !tokens.get(j).isPunct("(")) continue;
            StringBuilder s = new StringBuilder();
            int depth = 0;
            for (int k = j; k < tokens.size(); k++) {
                SqlLexer.Token t = tokens.get(k);
                if (t.isPunct("(")) depth++;
                if (t.isPunct(")")) depth--;
                if (depth == 0) return s.substring(1).strip();
                s.append(t.text());
            }
        }
        return null;
    }

    // ---- row-level security and policies

    private void readPolicies(Array names, Map<String, MetaData> out) throws SQLException {
        String sql = """
                SELECT n.nspname, c.relname, c.relrowsecurity, c.relforcerowsecurity, pol.polname, pol.polpermissive,
                       pol.polcmd, d.description,
                       ARRAY(SELECT CASE WHEN r.oid = 0 THEN 'public'
                                         ELSE (SELECT ro.rolname::text FROM pg_catalog.pg_roles ro WHERE ro.oid = r.oid) END
                             FROM pg_catalog.unnest(pol.polroles) r(oid)) AS roles,
                       %s AS using_expr,
                       %s AS check_expr
                FROM pg_catalog.pg_class c
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                LEFT JOIN pg_catalog.pg_policy pol ON pol.polrelid = c.oid
                LEFT JOIN pg_catalog.pg_description d
                       ON d.objoid = pol.oid AND d.classoid = 'pg_catalog.pg_policy'::pg_catalog.regclass AND d.objsubid = 0
                WHERE n.nspname = ANY(?) AND c.relkind IN ('r', 'p') AND NOT c.relispartition
                  AND (c.relrowsecurity OR c.relforcerowsecurity OR pol.oid IS NOT NULL)
                ORDER BY n.nspname, c.relname, pol.polname
                """.formatted(printed("pg_catalog.pg_get_expr(pol.polqual, pol.polrelid, true)"),
                printed("pg_catalog.pg_get_expr(pol.polwithcheck, pol.polrelid, true)"));
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setArray(1, names);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String schema = rs.getString("nspname");
                    String table = rs.getString("relname");
                    MetaData md = out.get(schema);
                    if ((rs.getBoolean("relrowsecurity") || rs.getBoolean("relforcerowsecurity"))
                            && !md.rowSecurity().containsKey(schema + "." + table)) {
                        md.addRowSecurity(new RowSecurity(schema, table, rs.getBoolean("relrowsecurity"),
                                rs.getBoolean("relforcerowsecurity")));
                    }
                    String name = rs.getString("polname");
                    if (name == null) continue;
                    Policy.Command command = switch (rs.getString("polcmd")) {
                        case "r" -> Policy.Command.SELECT;
                        case "a" -> Policy.Command.INSERT;
                        case "w" -> Policy.Command.UPDATE;
                        case "d" -> Policy.Command.DELETE;
                        default -> Policy.Command.ALL;
                    };
                    md.addPolicy(new Policy(schema, table, name, rs.getBoolean("polpermissive"), command,
                            strings(rs.getArray("roles")).stream().filter(java.util.Objects::nonNull).toList(),
                            PostgresSql.placeholders(rs.getString("using_expr"), schema),
                            PostgresSql.placeholders(rs.getString("check_expr"), schema), rs.getString("description")));
                }
            }
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) return List.of();
        Object[] values = (Object[]) array.getArray();
        List<String> out = new ArrayList<>(values.length);
        for (Object v : values) out.add(v == null ? null : v.toString());
        return out;
    }
}
