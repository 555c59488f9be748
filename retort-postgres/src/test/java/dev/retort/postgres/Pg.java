package dev.retort.postgres;

import dev.retort.MetaData;
import dev.retort.SqlType;
import dev.retort.Table;
import dev.retort.operations.EnumOps;
import dev.retort.operations.Operation;
import dev.retort.operations.SequenceOps;
import dev.retort.operations.TableOps;
import dev.retort.testkit.TestDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Small helpers for the tests: apply operations, reflect, query. */
final class Pg {
    static final PostgresDialect DIALECT = new PostgresDialect();

    private Pg() {
    }

    /** The operations that create a bound model from nothing: enum types, sequences, then tables in order. */
    static List<Operation> creation(MetaData md) {
        List<Operation> ops = new ArrayList<>();
        for (SqlType.Enum e : md.enums()) ops.add(new EnumOps.CreateEnum(e));
        md.sequences().values().forEach(s -> ops.add(new SequenceOps.CreateSequence(s)));
        for (Table t : md.tables().values()) ops.add(new TableOps.CreateTable(t));
        return ops;
    }

    /** Renders and runs the operations in one transaction. */
    static void apply(TestDatabase db, String targetSchema, List<Operation> ops) throws SQLException {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                for (Operation op : ops) {
                    for (String sql : DIALECT.render(op, targetSchema)) st.execute(sql);
                }
            }
            c.commit();
        }
    }

    static void apply(TestDatabase db, String targetSchema, Operation... ops) throws SQLException {
        apply(db, targetSchema, List.of(ops));
    }

    static MetaData reflect(TestDatabase db, String schema) throws SQLException {
        try (Connection c = db.connect()) {
            return DIALECT.reflect(c, List.of(schema)).get(schema);
        }
    }

    static Table table(TestDatabase db, String schema, String table) throws SQLException {
        return reflect(db, schema).get(schema + "." + table);
    }

    /** The first column of every row, as text. */
    static List<String> query(TestDatabase db, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }
}
