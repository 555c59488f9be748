package dev.retort.cli.migrate;

import dev.retort.MetaData;
import dev.retort.cli.CliRun;
import dev.retort.cli.Confirmation;
import dev.retort.cli.config.JavaSources;
import dev.retort.operations.Operation;
import dev.retort.operations.TableOps;
import dev.retort.internal.revision.MigrationsDirectory;
import dev.retort.revision.Revision;
import dev.retort.testkit.TestDatabase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.retort.Dsl.CASCADE;
import static dev.retort.Dsl.column;
import static dev.retort.Dsl.index;
import static dev.retort.Types.INTEGER;
import static dev.retort.Types.varchar;

/**
 * A project laid out as examples/consumer is: retort.yaml, a migrations directory, and a model class
 * (compiled here into {@code classes/}, named by {@code classpath:} so that no Maven build is needed).
 */
final class Consumer {
    static final String MODEL_SOURCE = """
            package app;

            import dev.retort.MetaData;
            import dev.retort.ModelProvider;
            import static dev.retort.Dsl.*;
            import static dev.retort.Types.*;

            public final class TenantModel implements ModelProvider {
                @Override
                public MetaData metadata() {
                    MetaData md = new MetaData();
                    md.table("test", column("id", INTEGER).primaryKey(), column("name", varchar(100)).notNull());
                    md.table("child", column("id", INTEGER).primaryKey(),
                            column("test_id", INTEGER).notNull().references("test.id").onDelete(CASCADE), index("test_id"));
                    return md;
                }
            }
            """;
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    final Path dir;
    final TestDatabase db;
    private final Map<String, String> environment = new HashMap<>();
    private int written;

    private Consumer(Path dir, TestDatabase db) {
        this.dir = dir;
        this.db = db;
    }

    /** The project in {@code dir}, its database given by RETORT_URL (null: none, the embedded server). */
    static Consumer in(Path dir, TestDatabase db) throws IOException {
        Consumer c = new Consumer(dir, db);
        JavaSources.compile(dir.resolve("classes"), Map.of("app.TenantModel", MODEL_SOURCE));
        Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(dir.resolve("retort.yaml"), "model: app.TenantModel\nmigrations: migrations\nclasspath: [classes]\n");
        if (db != null) c.environment.put("RETORT_URL", db.jdbcUrl());
        return c;
    }

    /** The model as the compiled class gives it, built again here to write revisions from. */
    static MetaData model() {
        MetaData md = new MetaData();
        md.table("test", column("id", INTEGER).primaryKey(), column("name", varchar(100)).notNull());
        md.table("child", column("id", INTEGER).primaryKey(),
                column("test_id", INTEGER).notNull().references("test.id").onDelete(CASCADE), index("test_id"));
        return md;
    }

    Path migrations() {
        return dir.resolve("migrations");
    }

    /** The first revision: the model's tables, schema-agnostic. */
    Revision initial() {
        return create("initial", model().tables().values().stream().<Operation>map(TableOps.CreateTable::new).toList());
    }

    Revision create(String message, List<Operation> ops) {
        return MigrationsDirectory.load(migrations()).create(message, ops, T0.plusSeconds(60L * written++));
    }

    Revision createAfter(String parent, String message, List<Operation> ops) {
        MigrationsDirectory d = MigrationsDirectory.load(migrations());
        return d.write(Revision.fromOperations(d.newId(), List.of(parent), message, T0.plusSeconds(60L * written++), ops));
    }

    /** Runs the command line in the project, with RETORT_URL and the given variables. */
    CliRun run(Map<String, String> variables, String... args) {
        Map<String, String> all = new HashMap<>(environment);
        all.putAll(variables);
        return CliRun.in(dir, all, args);
    }

    CliRun run(String... args) {
        return run(Map.of(), args);
    }

    /** Runs the command line in the project as if at a terminal, its questions answered by {@code answers}. */
    CliRun runAtTerminal(Confirmation answers, String... args) {
        return CliRun.atTerminal(dir, environment, answers, args);
    }

    /** A schema name no other test uses, not created. */
    String newSchemaName(String hint) {
        String name = db.createSchema(hint);
        db.execute("DROP SCHEMA \"" + name + "\"");
        return name;
    }

    List<String> tables(String schema) {
        return strings("SELECT table_name FROM information_schema.tables WHERE table_schema = '" + schema + "' ORDER BY table_name");
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
}
