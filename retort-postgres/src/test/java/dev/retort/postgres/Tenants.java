package dev.retort.postgres;

import dev.retort.MetaData;
import dev.retort.Sequence;
import dev.retort.SqlType;
import dev.retort.Table;
import dev.retort.compare.Diff;
import dev.retort.compare.Normaliser;
import dev.retort.internal.autogenerate.Autogenerate;
import dev.retort.operations.Operation;
import dev.retort.testkit.TestDatabase;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Autogenerate against live schemas, and applying its operations as a runner does. */
final class Tenants {
    static final Autogenerate AUTOGENERATE = Autogenerate.with(Pg.DIALECT);
    private static final Normaliser N = new PostgresNormaliser();

    private Tenants() {
    }

    /** The diff that makes {@code schema} match the schema-agnostic {@code model}. */
    static Diff autogenerate(TestDatabase db, MetaData model, String schema) throws SQLException {
        try (Connection c = db.connect()) {
            return AUTOGENERATE.autogenerate(c, model.withSchema(schema), schema);
        }
    }

    /**
     * Renders the operations for {@code schema} and runs them in one transaction, with the schema as the
     * search path so that unqualified names in expressions resolve there, as the runner sets it.
     */
    static void apply(TestDatabase db, String schema, List<Operation> operations) throws SQLException {
        try (Connection c = db.connect()) {
            apply(c, schema, operations);
        }
    }

    static void apply(Connection c, String schema, List<Operation> operations) throws SQLException {
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("SET LOCAL search_path TO " + PostgresSql.quote(schema));
            for (Operation op : operations) {
                for (String sql : Pg.DIALECT.render(op, schema)) {
                    try {
                        st.execute(sql);
                    } catch (SQLException e) {
                        c.rollback();
                        throw new SQLException(op.describe() + ": " + e.getMessage() + "\n" + sql, e);
                    }
                }
            }
        }
        c.commit();
        c.setAutoCommit(true);
    }

    /** Creates the schema's objects from the model, checking that it then has nothing left to do. */
    static void create(TestDatabase db, MetaData model, String schema) throws SQLException {
        Diff creation = autogenerate(db, model, schema);
        apply(db, schema, creation.operations());
        assertThat(autogenerate(db, model, schema).describe()).as("autogenerate after creating %s", schema).isEmpty();
    }

    /**
     * What reflection reads in {@code schema} equals the model bound to it, up to normalisation: tables,
     * enum types and sequences of that schema (objects the model has elsewhere are not read).
     */
    static void assertMatches(TestDatabase db, String schema, MetaData model) throws SQLException {
        MetaData bound = model.withSchema(schema);
        MetaData reflected = Pg.reflect(db, schema);
        Map<String, Table> expected = new TreeMap<>();
        bound.tables().forEach((k, t) -> {
            if (schema.equals(t.schema())) expected.put(k, byColumnName(Canon.table(t)));
        });
        Map<String, Table> actual = new TreeMap<>();
        reflected.tables().forEach((k, t) -> actual.put(k, byColumnName(Canon.table(t))));
        assertThat(actual).as("tables of %s", schema).isEqualTo(expected);
        assertThat(enums(reflected, schema)).as("enum types of %s", schema).isEqualTo(enums(bound, schema));
        assertThat(sequences(reflected, schema)).as("sequences of %s", schema).isEqualTo(sequences(bound, schema));
    }

    /**
     * Columns in name order: PostgreSQL adds a column at the end and cannot move one, so a column that
     * was added or replaced stands elsewhere than in the model, and no diff can change that.
     */
    private static Table byColumnName(Table t) {
        return t.withColumns(t.columns().stream().sorted(java.util.Comparator.comparing(dev.retort.Column::name)).toList());
    }

    private static Map<String, List<String>> enums(MetaData md, String schema) {
        return md.enums().stream().filter(e -> schema.equals(e.schema()))
                .collect(Collectors.toMap(SqlType.Enum::key, SqlType.Enum::labels, (a, b) -> a, TreeMap::new));
    }

    private static Map<String, Sequence> sequences(MetaData md, String schema) {
        return md.sequences().values().stream().filter(s -> schema.equals(s.schema()))
                .collect(Collectors.toMap(Sequence::key, N::normaliseSequence, (a, b) -> a, TreeMap::new));
    }
}
