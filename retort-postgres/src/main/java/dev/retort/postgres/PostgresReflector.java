package dev.retort.postgres;

import dev.retort.CheckConstraint;
import dev.retort.Column;
import dev.retort.Domain;
import dev.retort.ExclusionConstraint;
import dev.retort.ForeignKey;
import dev.retort.Identity;
import dev.retort.Index;
import dev.retort.MetaData;
import dev.retort.PrimaryKey;
import dev.retort.Sequence;
import dev.retort.SqlType;
import dev.retort.Table;
import dev.retort.UniqueConstraint;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads schemas from the PostgreSQL catalogs in bulk: one query per kind of object (tables, columns,
 * constraints, indexes, enum types, sequences), each for all requested schemas at once, plus two to set
 * and restore the session's settings. The count does not grow with the number of schemas or tables.
 *
 * <p>Catalog text (defaults, checks, index expressions) is printed with an empty {@code search_path}, so
 * that every name outside {@code pg_catalog} comes out qualified whatever the session's setting, and
 * then references into the table's own schema are made unqualified: the text of a reflected tenant does
 * not name the tenant, and compares equal to the schema-agnostic model.
 *
 * <p>JIT compilation is switched off for the same span: on a catalog of a thousand tenants the columns
 * and indexes queries of a 200-schema batch cost enough for the planner to compile them, and compiling
 * took longer than running them (1.8 s and 1.0 s of JIT against 1.2 and 1.9 s of execution, on
 * PostgreSQL 15 with its default settings).
 */
final class PostgresReflector {
    /** The number of statements one {@link #reflect} call runs, whatever it reads. */
    public static final int QUERIES = 9 + ProgramReflector.QUERIES;

    private final Connection connection;

    public PostgresReflector(Connection connection) {
        this.connection = connection;
    }

