package dev.retort.internal.lint;

import dev.retort.Column;
import dev.retort.PrimaryKey;
import dev.retort.Table;
import dev.retort.Types;
import dev.retort.api.Database;
import dev.retort.api.LintFinding;
import dev.retort.api.Retort;
import dev.retort.api.Shard;
import dev.retort.api.TenantSpec;
import dev.retort.internal.revision.MigrationsDirectory;
import dev.retort.operations.Change;
import dev.retort.operations.ColumnOps;
import dev.retort.operations.TableOps;
import dev.retort.postgres.CountingConnection;
import dev.retort.postgres.PostgresDialect;
import dev.retort.revision.Revision;
import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** lint --tenants: each finding weighed by its table across the tenants, read in bulk. */
class LintTenantsTest {
    private static final TestDatabase DB = TestDatabase.postgres();
    private static final Table ORDERS = new Table(null, "orders", List.of(new Column("id", Types.INTEGER, false, null, null, null,
            false, null, null, null), Column.of("note", Types.TEXT)), new PrimaryKey("pk_orders", List.of("id")),
            List.of(), List.of(), List.of(), List.of(), null, null);
    private static final ColumnOps.AlterColumn NOTE_NOT_NULL = new ColumnOps.AlterColumn(null, "orders", "note", null,
            new Change<>(true, false), null, null, null, null, null);

    private static String prefix() {
        return "lt_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT) + "_";
    }

    private static void fill(String tenant, int rows) {
        DB.execute("INSERT INTO \"" + tenant + "\".orders SELECT g, 'x' FROM generate_series(1, " + rows + ") g",
                "ANALYZE \"" + tenant + "\".orders");
    }

    @Test
    void aFindingCarriesItsTablesRowsAndSizeAcrossTheTenantsAndTheLargestTenant(@TempDir Path dir) {
        Revision initial = MigrationsDirectory.load(dir).create("initial", List.of(new TableOps.CreateTable(ORDERS)));
        MigrationsDirectory.load(dir).create("note not null", List.of(NOTE_NOT_NULL, new ColumnOps.AddColumn(null, "orders",
                Column.of("total", Types.INTEGER))));
        Retort retort = Retort.configure().dataSource(DB.dataSource()).migrations(dir).load();
        String prefix = prefix();
        for (String t : List.of(prefix + "1", prefix + "2")) retort.upgrade(initial.id(), t);
        DB.execute("CREATE SCHEMA \"" + prefix + "3\"");
        fill(prefix + "1", 10);
        fill(prefix + "2", 500);

        List<LintFinding> findings = retort.lintTenants("head", List.of(Shard.of(Database.of(DB.jdbcUrl()),
                TenantSpec.Pattern.of(prefix + "*"))), false);

        assertThat(findings).extracting(LintFinding::rule).containsExactly("set-not-null", "set-not-null-scan");
        LintFinding.Weight w = findings.get(0).weight();
        assertThat(w.table()).isEqualTo("orders");
        assertThat(w.tenants()).isEqualTo(3);
        assertThat(w.tenantsWithTable()).isEqualTo(2);
        assertThat(w.rows()).isEqualTo(510);
        assertThat(w.largestTenant()).isEqualTo(prefix + "2");
        assertThat(w.largestRows()).isEqualTo(500);
        assertThat(w.bytes()).isGreaterThan(8192 * 2);
        assertThat(findings.get(1).weight()).isEqualTo(w);
        // Without tenants nothing is weighed.
        assertThat(retort.lint("head")).allSatisfy(f -> assertThat(f.weight()).isNull());
    }

    @Test
    void fortyTenantsCostTheQueriesOfThree() throws Exception {
        String prefix = prefix();
        List<String> tenants = IntStream.rangeClosed(1, 40).mapToObj(i -> prefix + i).toList();
        for (String t : tenants) {
            DB.execute("CREATE SCHEMA \"" + t + "\"", "CREATE TABLE \"" + t + "\".orders (id integer, note text)",
                    "CREATE TABLE \"" + t + "\".lines (id integer)");
        }
        fill(tenants.get(7), 42);
        String fixed = DB.createSchema("lt_fixed");
        DB.execute("CREATE TABLE \"" + fixed + "\".rates (id integer)", "INSERT INTO \"" + fixed + "\".rates VALUES (1), (2)",
                "ANALYZE \"" + fixed + "\".rates");
        Revision r = Revision.fromOperations("ab12", List.of(), "x", Instant.parse("2026-01-01T00:00:00Z"), List.of(NOTE_NOT_NULL,
                new TableOps.DropTable(new Table(null, "lines", List.of(Column.of("id", Types.INTEGER)), null, List.of(), List.of(),
                        List.of(), List.of(), null, null)),
                new ColumnOps.DropColumn(fixed, "rates", Column.of("id", Types.INTEGER))));
        List<Linter.Found> found = new Linter(new PostgresDialect()).found(r, List.of());

        int[] queries = new int[2];
        TableWeights many = null;
        for (int i = 0; i < 2; i++) {
            TableWeights weights = new TableWeights(found);
            try (Connection real = DB.connect()) {
                CountingConnection counting = new CountingConnection(real);
                weights.read(new PostgresDialect(), counting.connection, i == 0 ? tenants.subList(0, 3) : tenants, true);
                queries[i] = counting.executions.get();
            }
            many = weights;
        }

        assertThat(queries[1]).as("40 tenants cost the queries of 3").isEqualTo(queries[0]).isEqualTo(2);
        LintFinding.Weight orders = many.weigh(found.get(0)).weight();
        assertThat(orders.tenants()).isEqualTo(40);
        assertThat(orders.tenantsWithTable()).isEqualTo(40);
        assertThat(orders.rows()).isEqualTo(42);
        assertThat(orders.largestTenant()).isEqualTo(tenants.get(7));
        assertThat(many.weigh(found.get(2)).weight().table()).isEqualTo("lines");
        LintFinding.Weight rates = many.weigh(found.get(3)).weight();
        assertThat(rates.table()).isEqualTo(fixed + ".rates");
        assertThat(rates.tenants()).isEqualTo(1);
        assertThat(rates.rows()).isEqualTo(2);
        assertThat(rates.largestTenant()).isEqualTo(fixed);
    }
}
