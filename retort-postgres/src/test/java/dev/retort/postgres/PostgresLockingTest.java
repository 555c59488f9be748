package dev.retort.postgres;

import dev.retort.Column;
import dev.retort.Identity;
import dev.retort.SqlType;
import dev.retort.Types;
import dev.retort.operations.Change;
import dev.retort.operations.ColumnOps;
import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the dialect tells the lint about rewrites and casts is what the server does: a rewrite gives the
 * table a new file ({@code pg_class.relfilenode}), and a change PostgreSQL cannot make on its own fails
 * without {@code USING}.
 */
class PostgresLockingTest {
    private static final TestDatabase DB = TestDatabase.postgres();
    private static final PostgresDialect DIALECT = new PostgresDialect();

    private static final List<SqlType[]> TYPE_CHANGES = List.of(
            pair(Types.varchar(10), Types.varchar(20)), pair(Types.varchar(20), Types.varchar(10)),
            pair(Types.varchar(10), Types.TEXT), pair(Types.varchar(10), Types.VARCHAR), pair(Types.TEXT, Types.VARCHAR),
            pair(Types.TEXT, Types.varchar(10)), pair(Types.VARCHAR, Types.varchar(10)),
            pair(Types.numeric(10, 2), Types.numeric(12, 2)), pair(Types.numeric(10, 2), Types.numeric(12, 3)),
            pair(Types.numeric(12, 2), Types.numeric(10, 2)), pair(Types.numeric(10, 2), Types.NUMERIC),
            pair(Types.NUMERIC, Types.numeric(10, 2)),
            pair(Types.INTEGER, Types.BIGINT), pair(Types.SMALLINT, Types.INTEGER), pair(Types.BIGINT, Types.INTEGER),
            pair(Types.INTEGER, Types.NUMERIC), pair(Types.REAL, Types.DOUBLE),
            pair(Types.charType(5), Types.charType(10)), pair(Types.charType(5), Types.TEXT),
            pair(Types.TIMESTAMP, Types.TIMESTAMPTZ), pair(Types.DATE, Types.TIMESTAMP), pair(Types.TIME, Types.TIMETZ),
            pair(Types.JSON, Types.JSONB), pair(Types.JSONB, Types.JSON),
            pair(Types.INTEGER, Types.TEXT), pair(Types.UUID, Types.TEXT), pair(Types.TEXT, Types.INTEGER),
            pair(Types.TEXT, Types.UUID), pair(Types.BOOLEAN, Types.INTEGER), pair(Types.INTEGER, Types.BOOLEAN),
            pair(Types.TEXT, Types.JSONB), pair(Types.arrayOf(Types.varchar(10)), Types.arrayOf(Types.varchar(20))),
            pair(Types.arrayOf(Types.TEXT), Types.arrayOf(Types.INTEGER)));

    private static SqlType[] pair(SqlType from, SqlType to) {
        return new SqlType[] {from, to};
    }

    @Test
    void typeChangesRewriteAndNeedCastsAsTheDialectSays() throws SQLException {
        String schema = DB.createSchema("locking_types");
        List<String> claimed = new ArrayList<>();
        List<String> observed = new ArrayList<>();
        try (Connection c = DB.connect(); Statement st = c.createStatement()) {
            // timestamp to timestamptz keeps its file when the session's zone is UTC (PostgreSQL 12+): not a zone to count on.
            st.execute("SET TimeZone = 'America/New_York'");
            c.setAutoCommit(false);
            int i = 0;
            for (SqlType[] p : TYPE_CHANGES) {
                String table = "t" + i++;
                String name = p[0] + " -> " + p[1];
                st.execute("CREATE TABLE " + DIALECT.qualify(schema, table) + " (c " + PostgresTypes.render(p[0]) + ")");
                st.execute("INSERT INTO " + DIALECT.qualify(schema, table) + " VALUES (NULL)");
                long before = relfilenode(st, schema, table);
                Savepoint savepoint = c.setSavepoint();
                boolean plainWorks;
                try {
                    // As written by hand, without USING: the renderer adds the cast PostgreSQL asks for itself.
                    st.execute("ALTER TABLE " + DIALECT.qualify(schema, table) + " ALTER COLUMN c TYPE " + PostgresTypes.render(p[1]));
                    plainWorks = true;
                } catch (SQLException e) {
                    assertThat(e.getMessage()).as(name).contains("cannot be cast automatically");
                    c.rollback(savepoint);
                    plainWorks = false;
                    for (String sql : DIALECT.render(alter(schema, table, p, "c::" + PostgresTypes.render(p[1])), null)) st.execute(sql);
                }
                boolean rewrote = relfilenode(st, schema, table) != before;
                claimed.add(name + ": rewrites " + DIALECT.typeChangeRewrites(p[0], p[1]) + ", needs a cast " + DIALECT.typeChangeNeedsCast(p[0], p[1]));
                observed.add(name + ": rewrites " + rewrote + ", needs a cast " + !plainWorks);
            }
            c.commit();
        }
        assertThat(claimed).containsExactlyElementsOf(observed);
    }

    @Test
    void addedColumnsRewriteAsTheDialectSays() throws SQLException {
        String schema = DB.createSchema("locking_columns");
        List<Column> columns = List.of(
                column("constant", Types.INTEGER, "0"), column("stable", Types.TIMESTAMPTZ, "now()"),
                column("literal", Types.TEXT, "'x'"), column("nothing", Types.TEXT, null),
                column("random", Types.DOUBLE, "random()"), column("uuid", Types.UUID, "gen_random_uuid()"),
                column("clock", Types.TIMESTAMPTZ, "clock_timestamp()"),
                Column.of("ident", Types.BIGINT).withIdentity(Identity.byDefault()),
                Column.of("serial", Types.INTEGER).withAutoIncrement(true),
                Column.of("generated", Types.INTEGER).withComputed("1 + 1"));
        List<String> claimed = new ArrayList<>();
        List<String> observed = new ArrayList<>();
        try (Connection c = DB.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE " + DIALECT.qualify(schema, "t") + " (id integer)");
            st.execute("INSERT INTO " + DIALECT.qualify(schema, "t") + " VALUES (1)");
            for (Column column : columns) {
                long before = relfilenode(st, schema, "t");
                for (String sql : DIALECT.render(new ColumnOps.AddColumn(schema, "t", column), null)) st.execute(sql);
                claimed.add(column.name() + ": rewrites " + DIALECT.addColumnRewrites(column));
                observed.add(column.name() + ": rewrites " + (relfilenode(st, schema, "t") != before));
            }
        }
        assertThat(claimed).containsExactlyElementsOf(observed);
    }

    private static Column column(String name, SqlType type, String defaultValue) {
        return Column.of(name, type).withServerDefault(defaultValue);
    }

    private static ColumnOps.AlterColumn alter(String schema, String table, SqlType[] p, String using) {
        return new ColumnOps.AlterColumn(schema, table, "c", new Change<>(p[0], p[1]), null, null, null, null, null, using);
    }

    private static long relfilenode(Statement st, String schema, String table) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT relfilenode FROM pg_class WHERE oid = '"
                + DIALECT.qualify(schema, table).replace("'", "''") + "'::regclass")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
