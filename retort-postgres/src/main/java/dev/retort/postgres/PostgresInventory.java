package dev.retort.postgres;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the catalog holds in some schemas, by kind, name and definition, read in one statement
 * whatever the number of schemas or objects: what Retort manages and what it does not. Objects that
 * belong to another one (an index backing a constraint, a table's row type, an array type, the
 * triggers behind foreign keys, the members of an extension) are left out; the owner stands for them.
 *
 * <p>Which kinds Retort manages is {@link #MANAGED}: a kind that reflection reads, the differ compares
 * and the renderer makes joins it, and its objects stop being reported as not managed.
 */
final class PostgresInventory {
    private PostgresInventory() {
    }

    /** The kinds Retort reads, compares and migrates. */
    static final Set<String> MANAGED = Set.of("table", "view", "materialized view", "sequence", "index", "enum type",
            "function", "procedure", "trigger", "policy", "primary key", "unique constraint", "foreign key",
            "check constraint", "exclusion constraint", "domain");

    /** One object: its kind ({@code domain}), name ({@code posint}, {@code rule r on t}) and definition, if any. */
    record Entry(String kind, String name, String definition) {
        String key() {
            return kind + " " + name;
        }
    }

    // Definitions are printed with the session's empty search path (set by the caller), so every name is
    // qualified; the schema's own is taken out afterwards, so that two schemas compare by what they hold.
    private static final String SQL = """
            WITH ns AS (SELECT oid, nspname FROM pg_catalog.pg_namespace WHERE nspname = ANY(?)),
            ext AS (SELECT classid, objid FROM pg_catalog.pg_depend WHERE deptype = 'e')
            SELECT ns.nspname, CASE WHEN c.relispartition THEN 'partition'
                                   ELSE CASE c.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'partitioned table'
                                        WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' WHEN 'S' THEN 'sequence'
                                        WHEN 'f' THEN 'foreign table' WHEN 'c' THEN 'composite type'
                                        WHEN 'i' THEN 'index' WHEN 'I' THEN 'index' ELSE 'relation' END END,
                   c.relname::text,
                   CASE WHEN c.relispartition THEN 'of ' || (SELECT i.inhparent::pg_catalog.regclass::text FROM pg_catalog.pg_inherits i
                                                             WHERE i.inhrelid = c.oid LIMIT 1)
                                                   || ' ' || pg_catalog.pg_get_expr(c.relpartbound, c.oid) END
                   || COALESCE(' ' || CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END, '')
                   || COALESCE(' (' || (SELECT pg_catalog.string_agg(a.attname || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod), ', '
                                                                    ORDER BY a.attnum)
                                        FROM pg_catalog.pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0
                                        AND NOT a.attisdropped AND c.relkind IN ('c', 'f')) || ')', '')
            FROM pg_catalog.pg_class c JOIN ns ON ns.oid = c.relnamespace
            WHERE c.relkind <> 't'
              AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND ext.objid = c.oid)
              AND NOT (c.relkind IN ('i', 'I') AND EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k WHERE k.conindid = c.oid
                                                           AND k.conrelid = (SELECT x.indrelid FROM pg_catalog.pg_index x WHERE x.indexrelid = c.oid)))
              AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                                                   AND d.objid = c.oid AND d.deptype = 'i'))
            UNION ALL
            SELECT ns.nspname, CASE t.typtype WHEN 'e' THEN 'enum type' WHEN 'd' THEN 'domain' WHEN 'r' THEN 'range type'
                                             WHEN 'b' THEN 'base type' WHEN 'p' THEN 'pseudo-type' ELSE 'type' END,
                   t.typname::text,
                   CASE WHEN t.typtype = 'd' THEN pg_catalog.format_type(t.typbasetype, t.typtypmod)
                        || CASE WHEN t.typnotnull THEN ' not null' ELSE '' END
                        || COALESCE(' default ' || t.typdefault, '')
                        || COALESCE(' ' || (SELECT pg_catalog.string_agg(pg_catalog.pg_get_constraintdef(k.oid), ' ' ORDER BY k.conname)
                                            FROM pg_catalog.pg_constraint k WHERE k.contypid = t.oid), '')
                        WHEN t.typtype = 'r' THEN (SELECT pg_catalog.format_type(r.rngsubtype, NULL) FROM pg_catalog.pg_range r
                                                   WHERE r.rngtypid = t.oid) END
            FROM pg_catalog.pg_type t JOIN ns ON ns.oid = t.typnamespace
            -- Not array types (a base type with an element), not tables' row types, not multiranges (made with their range).
            WHERE t.typtype IN ('e', 'd', 'r', 'b', 'p') AND NOT (t.typtype = 'b' AND t.typelem <> 0) AND t.typrelid = 0
              AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_catalog.pg_type'::pg_catalog.regclass AND ext.objid = t.oid)
            UNION ALL
            SELECT ns.nspname, CASE p.prokind WHEN 'f' THEN 'function' WHEN 'p' THEN 'procedure' WHEN 'a' THEN 'aggregate'
                                             ELSE 'window function' END,
                   p.proname || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')', NULL
            FROM pg_catalog.pg_proc p JOIN ns ON ns.oid = p.pronamespace
            WHERE NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND ext.objid = p.oid)
            UNION ALL
            SELECT ns.nspname, 'trigger', g.tgname || ' on ' || c.relname, NULL
            FROM pg_catalog.pg_trigger g JOIN pg_catalog.pg_class c ON c.oid = g.tgrelid JOIN ns ON ns.oid = c.relnamespace
            WHERE NOT g.tgisinternal
            UNION ALL
            SELECT ns.nspname, 'policy', p.polname || ' on ' || c.relname, NULL
            FROM pg_catalog.pg_policy p JOIN pg_catalog.pg_class c ON c.oid = p.polrelid JOIN ns ON ns.oid = c.relnamespace
            UNION ALL
            SELECT ns.nspname, CASE k.contype WHEN 'p' THEN 'primary key' WHEN 'u' THEN 'unique constraint' WHEN 'f' THEN 'foreign key'
                                              WHEN 'c' THEN 'check constraint' WHEN 'x' THEN 'exclusion constraint'
                                              WHEN 't' THEN 'constraint trigger' ELSE 'constraint' END,
                   k.conname || ' on ' || c.relname, pg_catalog.pg_get_constraintdef(k.oid)
            FROM pg_catalog.pg_constraint k JOIN pg_catalog.pg_class c ON c.oid = k.conrelid JOIN ns ON ns.oid = c.relnamespace
            WHERE k.contype <> 't' AND k.conparentid = 0
            UNION ALL
            SELECT ns.nspname, 'rule', r.rulename || ' on ' || c.relname, pg_catalog.pg_get_ruledef(r.oid)
            FROM pg_catalog.pg_rewrite r JOIN pg_catalog.pg_class c ON c.oid = r.ev_class JOIN ns ON ns.oid = c.relnamespace
            WHERE r.rulename <> '_RETURN'
            UNION ALL
            SELECT ns.nspname, 'collation', o.collname::text, NULL FROM pg_catalog.pg_collation o JOIN ns ON ns.oid = o.collnamespace
            UNION ALL
            SELECT ns.nspname, 'conversion', o.conname::text, NULL FROM pg_catalog.pg_conversion o JOIN ns ON ns.oid = o.connamespace
            UNION ALL
            SELECT ns.nspname, 'operator', o.oprname || '(' || pg_catalog.format_type(o.oprleft, NULL) || ', '
                   || pg_catalog.format_type(o.oprright, NULL) || ')', NULL
            FROM pg_catalog.pg_operator o JOIN ns ON ns.oid = o.oprnamespace
            WHERE NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_catalog.pg_operator'::pg_catalog.regclass AND ext.objid = o.oid)
            UNION ALL
            SELECT ns.nspname, 'operator class', o.opcname::text, NULL FROM pg_catalog.pg_opclass o JOIN ns ON ns.oid = o.opcnamespace
            WHERE NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_catalog.pg_opclass'::pg_catalog.regclass AND ext.objid = o.oid)
            UNION ALL
            SELECT ns.nspname, 'operator family', o.opfname::text, NULL FROM pg_catalog.pg_opfamily o JOIN ns ON ns.oid = o.opfnamespace
            WHERE NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_catalog.pg_opfamily'::pg_catalog.regclass AND ext.objid = o.oid)
            UNION ALL
            SELECT ns.nspname, 'statistics', o.stxname::text, pg_catalog.pg_get_statisticsobjdef(o.oid)
            FROM pg_catalog.pg_statistic_ext o JOIN ns ON ns.oid = o.stxnamespace
            UNION ALL
            SELECT ns.nspname, 'text search configuration', o.cfgname::text, NULL FROM pg_catalog.pg_ts_config o JOIN ns ON ns.oid = o.cfgnamespace
            UNION ALL
            SELECT ns.nspname, 'text search dictionary', o.dictname::text, NULL FROM pg_catalog.pg_ts_dict o JOIN ns ON ns.oid = o.dictnamespace
            UNION ALL
            SELECT ns.nspname, 'text search parser', o.prsname::text, NULL FROM pg_catalog.pg_ts_parser o JOIN ns ON ns.oid = o.prsnamespace
            UNION ALL
            SELECT ns.nspname, 'text search template', o.tmplname::text, NULL FROM pg_catalog.pg_ts_template o JOIN ns ON ns.oid = o.tmplnamespace
            UNION ALL
            SELECT ns.nspname, 'extension', e.extname::text, e.extversion FROM pg_catalog.pg_extension e JOIN ns ON ns.oid = e.extnamespace
            """;

    /**
     * The objects of each schema, in one statement. The caller's session has an empty {@code search_path}
     * for the span (see {@link PostgresReflector}), so that definitions name every schema.
     */
    static Map<String, List<Entry>> read(Connection connection, Collection<String> schemas) throws SQLException {
        Map<String, List<Entry>> out = new LinkedHashMap<>();
        for (String s : schemas) out.put(s, new ArrayList<>());
        Array names = connection.createArrayOf("text", schemas.toArray());
        String saved;
        try (java.sql.Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT old.path, pg_catalog.set_config('search_path', '', false) "
                     + "FROM (SELECT pg_catalog.current_setting('search_path') AS path OFFSET 0) old")) {
            rs.next();
            saved = rs.getString(1);
        }
        try (PreparedStatement ps = connection.prepareStatement(SQL)) {
            ps.setArray(1, names);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String schema = rs.getString(1);
                    String definition = PostgresSql.unqualify(rs.getString(4), schema);
                    out.get(schema).add(new Entry(rs.getString(2), rs.getString(3), definition));
                }
            }
        } finally {
            try (PreparedStatement ps = connection.prepareStatement("SELECT pg_catalog.set_config('search_path', ?, false)")) {
                ps.setString(1, saved);
                ps.executeQuery().close();
            }
        }
        return out;
    }

    /** The objects of kinds Retort does not manage. */
    static List<Entry> unmanaged(List<Entry> entries) {
        return entries.stream().filter(e -> !MANAGED.contains(e.kind())).toList();
    }
}
