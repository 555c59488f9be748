package dev.retort.jpa;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A database's tables, columns, constraints, indexes and sequences as PostgreSQL's own catalog
 * functions print them ({@code format_type}, {@code pg_get_constraintdef}, {@code pg_get_indexdef},
 * {@code pg_get_expr}), read with plain queries: Retort's reflector plays no part, so a blind spot of
 * it cannot hide a difference. Left out: the names of constraints and indexes (Hibernate makes them
 * from hashes) and the order of a table's columns; kept: the order of columns in keys and indexes,
 * which decides what their index serves.
 */
final class CatalogShape {
    /** Schemas PostgreSQL makes for itself. */
    private static final String USER_SCHEMAS = "n.nspname NOT IN ('pg_catalog', 'information_schema') "
            + "AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'";

    private static final String COLUMNS = """
            SELECT n.nspname, c.relname, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull,
                   pg_catalog.pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated,
                   pg_catalog.col_description(c.oid, a.attnum)
              FROM pg_catalog.pg_class c
              JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
              JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
              LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
             WHERE c.relkind IN ('r', 'p') AND\s""" + USER_SCHEMAS;

    private static final String TABLES = """
            SELECT n.nspname, c.relname, pg_catalog.obj_description(c.oid, 'pg_class')
              FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relkind IN ('r', 'p') AND\s""" + USER_SCHEMAS;

    /** Not-null constraints (contype 'n', PostgreSQL 18) are the columns' attnotnull, read above. */
    private static final String CONSTRAINTS = """
            SELECT n.nspname, c.relname, con.contype, pg_catalog.pg_get_constraintdef(con.oid)
              FROM pg_catalog.pg_constraint con
              JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
              JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
             WHERE con.contype <> 'n' AND\s""" + USER_SCHEMAS;

    /** Indexes of their own: those behind a table's primary key, unique or exclusion constraint are the constraint. */
    private static final String INDEXES = """
            SELECT n.nspname, c.relname, pg_catalog.pg_get_indexdef(i.indexrelid)
              FROM pg_catalog.pg_index i
              JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
              JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
             WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint con
                                WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x'))
               AND\s""" + USER_SCHEMAS;

    private static final String SEQUENCES = """
            SELECT n.nspname, c.relname, pg_catalog.format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement,
                   s.seqmin, s.seqmax, s.seqcache, s.seqcycle
              FROM pg_catalog.pg_sequence s
              JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid
              JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
             WHERE\s""" + USER_SCHEMAS;

    private static final String TYPES = """
            SELECT n.nspname, t.typname, t.typtype, pg_catalog.format_type(t.typbasetype, t.typtypmod),
                   ARRAY(SELECT e.enumlabel::text FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder)::text
              FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
             WHERE t.typtype IN ('e', 'd') AND\s""" + USER_SCHEMAS;

    /** The index's name in {@code CREATE [UNIQUE] INDEX name ON ...}, quoted or not. */
    private static final Pattern INDEX_NAME = Pattern.compile("INDEX (\"(?:[^\"]|\"\")*\"|\\S+) ON ");

    /** Per object ({@code table tenant.book}, {@code sequence tenant.book_seq}): each fact and its value. */
    private final Map<String, Map<String, String>> facts = new TreeMap<>();

    private CatalogShape() {
    }

    /** The shape of every user schema of the database the connection is to. */
    static CatalogShape read(Connection c) throws SQLException {
        CatalogShape s = new CatalogShape();
        query(c, TABLES, r -> {
            Map<String, String> f = s.object("table " + r.getString(1) + "." + r.getString(2));
            if (r.getString(3) != null) f.put("comment", r.getString(3));
        });
        query(c, COLUMNS, r -> {
            Map<String, String> f = s.object("table " + r.getString(1) + "." + r.getString(2));
            String col = "column " + r.getString(3);
            f.put(col + " type", r.getString(4));
            f.put(col + " not null", String.valueOf(r.getBoolean(5)));
            if (r.getString(6) != null) f.put(col + " default", r.getString(6));
            if (!r.getString(7).isEmpty()) f.put(col + " identity", r.getString(7));
            if (!r.getString(8).isEmpty()) f.put(col + " generated", r.getString(8));
            if (r.getString(9) != null) f.put(col + " comment", r.getString(9));
        });
        query(c, CONSTRAINTS, r -> {
            Map<String, String> f = s.object("table " + r.getString(1) + "." + r.getString(2));
            // a table has one primary key: a key of its own, so that a changed one shows as changed, not as one gone and one new
            if (r.getString(3).equals("p")) f.put("primary key", r.getString(4));
            else s.count(f, "constraint " + r.getString(4));
        });
        query(c, INDEXES, r -> s.count(s.object("table " + r.getString(1) + "." + r.getString(2)),
                INDEX_NAME.matcher(r.getString(3)).replaceFirst("INDEX ON ")));
        query(c, SEQUENCES, r -> s.object("sequence " + r.getString(1) + "." + r.getString(2)).put("definition",
                "as " + r.getString(3) + " start " + r.getLong(4) + " increment " + r.getLong(5) + " min " + r.getLong(6)
                        + " max " + r.getLong(7) + " cache " + r.getLong(8) + (r.getBoolean(9) ? " cycle" : "")));
        query(c, TYPES, r -> s.object("type " + r.getString(1) + "." + r.getString(2)).put("definition",
                r.getString(3).equals("e") ? "enum " + r.getString(5) : "domain " + r.getString(4)));
        return s;
    }

    private Map<String, String> object(String key) {
        return facts.computeIfAbsent(key, k -> new TreeMap<>());
    }

    /** Facts that may repeat (two equal checks on one table) are counted, so that one more or one fewer shows. */
    private void count(Map<String, String> f, String fact) {
        f.merge(fact, "1", (a, b) -> String.valueOf(Integer.parseInt(a) + 1));
    }

    private interface Row {
        void accept(ResultSet r) throws SQLException;
    }

    private static void query(Connection c, String sql, Row row) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql); ResultSet r = st.executeQuery()) {
            while (r.next()) row.accept(r);
        }
    }

    /**
     * The differences, one line each, naming the object, the fact and each side's value ({@code absent}
     * when a side lacks it): {@code table tenant.book: column title type: hibernate character varying(255), retort text},
     * {@code table tenant.book: constraint UNIQUE (isbn): hibernate 1, retort absent}.
     */
    static List<String> differences(CatalogShape hibernate, CatalogShape retort) {
        List<String> out = new ArrayList<>();
        Set<String> objects = new TreeSet<>(hibernate.facts.keySet());
        objects.addAll(retort.facts.keySet());
        for (String object : objects) {
            Map<String, String> h = hibernate.facts.get(object);
            Map<String, String> r = retort.facts.get(object);
            if (h == null || r == null) {
                out.add(object + ": hibernate " + (h == null ? "absent" : "present") + ", retort " + (r == null ? "absent" : "present"));
                continue;
            }
            Set<String> keys = new TreeSet<>(h.keySet());
            keys.addAll(r.keySet());
            for (String k : keys) {
                String hv = h.getOrDefault(k, "absent");
                String rv = r.getOrDefault(k, "absent");
                if (!Objects.equals(hv, rv)) out.add(object + ": " + k + ": hibernate " + hv + ", retort " + rv);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        facts.forEach((object, f) -> {
            b.append(object).append('\n');
            f.forEach((k, v) -> b.append("  ").append(k).append(": ").append(v).append('\n'));
        });
        return b.toString();
    }
}
