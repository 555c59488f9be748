package dev.retort.postgres.conformance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The judge of a conformance run: what a database holds, as a sorted list of one-line facts read from
 * the catalogs with queries of its own. It shares no code with Retort's reflector, normaliser or
 * differ: definitions come from the server's own printers ({@code format_type}, {@code pg_get_expr},
 * {@code pg_get_constraintdef}, {@code pg_get_indexdef}), so two databases are equal here when
 * PostgreSQL itself would describe them alike.
 *
 * <p>Normalised, as the corpus allows: column order (facts are sorted), constraint and index names
 * (left out; a definition identifies them), and empty schemas (not listed: Retort creates a schema
 * when the model puts something in it and never drops one). Objects Retort does not model (views,
 * functions, triggers, policies, domains and other types, extensions, rules) are listed too, so a case
 * holding them cannot pass by accident.
 */
final class CatalogOracle {
    private static final String USER_SCHEMAS = "n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'";
    private static final Pattern INDEX_NAME = Pattern.compile("^(CREATE (?:UNIQUE )?INDEX )(\"(?:[^\"]|\"\")*\"|\\S+) (ON .*)$", Pattern.DOTALL);

    private CatalogOracle() {
    }

    /** The facts of every user schema of the connection's database, sorted. */
    static List<String> facts(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement()) {
            // Everything outside pg_catalog comes out schema-qualified, whatever the session had.
            st.execute("SET search_path = ''");
            tables(st, out);
            columns(st, out);
            constraints(st, out);
            indexes(st, out);
            enums(st, out);
            sequences(st, out);
            others(st, out);
        }
        Collections.sort(out);
        return out;
    }

    private static void tables(Statement st, List<String> out) throws SQLException {
        String sql = """
                SELECT n.nspname, c.relname, c.relkind, c.relpersistence, c.relrowsecurity, c.reloptions::text,
                       pg_catalog.obj_description(c.oid, 'pg_class'),
                       (SELECT pg_catalog.string_agg(i.inhparent::pg_catalog.regclass::text, ',' ORDER BY i.inhseqno)
                          FROM pg_catalog.pg_inherits i WHERE i.inhrelid = c.oid),
                       CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END, c.relforcerowsecurity
                FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'p', 'f') AND %s
                """.formatted(USER_SCHEMAS);
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                String t = name(rs.getString(1), rs.getString(2));
                StringBuilder s = new StringBuilder("table ").append(t).append(" kind ").append(rs.getString(3));
                if (!"p".equals(rs.getString(4))) s.append(" persistence ").append(rs.getString(4));
                if (rs.getBoolean(5)) s.append(" row-level-security");
                if (rs.getBoolean(10)) s.append(" forced");
                if (rs.getString(6) != null) s.append(" options ").append(rs.getString(6));
                if (rs.getString(8) != null) s.append(" inherits ").append(rs.getString(8));
                if (rs.getString(9) != null) s.append(" partition by ").append(rs.getString(9));
                out.add(s.toString());
                if (rs.getString(7) != null) out.add("comment on table " + t + " is " + text(rs.getString(7)));
            }
        }
    }

    private static void columns(Statement st, List<String> out) throws SQLException {
        String sql = """
                SELECT n.nspname, c.relname, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull,
                       pg_catalog.pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated,
                       CASE WHEN a.attcollation <> ty.typcollation THEN co.collname END,
                       pg_catalog.col_description(c.oid, a.attnum),
                       s.seqtypid::pg_catalog.regtype::text, s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle
                FROM pg_catalog.pg_attribute a
                JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                JOIN pg_catalog.pg_type ty ON ty.oid = a.atttypid
                LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation
                LEFT JOIN pg_catalog.pg_depend dep ON a.attidentity <> '' AND dep.refobjid = a.attrelid
                       AND dep.refobjsubid = a.attnum AND dep.deptype = 'i'
                       AND dep.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                LEFT JOIN pg_catalog.pg_sequence s ON s.seqrelid = dep.objid
                WHERE c.relkind IN ('r', 'p', 'f') AND a.attnum > 0 AND NOT a.attisdropped AND %s
                """.formatted(USER_SCHEMAS);
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                String col = name(rs.getString(1), rs.getString(2)) + "." + rs.getString(3);
                StringBuilder s = new StringBuilder("column ").append(col).append(' ').append(rs.getString(4));
                if (rs.getBoolean(5)) s.append(" not null");
                String generated = rs.getString(8);
                if (generated != null && !generated.isEmpty()) {
                    s.append(" generated (").append(rs.getString(6)).append(") ").append(generated);
                } else if (rs.getString(6) != null) {
                    s.append(" default ").append(rs.getString(6));
                }
                String identity = rs.getString(7);
                if (identity != null && !identity.isEmpty()) {
                    s.append(" identity ").append("a".equals(identity) ? "always" : "by default");
                    if (rs.getString(11) != null) {
                        s.append(" (").append(rs.getString(11)).append(" start ").append(rs.getLong(12))
                                .append(" increment ").append(rs.getLong(13)).append(" min ").append(rs.getLong(14))
                                .append(" max ").append(rs.getLong(15)).append(" cache ").append(rs.getLong(16))
                                .append(rs.getBoolean(17) ? " cycle" : "").append(')');
                    }
                }
                if (rs.getString(9) != null) s.append(" collate ").append(rs.getString(9));
                out.add(s.toString());
                if (rs.getString(10) != null) out.add("comment on column " + col + " is " + text(rs.getString(10)));
            }
        }
    }

    private static void constraints(Statement st, List<String> out) throws SQLException {
        String sql = """
                SELECT n.nspname, c.relname, con.contype, pg_catalog.pg_get_constraintdef(con.oid),
                       pg_catalog.obj_description(con.oid, 'pg_constraint')
                FROM pg_catalog.pg_constraint con
                JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                WHERE con.contype <> 'n' AND %s
                """.formatted(USER_SCHEMAS);
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                String def = "constraint on " + name(rs.getString(1), rs.getString(2)) + " " + rs.getString(4);
                out.add(def);
                if (rs.getString(5) != null) out.add("comment on " + def + " is " + text(rs.getString(5)));
            }
        }
    }

    private static void indexes(Statement st, List<String> out) throws SQLException {
        String sql = """
                SELECT pg_catalog.pg_get_indexdef(i.indexrelid), pg_catalog.obj_description(i.indexrelid, 'pg_class')
                FROM pg_catalog.pg_index i
                JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                WHERE %s AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k
                                         WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid
                                           AND k.contype IN ('p', 'u', 'x'))
                """.formatted(USER_SCHEMAS);
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                String def = "index " + withoutIndexName(rs.getString(1));
                out.add(def);
                if (rs.getString(2) != null) out.add("comment on " + def + " is " + text(rs.getString(2)));
            }
        }
    }

    static String withoutIndexName(String indexdef) {
        Matcher m = INDEX_NAME.matcher(indexdef);
        return m.matches() ? m.group(1) + m.group(3) : indexdef;
    }

    private static void enums(Statement st, List<String> out) throws SQLException {
        String sql = """
                SELECT n.nspname, t.typname,
                       (SELECT pg_catalog.string_agg(pg_catalog.quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder)
                          FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid),
                       pg_catalog.obj_description(t.oid, 'pg_type')
                FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
                WHERE t.typtype = 'e' AND %s
                """.formatted(USER_SCHEMAS);
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                String e = name(rs.getString(1), rs.getString(2));
                out.add("enum " + e + " (" + rs.getString(3) + ")");
                if (rs.getString(4) != null) out.add("comment on type " + e + " is " + text(rs.getString(4)));
            }
        }
    }

    /** Sequences but those of identity columns (their options are part of the column's fact). */
    private static void sequences(Statement st, List<String> out) throws SQLException {
        String sql = """
                SELECT n.nspname, c.relname, s.seqtypid::pg_catalog.regtype::text, s.seqstart, s.seqincrement,
                       s.seqmin, s.seqmax, s.seqcache, s.seqcycle,
                       (SELECT d.refobjid::pg_catalog.regclass::text || '.' || pg_catalog.quote_ident(a.attname)
                          FROM pg_catalog.pg_depend d
                          JOIN pg_catalog.pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                         WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = c.oid
                           AND d.deptype = 'a' AND d.refobjsubid > 0),
                       pg_catalog.obj_description(c.oid, 'pg_class')
                FROM pg_catalog.pg_sequence s
                JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                WHERE %s AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                                         WHERE d.objid = c.oid AND d.deptype = 'i'
                                           AND d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass)
                """.formatted(USER_SCHEMAS);
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                String q = name(rs.getString(1), rs.getString(2));
                StringBuilder s = new StringBuilder("sequence ").append(q).append(" as ").append(rs.getString(3))
                        .append(" start ").append(rs.getLong(4)).append(" increment ").append(rs.getLong(5))
                        .append(" min ").append(rs.getLong(6)).append(" max ").append(rs.getLong(7))
                        .append(" cache ").append(rs.getLong(8));
                if (rs.getBoolean(9)) s.append(" cycle");
                if (rs.getString(10) != null) s.append(" owned by ").append(rs.getString(10));
                out.add(s.toString());
                if (rs.getString(11) != null) out.add("comment on sequence " + q + " is " + text(rs.getString(11)));
            }
        }
    }

    /** What Retort does not model, by kind and name (with a definition where one is cheap to print). */
    private static void others(Statement st, List<String> out) throws SQLException {
        String sql = """
                SELECT 'view ' || c.relkind::text || ' ' || c.oid::pg_catalog.regclass::text || ' ' || pg_catalog.pg_get_viewdef(c.oid)
                       || COALESCE(' options ' || c.reloptions::text, '')
                       || COALESCE(' comment ' || pg_catalog.obj_description(c.oid, 'pg_class'), '')
                  FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                 WHERE c.relkind IN ('v', 'm') AND %1$s
                UNION ALL
                SELECT 'type ' || t.typtype::text || ' ' || t.oid::pg_catalog.regtype::text
                       -- A domain with its definition: base type, NOT NULL, default, collation, checks (by
                       -- definition, not name), comment.
                       || CASE WHEN t.typtype = 'd' THEN ' as ' || pg_catalog.format_type(t.typbasetype, t.typtypmod)
                              || CASE WHEN t.typnotnull THEN ' not null' ELSE '' END
                              || COALESCE(' default ' || pg_catalog.pg_get_expr(t.typdefaultbin, 0), '')
                              || CASE WHEN t.typcollation <> (SELECT b.typcollation FROM pg_catalog.pg_type b WHERE b.oid = t.typbasetype)
                                      THEN ' collate ' || (SELECT co.collname::text FROM pg_catalog.pg_collation co WHERE co.oid = t.typcollation)
                                      ELSE '' END
                              || COALESCE(' ' || (SELECT pg_catalog.string_agg(pg_catalog.pg_get_constraintdef(c.oid), ', '
                                                                               ORDER BY pg_catalog.pg_get_constraintdef(c.oid))
                                                  FROM pg_catalog.pg_constraint c WHERE c.contypid = t.oid AND c.contype = 'c'), '')
                              || COALESCE(' comment ' || pg_catalog.obj_description(t.oid, 'pg_type'), '')
                          ELSE '' END
                  FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
                 WHERE t.typtype IN ('c', 'd', 'r', 'm') AND %1$s
                   AND (t.typrelid = 0 OR (SELECT k.relkind FROM pg_catalog.pg_class k WHERE k.oid = t.typrelid) = 'c')
                UNION ALL
                SELECT 'routine ' || p.oid::pg_catalog.regprocedure::text
                       || CASE WHEN p.prokind IN ('f', 'p') THEN ' ' || pg_catalog.pg_get_functiondef(p.oid) ELSE '' END
                       || COALESCE(' comment ' || pg_catalog.obj_description(p.oid, 'pg_proc'), '')
                  FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
                 WHERE %1$s AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
                UNION ALL
                SELECT 'trigger ' || pg_catalog.pg_get_triggerdef(tg.oid) || ' enabled ' || tg.tgenabled::text
                       || COALESCE(' comment ' || pg_catalog.obj_description(tg.oid, 'pg_trigger'), '')
                  FROM pg_catalog.pg_trigger tg WHERE NOT tg.tgisinternal
                UNION ALL
                SELECT 'policy ' || pol.polname || ' on ' || pol.polrelid::pg_catalog.regclass::text
                       || ' ' || pol.polcmd::text || CASE WHEN pol.polpermissive THEN ' permissive' ELSE ' restrictive' END
                       || ' to ' || pol.polroles::pg_catalog.regrole[]::text
                       || COALESCE(' using (' || pg_catalog.pg_get_expr(pol.polqual, pol.polrelid) || ')', '')
                       || COALESCE(' with check (' || pg_catalog.pg_get_expr(pol.polwithcheck, pol.polrelid) || ')', '')
                       || COALESCE(' comment ' || pg_catalog.obj_description(pol.oid, 'pg_policy'), '')
                  FROM pg_catalog.pg_policy pol
                UNION ALL
                SELECT 'extension ' || x.extname FROM pg_catalog.pg_extension x WHERE x.extname <> 'plpgsql'
                UNION ALL
                SELECT 'rule ' || r.rulename || ' on ' || r.ev_class::pg_catalog.regclass::text
                  FROM pg_catalog.pg_rewrite r JOIN pg_catalog.pg_class c ON c.oid = r.ev_class
                  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                 WHERE r.rulename <> '_RETURN' AND %1$s
                """.formatted(USER_SCHEMAS);
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) out.add("other " + rs.getString(1));
        }
    }

    private static String name(String schema, String object) {
        return quoteIfNeeded(schema) + "." + quoteIfNeeded(object);
    }

    private static String quoteIfNeeded(String n) {
        return n.matches("[a-z_][a-z0-9_$]*") ? n : '"' + n.replace("\"", "\"\"") + '"';
    }

    private static String text(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /**
     * Facts of {@code expected} missing from {@code actual} ({@code -} lines) and, unless
     * {@code extrasAllowed}, facts only in {@code actual} ({@code +} lines); empty when they agree.
     */
    static List<String> differences(List<String> expected, List<String> actual, boolean extrasAllowed) {
        Map<String, Integer> counts = new HashMap<>();
        actual.forEach(f -> counts.merge(f, 1, Integer::sum));
        List<String> out = new ArrayList<>();
        for (String f : expected) {
            Integer n = counts.get(f);
            if (n == null || n == 0) out.add("- " + f); else counts.put(f, n - 1);
        }
        if (!extrasAllowed) {
            for (String f : actual) {
                Integer n = counts.get(f);
                if (n != null && n > 0) {
                    out.add("+ " + f);
                    counts.put(f, n - 1);
                }
            }
        }
        return out;
    }
}