    /** One MetaData per requested schema (empty when the schema does not exist), in the order requested. */
    public Map<String, MetaData> reflect(Collection<String> schemas) throws SQLException {
        List<String> wanted = List.copyOf(new LinkedHashSet<>(schemas));
        String savedPath;
        String savedJit;
        // OFFSET 0 keeps the subquery, and so the read of the old values, ahead of the change. A server
        // without JIT (before PostgreSQL 11) has no such setting: current_setting(..., true) gives null.
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT old.path, old.jit, pg_catalog.set_config('search_path', '', false), "
                     + "CASE WHEN old.jit IS NOT NULL THEN pg_catalog.set_config('jit', 'off', false) END "
                     + "FROM (SELECT pg_catalog.current_setting('search_path') AS path, "
                     + "pg_catalog.current_setting('jit', true) AS jit OFFSET 0) old")) {
            rs.next();
            savedPath = rs.getString(1);
            savedJit = rs.getString(2);
        }
        Throwable failure = null;
        try {
            return read(wanted);
        } catch (SQLException | RuntimeException e) {
            failure = e;
            throw e;
        } finally {
            try (PreparedStatement ps = connection.prepareStatement("SELECT pg_catalog.set_config('search_path', ?, false), "
                    + "CASE WHEN ?::text IS NOT NULL THEN pg_catalog.set_config('jit', ?, false) END")) {
                ps.setString(1, savedPath);
                ps.setString(2, savedJit);
                ps.setString(3, savedJit);
                ps.executeQuery().close();
            } catch (SQLException e) {
                // In a failed transaction the reset fails too; the rollback restores the setting anyway.
                if (failure != null) failure.addSuppressed(e); else throw e;
            }
        }
    }

    private Map<String, MetaData> read(List<String> schemas) throws SQLException {
        Array names = connection.createArrayOf("text", schemas.toArray());
        Map<Long, SqlType.Enum> enums = readEnums(names);
        Map<Long, TableDraft> tables = readTables(names);
        Set<Long> serialSequences = readColumns(names, tables, enums);
        readConstraints(names, tables);
        Map<Long, List<Index>> viewIndexes = new HashMap<>();
        readIndexes(names, tables, viewIndexes);
        List<Sequence> sequences = readSequences(names, serialSequences);
        List<Domain> domains = readDomains(names, enums);

        Map<String, MetaData> out = new LinkedHashMap<>();
        for (String s : schemas) out.put(s, new MetaData(s));
        for (SqlType.Enum e : enums.values()) {
            MetaData md = out.get(e.schema());
            if (md != null) md.addEnum(e);
        }
        for (TableDraft t : tables.values()) out.get(t.schema).add(t.build());
        for (Sequence q : sequences) out.get(q.schema()).addSequence(q);
        for (Domain d : domains) out.get(d.schema()).addDomain(d);
        // Last: it sets the search path row by row, which the queries above must not see.
        new ProgramReflector(connection).read(names, out, viewIndexes);
        return out;
    }

    // ---- enum types: those defined in the schemas, and those their columns use wherever defined

    private Map<Long, SqlType.Enum> readEnums(Array names) throws SQLException {
        String sql = """
                SELECT t.oid, n.nspname, t.typname,
                       ARRAY(SELECT e.enumlabel::text FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid
                             ORDER BY e.enumsortorder) AS labels
                FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
                WHERE t.typtype = 'e' AND (n.nspname = ANY(?) OR t.oid IN (
                    SELECT CASE WHEN ty.typcategory = 'A' AND ty.typelem <> 0 THEN ty.typelem ELSE ty.oid END
                    FROM pg_catalog.pg_attribute a
                    JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
                    JOIN pg_catalog.pg_namespace cn ON cn.oid = c.relnamespace
                    JOIN pg_catalog.pg_type ty ON ty.oid = a.atttypid
                    WHERE cn.nspname = ANY(?) AND a.attnum > 0))
                ORDER BY n.nspname, t.typname
                """;
        Map<Long, SqlType.Enum> out = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setArray(1, names);
            ps.setArray(2, names);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), new SqlType.Enum(rs.getString(2), rs.getString(3), strings(rs.getArray(4))));
                }
            }
        }
        return out;
    }

    // ---- tables

    private Map<Long, TableDraft> readTables(Array names) throws SQLException {
        String sql = """
                SELECT c.oid, n.nspname, c.relname, d.description
                FROM pg_catalog.pg_class c
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                LEFT JOIN pg_catalog.pg_description d
                       ON d.objoid = c.oid AND d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objsubid = 0
                WHERE n.nspname = ANY(?) AND c.relkind IN ('r', 'p') AND NOT c.relispartition
                ORDER BY n.nspname, c.relname
                """;
        Map<Long, TableDraft> out = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setArray(1, names);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getLong(1), new TableDraft(rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
        return out;
    }

    // ---- columns; returns the sequences that serve serial columns

    private Set<Long> readColumns(Array names, Map<Long, TableDraft> tables, Map<Long, SqlType.Enum> enums) throws SQLException {
        String sql = """
                SELECT a.attrelid, a.attnum, a.attname, a.attnotnull, a.attidentity, a.attgenerated, a.atttypmod,
                       (t.typcategory = 'A' AND t.typelem <> 0) AS is_array,
                       b.oid AS base_oid, b.typname AS base_name, b.typtype AS base_kind,
                       b.typnamespace = 'pg_catalog'::pg_catalog.regnamespace AS builtin,
                       pg_catalog.format_type(b.oid, a.atttypmod) AS base_format,
                       pg_catalog.pg_get_expr(ad.adbin, ad.adrelid, true) AS default_expr,
                       CASE WHEN a.attcollation <> t.typcollation THEN co.collname END AS collation,
                       ds.description,
                       sd.seq AS owned_sequence,
                       -- Never null: a column without a default owning a sequence must not sort first as serial.
                       COALESCE(sd.seq IS NOT NULL AND sd.deptype = 'a' AND pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) =
                           'nextval(' || pg_catalog.quote_literal(sd.seq::pg_catalog.regclass::text) || '::regclass)', false) AS is_serial,
                       sd.seqstart, sd.seqincrement, sd.seqmin, sd.seqmax, sd.seqcache, sd.seqcycle,
                       sd.seqtypid::pg_catalog.regtype::text AS seqtype
                FROM pg_catalog.pg_attribute a
                JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
                JOIN pg_catalog.pg_type b ON b.oid = CASE WHEN t.typcategory = 'A' AND t.typelem <> 0 THEN t.typelem ELSE t.oid END
                LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
                LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation
                -- Joined rather than col_description() per column: a fifth less time for 200 tenants' columns.
                LEFT JOIN pg_catalog.pg_description ds
                       ON ds.objoid = a.attrelid AND ds.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND ds.objsubid = a.attnum
                LEFT JOIN LATERAL (SELECT dep.objid AS seq, dep.deptype, ps.seqstart, ps.seqincrement, ps.seqmin, ps.seqmax,
                                  ps.seqcache, ps.seqcycle, ps.seqtypid
                           FROM pg_catalog.pg_depend dep
                           JOIN pg_catalog.pg_class s ON s.oid = dep.objid AND s.relkind = 'S'
                           LEFT JOIN pg_catalog.pg_sequence ps ON ps.seqrelid = dep.objid AND dep.deptype = 'i'
                           WHERE dep.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
                             AND dep.refobjid = a.attrelid AND dep.refobjsubid = a.attnum
                             AND dep.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                             AND dep.deptype IN ('a', 'i')
                           -- OFFSET 0 keeps this a lookup per column through pg_depend's index: flattened
                           -- into the join, the planner misjudges it and compares every column with every
                           -- sequence (most of a second for a thousand tables).
                           OFFSET 0) sd ON true
                WHERE n.nspname = ANY(?) AND c.relkind IN ('r', 'p') AND NOT c.relispartition
                  AND a.attnum > 0 AND NOT a.attisdropped
                ORDER BY a.attrelid, a.attnum, is_serial DESC, sd.deptype = 'i' DESC
                """;
        Set<Long> serialSequences = new HashSet<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setArray(1, names);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    TableDraft table = tables.get(rs.getLong("attrelid"));
                    if (table == null) continue;
                    String name = rs.getString("attname");
                    // A column owning several sequences comes once per sequence (a standalone one OWNED BY it
                    // besides its own); the serial or identity one sorts first.
                    if (table.hasColumn(name)) continue;
                    String schema = table.schema;
                    SqlType base = type(rs.getLong("base_oid"), rs.getString("base_name"), rs.getString("base_kind"),
                            rs.getBoolean("builtin"), rs.getInt("atttypmod"),
                            PostgresSql.unqualify(rs.getString("base_format"), schema), enums);
                    SqlType type = rs.getBoolean("is_array") ? new SqlType.Array(base) : base;
                    String dflt = PostgresSql.unqualify(rs.getString("default_expr"), schema);
                    String generated = rs.getString("attgenerated");
                    String computed = null;
                    if ("s".equals(generated)) {
                        computed = dflt;
                        dflt = null;
                    }
                    boolean serial = rs.getBoolean("is_serial");
                    if (serial) {
                        serialSequences.add(rs.getLong("owned_sequence"));
                        dflt = null;
                    }
                    Identity identity = identity(rs);
                    table.columns.add(new Column(name, type, !rs.getBoolean("attnotnull"), dflt, rs.getString("description"),
                            identity, serial, computed, rs.getString("collation"), null));
                }
            }
        }
        return serialSequences;
    }

    private static Identity identity(ResultSet rs) throws SQLException {
        String kind = rs.getString("attidentity");
        if (kind == null || kind.isEmpty()) return null;
        long increment = rs.getLong("seqincrement");
        long start = rs.getLong("seqstart");
        boolean noSequence = rs.wasNull();
        if (noSequence) return new Identity("a".equals(kind), null, null);
        long min = rs.getLong("seqmin");
        long max = rs.getLong("seqmax");
        long cache = rs.getLong("seqcache");
        String type = rs.getString("seqtype");
        long typeMax = "smallint".equals(type) ? Short.MAX_VALUE : "integer".equals(type) ? Integer.MAX_VALUE : Long.MAX_VALUE;
        long typeMin = "smallint".equals(type) ? Short.MIN_VALUE : "integer".equals(type) ? Integer.MIN_VALUE : Long.MIN_VALUE;
        // Each option that holds PostgreSQL's default for the sequence's type and direction reads as null.
        long defaultMin = increment > 0 ? 1 : typeMin;
        long defaultMax = increment > 0 ? typeMax : -1;
        long defaultStart = increment > 0 ? min : max;
        return new Identity("a".equals(kind), start == defaultStart ? null : start, increment == 1 ? null : increment,
                min == defaultMin ? null : min, max == defaultMax ? null : max, cache == 1 ? null : cache, rs.getBoolean("seqcycle"));
    }

    /** Built-in types map to the portable ones; anything else stays as the catalog prints it. */
    private static SqlType type(long oid, String name, String kind, boolean builtin, int typmod, String format,
                                Map<Long, SqlType.Enum> enums) {
        if ("e".equals(kind) && enums.containsKey(oid)) return enums.get(oid);
        if (builtin) {
            switch (name) {
                case "int2": return SqlType.Simple.SMALLINT;
                case "int4": return SqlType.Simple.INTEGER;
                case "int8": return SqlType.Simple.BIGINT;
                case "float4": return SqlType.Simple.REAL;
                case "float8": return SqlType.Simple.DOUBLE;
                case "text": return SqlType.Simple.TEXT;
                case "bool": return SqlType.Simple.BOOLEAN;
                case "date": return SqlType.Simple.DATE;
                case "uuid": return SqlType.Simple.UUID;
                case "json": return SqlType.Simple.JSON;
                case "jsonb": return SqlType.Simple.JSONB;
                case "bytea": return SqlType.Simple.BINARY;
                case "time": if (typmod < 0) return SqlType.Simple.TIME; break;
                case "timetz": if (typmod < 0) return SqlType.Simple.TIMETZ; break;
                case "timestamp": if (typmod < 0) return SqlType.Simple.TIMESTAMP; break;
                case "timestamptz": if (typmod < 0) return SqlType.Simple.TIMESTAMPTZ; break;
                case "interval": if (typmod < 0) return SqlType.Simple.INTERVAL; break;
                case "numeric":
                    if (typmod < 0) return new SqlType.Numeric(null, null);
                    return new SqlType.Numeric(((typmod - 4) >> 16) & 0xffff, (typmod - 4) & 0xffff);
                case "varchar": return new SqlType.Varchar(typmod < 0 ? null : typmod - 4);
                case "bpchar": if (typmod >= 0) return new SqlType.Char(typmod - 4); break;
                default: break;
            }
        }
        return new SqlType.Native(format);
    }

    // ---- constraints

    private void readConstraints(Array names, Map<Long, TableDraft> tables) throws SQLException {
        String sql = """
                SELECT con.conrelid, con.conname, con.contype, con.condeferrable, con.condeferred, con.connoinherit,
                       NOT con.convalidated AS not_valid,
                       con.confmatchtype = 'f' AS match_full,
                       -- NULLS NOT DISTINCT (PostgreSQL 15) lives on the index; read through jsonb, older servers give null.
                       (SELECT (pg_catalog.to_jsonb(ix) ->> 'indnullsnotdistinct')::boolean
                          FROM pg_catalog.pg_index ix WHERE ix.indexrelid = con.conindid AND con.contype = 'u') AS nulls_not_distinct,
                       con.confupdtype, con.confdeltype, fn.nspname AS ref_schema, fc.relname AS ref_table,
                       ARRAY(SELECT a.attname::text FROM pg_catalog.unnest(con.conkey) WITH ORDINALITY k(num, ord)
                             JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num
                             ORDER BY k.ord) AS cols,
                       ARRAY(SELECT a.attname::text FROM pg_catalog.unnest(con.confkey) WITH ORDINALITY k(num, ord)
                             JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num
                             ORDER BY k.ord) AS ref_cols,
                       CASE WHEN con.contype = 'c' THEN pg_catalog.pg_get_constraintdef(con.oid, true) END AS def
                FROM pg_catalog.pg_constraint con
                JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                LEFT JOIN pg_catalog.pg_class fc ON fc.oid = con.confrelid
                LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
                WHERE n.nspname = ANY(?) AND con.contype IN ('p', 'u', 'f', 'c') AND c.relkind IN ('r', 'p')
                ORDER BY con.conrelid, con.conname
                """;
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setArray(1, names);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    TableDraft t = tables.get(rs.getLong("conrelid"));
                    if (t == null) continue;
                    String name = rs.getString("conname");
                    List<String> cols = strings(rs.getArray("cols"));
                    switch (rs.getString("contype")) {
                        case "p" -> t.primaryKey = new PrimaryKey(name, cols, rs.getBoolean("condeferrable"), rs.getBoolean("condeferred"));
                        case "u" -> t.uniques.add(new UniqueConstraint(name, cols, rs.getBoolean("condeferrable"),
                                rs.getBoolean("condeferred"), rs.getBoolean("nulls_not_distinct")));
                        case "c" -> t.checks.add(new CheckConstraint(name, PostgresSql.unqualify(checkExpression(rs.getString("def")), t.schema),
                                rs.getBoolean("connoinherit"), rs.getBoolean("not_valid")));
                        case "f" -> t.foreignKeys.add(new ForeignKey(name, cols, rs.getString("ref_schema"), rs.getString("ref_table"),
                                strings(rs.getArray("ref_cols")), action(rs.getString("confdeltype")), action(rs.getString("confupdtype")),
                                rs.getBoolean("condeferrable"), rs.getBoolean("condeferred"), rs.getBoolean("match_full"),
                                rs.getBoolean("not_valid")));
                        default -> { }
                    }
                }
            }
        }
    }

    /** {@code CHECK (expr) NOT VALID} as printed by pg_get_constraintdef, down to {@code expr}. */
    static String checkExpression(String def) {
        String s = def.strip();
        if (!s.regionMatches(true, 0, "CHECK ", 0, 6)) return s;
        s = s.substring(6).strip();
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                i = s.indexOf('\'', i + 1);
                while (i + 1 < s.length() && s.charAt(i + 1) == '\'') i = s.indexOf('\'', i + 2);
                if (i < 0) return s;
            } else if (c == '"') {
                i = s.indexOf('"', i + 1);
                while (i + 1 < s.length() && s.charAt(i + 1) == '"') i = s.indexOf('"', i + 2);
                if (i < 0) return s;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return s.substring(1, i).strip();
            }
        }
        return s;
    }

    private static ForeignKey.Action action(String code) {
        switch (code) {
            case "r": return ForeignKey.Action.RESTRICT;
            case "c": return ForeignKey.Action.CASCADE;
            case "n": return ForeignKey.Action.SET_NULL;
            case "d": return ForeignKey.Action.SET_DEFAULT;
            default: return ForeignKey.Action.NO_ACTION;
        }
    }

    // ---- indexes that do not back a primary key, unique or exclusion constraint

    private void readIndexes(Array names, Map<Long, TableDraft> tables, Map<Long, List<Index>> viewIndexes)
            throws SQLException {
        String sql = """
                SELECT i.indrelid, n.nspname, ic.relname, i.indisunique, am.amname, i.indnkeyatts,
                       i.indoption::pg_catalog.int2[] AS options,
                       ARRAY(SELECT a.attname::text FROM pg_catalog.unnest(i.indkey::pg_catalog.int2[]) WITH ORDINALITY k(num, ord)
                             LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.num
                             ORDER BY k.ord) AS cols,
                       ARRAY(SELECT pg_catalog.pg_get_indexdef(i.indexrelid, k, true)
                             FROM pg_catalog.generate_series(1, i.indnatts) k ORDER BY k) AS defs,
                       pg_catalog.pg_get_expr(i.indpred, i.indrelid, true) AS predicate,
                       -- The per-key lookups below are scalar subqueries on the catalogs' oid indexes: as joins,
                       -- the planner hashed all of pg_collation and pg_opclass once per index (most of a second
                       -- for the 8000 indexes of 200 tenants).
                       ARRAY(SELECT (SELECT CASE WHEN oc.opcdefault THEN NULL ELSE oc.opcname::text END
                                     FROM pg_catalog.pg_opclass oc WHERE oc.oid = k.opc)
                             FROM pg_catalog.unnest(i.indclass::pg_catalog.oid[]) WITH ORDINALITY k(opc, ord)
                             ORDER BY k.ord) AS opclasses,
                       -- Key collations are read for column keys only: an expression's own collation is not known
                       -- here (no attribute, so the comparison is null and so is the result).
                       ARRAY(SELECT CASE WHEN k.coll <> 0 AND k.coll <> (SELECT a.attcollation FROM pg_catalog.pg_attribute a
                                                                         WHERE a.attrelid = i.indrelid AND a.attnum = i.indkey[k.ord - 1])
                                         THEN (SELECT co.collname::text FROM pg_catalog.pg_collation co WHERE co.oid = k.coll) END
                             FROM pg_catalog.unnest(i.indcollation::pg_catalog.oid[]) WITH ORDINALITY k(coll, ord)
                             ORDER BY k.ord) AS collations,
                       ic.reloptions::text[] AS storage,
                       -- NULLS NOT DISTINCT came with PostgreSQL 15: read through jsonb so older servers give null.
                       (pg_catalog.to_jsonb(i) ->> 'indnullsnotdistinct')::boolean AS nulls_not_distinct,
                       ds.description AS index_comment,
                       -- An exclusion constraint is read from its index, with its operators, one per key.
                       xc.conname AS exclusion, xc.condeferrable, xc.condeferred,
                       ARRAY(SELECT opn.nspname::text FROM pg_catalog.unnest(xc.conexclop) WITH ORDINALITY k(op, ord)
                             JOIN pg_catalog.pg_operator o ON o.oid = k.op
                             JOIN pg_catalog.pg_namespace opn ON opn.oid = o.oprnamespace ORDER BY k.ord) AS op_schemas,
                       ARRAY(SELECT o.oprname::text FROM pg_catalog.unnest(xc.conexclop) WITH ORDINALITY k(op, ord)
                             JOIN pg_catalog.pg_operator o ON o.oid = k.op ORDER BY k.ord) AS op_names
                FROM pg_catalog.pg_index i
                JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
                JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                JOIN pg_catalog.pg_am am ON am.oid = ic.relam
                LEFT JOIN pg_catalog.pg_constraint xc
                       ON xc.conindid = i.indexrelid AND xc.conrelid = i.indrelid AND xc.contype = 'x'
                LEFT JOIN pg_catalog.pg_description ds
                       ON ds.objoid = i.indexrelid AND ds.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND ds.objsubid = 0
                WHERE n.nspname = ANY(?) AND c.relkind IN ('r', 'p', 'm')
                  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint con
                                  WHERE con.conindid = i.indexrelid AND con.contype IN ('p', 'u'))
                ORDER BY i.indrelid, ic.relname
                """;
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setArray(1, names);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    TableDraft t = tables.get(rs.getLong("indrelid"));
                    // A materialized view's index: kept for the view, which is read later.
                    String schema = t != null ? t.schema : rs.getString("nspname");
                    int keys = rs.getInt("indnkeyatts");
                    List<String> cols = Arrays.asList((String[]) rs.getArray("cols").getArray());
                    List<String> defs = strings(rs.getArray("defs"));
                    Short[] options = (Short[]) rs.getArray("options").getArray();
                    List<Index.Element> elements = new ArrayList<>();
                    List<String> opclasses = strings(rs.getArray("opclasses"));
                    List<String> collations = strings(rs.getArray("collations"));
                    for (int k = 0; k < keys; k++) {
                        boolean desc = (options[k] & 1) != 0;
                        boolean nullsFirst = (options[k] & 2) != 0;
                        String col = cols.get(k);
                        String opclass = k < opclasses.size() ? opclasses.get(k) : null;
                        String collation = k < collations.size() ? collations.get(k) : null;
                        elements.add(new Index.Element(col, col != null ? null : PostgresSql.unqualify(defs.get(k), schema), desc,
                                nullsFirst, opclass, collation));
                    }
                    List<String> include = cols.subList(keys, cols.size()).stream().filter(Objects::nonNull).toList();
                    String method = rs.getString("amname");
                    Array storage = rs.getArray("storage");
                    String exclusion = rs.getString("exclusion");
                    if (exclusion != null) {
                        if (t == null) continue;
                        List<String> opSchemas = strings(rs.getArray("op_schemas"));
                        List<String> opNames = strings(rs.getArray("op_names"));
                        List<String> operators = new ArrayList<>();
                        for (int k = 0; k < opNames.size(); k++) {
                            String ns = opSchemas.get(k);
                            operators.add("pg_catalog".equals(ns) || ns.equals(schema) ? opNames.get(k)
                                    : "OPERATOR(" + ns + "." + opNames.get(k) + ")");
                        }
                        t.exclusions.add(new ExclusionConstraint(exclusion, "btree".equals(method) ? null : method, elements,
                                operators, include, PostgresSql.unqualify(rs.getString("predicate"), schema),
                                rs.getBoolean("condeferrable"), rs.getBoolean("condeferred")));
                        continue;
                    }
                    Index index = new Index(rs.getString("relname"), elements, rs.getBoolean("indisunique"),
                            PostgresSql.unqualify(rs.getString("predicate"), schema), "btree".equals(method) ? null : method, include,
                            rs.getBoolean("nulls_not_distinct"), storage == null ? List.of() : strings(storage),
                            rs.getString("index_comment"));
                    if (t != null) t.indexes.add(index);
                    else viewIndexes.computeIfAbsent(rs.getLong("indrelid"), k -> new ArrayList<>()).add(index);
                }
            }
        }
    }

    // ---- domains, with their checks (NOT NULL is the type's own flag, whatever the server's version keeps in pg_constraint)

    private List<Domain> readDomains(Array names, Map<Long, SqlType.Enum> enums) throws SQLException {
        String sql = """
                SELECT n.nspname, t.typname, t.typnotnull, t.typtypmod AS atttypmod,
                       (bt.typcategory = 'A' AND bt.typelem <> 0) AS is_array,
                       b.oid AS base_oid, b.typname AS base_name, b.typtype AS base_kind,
                       b.typnamespace = 'pg_catalog'::pg_catalog.regnamespace AS builtin,
                       pg_catalog.format_type(b.oid, t.typtypmod) AS base_format,
                       pg_catalog.pg_get_expr(t.typdefaultbin, 0) AS default_expr,
                       CASE WHEN t.typcollation <> bt.typcollation THEN co.collname END AS collation,
                       d.description,
                       ARRAY(SELECT c.conname::text FROM pg_catalog.pg_constraint c
                             WHERE c.contypid = t.oid AND c.contype = 'c' ORDER BY c.conname) AS check_names,
                       ARRAY(SELECT pg_catalog.pg_get_constraintdef(c.oid, true) FROM pg_catalog.pg_constraint c
                             WHERE c.contypid = t.oid AND c.contype = 'c' ORDER BY c.conname) AS check_defs
                FROM pg_catalog.pg_type t
                JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
                JOIN pg_catalog.pg_type bt ON bt.oid = t.typbasetype
                JOIN pg_catalog.pg_type b ON b.oid = CASE WHEN bt.typcategory = 'A' AND bt.typelem <> 0 THEN bt.typelem ELSE bt.oid END
                LEFT JOIN pg_catalog.pg_collation co ON co.oid = t.typcollation
                LEFT JOIN pg_catalog.pg_description d
                       ON d.objoid = t.oid AND d.classoid = 'pg_catalog.pg_type'::pg_catalog.regclass AND d.objsubid = 0
                WHERE t.typtype = 'd' AND n.nspname = ANY(?)
                  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                                  WHERE e.classid = 'pg_catalog.pg_type'::pg_catalog.regclass AND e.objid = t.oid AND e.deptype = 'e')
                ORDER BY n.nspname, t.typname
                """;
        List<Domain> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setArray(1, names);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String schema = rs.getString("nspname");
                    SqlType base = type(rs.getLong("base_oid"), rs.getString("base_name"), rs.getString("base_kind"),
                            rs.getBoolean("builtin"), rs.getInt("atttypmod"),
                            PostgresSql.unqualify(rs.getString("base_format"), schema), enums);
                    SqlType type = rs.getBoolean("is_array") ? new SqlType.Array(base) : base;
                    List<String> checkNames = strings(rs.getArray("check_names"));
                    List<String> checkDefs = strings(rs.getArray("check_defs"));
                    List<CheckConstraint> checks = new ArrayList<>();
                    for (int i = 0; i < checkNames.size(); i++) {
                        checks.add(new CheckConstraint(checkNames.get(i), PostgresSql.unqualify(checkExpression(checkDefs.get(i)), schema)));
                    }
                    out.add(new Domain(schema, rs.getString("typname"), type,
                            PostgresSql.unqualify(rs.getString("default_expr"), schema), rs.getBoolean("typnotnull"), checks,
                            rs.getString("collation"), rs.getString("description")));
                }
            }
        }
        return out;
    }

    // ---- standalone sequences: neither identity nor serving a serial column

    private List<Sequence> readSequences(Array names, Set<Long> serialSequences) throws SQLException {
        String sql = """
                SELECT s.oid, n.nspname, s.relname, t.typname, ps.seqstart, ps.seqincrement, ps.seqmin, ps.seqmax,
                       ps.seqcache, ps.seqcycle, own.relname AS owner_table, own.attname AS owner_column
                FROM pg_catalog.pg_class s
                JOIN pg_catalog.pg_namespace n ON n.oid = s.relnamespace
                JOIN pg_catalog.pg_sequence ps ON ps.seqrelid = s.oid
                JOIN pg_catalog.pg_type t ON t.oid = ps.seqtypid
                -- OWNED BY: an automatic dependency of the sequence on a column of a table in its schema.
                LEFT JOIN LATERAL (SELECT oc.relname, oa.attname
                                   FROM pg_catalog.pg_depend d
                                   JOIN pg_catalog.pg_class oc ON oc.oid = d.refobjid
                                   JOIN pg_catalog.pg_attribute oa ON oa.attrelid = d.refobjid AND oa.attnum = d.refobjsubid
                                   WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = s.oid
                                     AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
                                     AND d.deptype = 'a' AND d.refobjsubid > 0
                                   LIMIT 1) own ON true
                WHERE s.relkind = 'S'
                  -- The schemas' oids as a filter rather than a join: right after many tenants are
                  -- created, the catalog statistics say there is about one sequence, and the planner then
                  -- scanned pg_namespace once per sequence (28 s for 20,000 sequences instead of 50 ms).
                  AND s.relnamespace = ANY(ARRAY(SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = ANY(?)))
                  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                                  WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = s.oid AND d.deptype = 'i')
                ORDER BY n.nspname, s.relname
                """;
        List<Sequence> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setArray(1, names);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (serialSequences.contains(rs.getLong("oid"))) continue;
                    out.add(sequence(rs));
                }
            }
        }
        return out;
    }

    /** Options equal to PostgreSQL's defaults for the type and direction come back as null, as a model leaves them. */
    private static Sequence sequence(ResultSet rs) throws SQLException {
        SqlType type;
        long typeMin;
        long typeMax;
        switch (rs.getString("typname")) {
            case "int2" -> { type = SqlType.Simple.SMALLINT; typeMin = Short.MIN_VALUE; typeMax = Short.MAX_VALUE; }
            case "int4" -> { type = SqlType.Simple.INTEGER; typeMin = Integer.MIN_VALUE; typeMax = Integer.MAX_VALUE; }
            default -> { type = SqlType.Simple.BIGINT; typeMin = Long.MIN_VALUE; typeMax = Long.MAX_VALUE; }
        }
        long increment = rs.getLong("seqincrement");
        long min = rs.getLong("seqmin");
        long max = rs.getLong("seqmax");
        long start = rs.getLong("seqstart");
        long cache = rs.getLong("seqcache");
        boolean up = increment > 0;
        Long minValue = min == (up ? 1 : typeMin) ? null : min;
        Long maxValue = max == (up ? typeMax : -1) ? null : max;
        Long startValue = start == (up ? min : max) ? null : start;
        return new Sequence(rs.getString("nspname"), rs.getString("relname"), type, startValue,
                increment == 1 ? null : increment, minValue, maxValue, cache == 1 ? null : cache, rs.getBoolean("seqcycle"),
                rs.getString("owner_table") == null ? null : new Sequence.Owner(rs.getString("owner_table"), rs.getString("owner_column")));
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) return List.of();
        Object[] values = (Object[]) array.getArray();
        List<String> out = new ArrayList<>(values.length);
        for (Object v : values) out.add((String) v);
        return out;
    }

    /** A table being assembled from several result sets. */
    private static final class TableDraft {
        final String schema;
        final String name;
        final String comment;
        final List<Column> columns = new ArrayList<>();
        PrimaryKey primaryKey;
        final List<UniqueConstraint> uniques = new ArrayList<>();
        final List<ForeignKey> foreignKeys = new ArrayList<>();
        final List<CheckConstraint> checks = new ArrayList<>();
        final List<Index> indexes = new ArrayList<>();
        final List<ExclusionConstraint> exclusions = new ArrayList<>();

        TableDraft(String schema, String name, String comment) {
            this.schema = schema;
            this.name = name;
            this.comment = comment;
        }

        boolean hasColumn(String column) {
            return columns.stream().anyMatch(c -> c.name().equals(column));
        }

        Table build() {
            return new Table(schema, name, columns, primaryKey, uniques, foreignKeys, checks, indexes, comment, null, exclusions);
        }
    }
}
