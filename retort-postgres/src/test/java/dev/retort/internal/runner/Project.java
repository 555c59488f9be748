package dev.retort.internal.runner;

import dev.retort.MetaData;
import dev.retort.api.Retort;
import dev.retort.operations.ColumnOps;
import dev.retort.operations.Operation;
import dev.retort.operations.Sql;
import dev.retort.operations.TableOps;
import dev.retort.internal.revision.MigrationsDirectory;
import dev.retort.revision.Revision;
import dev.retort.testkit.TestDatabase;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static dev.retort.Dsl.CASCADE;
import static dev.retort.Dsl.column;
import static dev.retort.Dsl.index;
import static dev.retort.Types.INTEGER;
import static dev.retort.Types.TEXT;
import static dev.retort.Types.varchar;

/**
 * A project as the runner tests use it: the seed's model (test and child), a migrations directory in
 * a temporary directory with revisions written by {@link MigrationsDirectory}, and a {@link Retort}
 * over the test database.
 */
final class Project {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    final TestDatabase db;
    final Path migrations;
    private MetaData model = model();
    private int written;

    Project(TestDatabase db, Path migrations) {
        this.db = db;
        this.migrations = migrations;
    }

    /** The schema-agnostic model: the seed's two tables. */
    static MetaData model() {
        MetaData md = new MetaData();
        md.table("test", column("id", INTEGER).primaryKey(), column("name", varchar(100)).notNull());
        md.table("child", column("id", INTEGER).primaryKey(),
                column("test_id", INTEGER).notNull().references("test.id").onDelete(CASCADE), index("test_id"));
        return md;
    }

    /** The model with a note column on child: what a second revision adds. */
    static MetaData modelWithNote() {
        MetaData md = model();
        MetaData out = new MetaData();
        out.add(md.get("test"));
        var child = md.get("child");
        List<dev.retort.Column> columns = new ArrayList<>(child.columns());
        columns.add(dev.retort.Column.of("note", TEXT));
        out.add(new dev.retort.Table(null, "child", columns, child.primaryKey(), child.uniques(), child.foreignKeys(),
                child.checks(), child.indexes(), null, null));
        return out;
    }

    void model(MetaData newModel) {
        model = newModel;
    }

    Retort retort() {
        return retort(Duration.ofSeconds(30));
    }

    Retort retort(Duration lockTimeout) {
        MetaData current = model;
        return Retort.configure().dataSource(db.dataSource()).migrations(migrations).model(() -> current)
                .lockTimeout(lockTimeout).load();
    }

    /**
     * The facade with every tenant name allowed, for tests that check that quoting alone keeps
     * hostile names harmless (the default tenant name pattern would refuse them first).
     */
    Retort retortForAnyName() {
        return retort().configuration().tenantNamePattern(Pattern.compile("(?s).+")).load();
    }

    /** The first revision: the model's two tables. */
    Revision initial() {
        List<Operation> ops = model().tables().values().stream().<Operation>map(TableOps.CreateTable::new).toList();
        return create("initial", ops);
    }

    /** A revision adding child.note. */
    Revision addNote() {
        return create("add note", List.of(new ColumnOps.AddColumn(null, "child", dev.retort.Column.of("note", TEXT))));
    }

    /** A revision after the single head, its downgrade the inverse; created times one minute apart, in order. */
    Revision create(String message, List<Operation> ops) {
        return MigrationsDirectory.load(migrations).create(message, ops, T0.plusSeconds(60L * written++));
    }

    /** A revision after a given one (to make branches). */
    Revision createAfter(String parent, String message, List<Operation> ops) {
        MigrationsDirectory dir = MigrationsDirectory.load(migrations);
        return dir.write(Revision.fromOperations(dir.newId(), List.of(parent), message, T0.plusSeconds(60L * written++), ops));
    }

    static Operation sql(String sql) {
        return new Sql(sql, null);
    }

    // --- looking at the database ---

    List<String> tables(String schema) {
        return strings("SELECT table_name FROM information_schema.tables WHERE table_schema = '" + schema.replace("'", "''") + "' ORDER BY table_name");
    }

    List<String> columns(String schema, String table) {
        return strings("SELECT column_name FROM information_schema.columns WHERE table_schema = '" + schema
                + "' AND table_name = '" + table + "' ORDER BY ordinal_position");
    }

    /** The version table's rows as {@code id head} (or {@code id}), in the order applied. */
    List<String> versions(String schema) {
        return strings("SELECT revision || CASE WHEN is_head THEN ' head' ELSE '' END FROM \"" + schema
                + "\".retort_version ORDER BY applied_at, revision");
    }

    boolean schemaExists(String schema) {
        return !strings("SELECT nspname FROM pg_namespace WHERE nspname = '" + schema.replace("'", "''") + "'").isEmpty();
    }

    List<String> strings(String sql) {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) out.add(rs.getString(1));
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** A schema name no test uses and that does not exist (yet); dropped at exit on an external server. */
    String newSchemaName(String hint) {
        String name = db.createSchema(hint);
        db.execute("DROP SCHEMA \"" + name + "\"");
        return name;
    }
}
