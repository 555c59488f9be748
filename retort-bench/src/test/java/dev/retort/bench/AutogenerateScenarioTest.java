package dev.retort.bench;

import dev.retort.api.Database;
import dev.retort.spi.Dialect;
import dev.retort.spi.Dialects;
import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark's scenario does what it claims, on a small model; nothing here is timed. */
class AutogenerateScenarioTest {

    @Test
    void theWorkloadCreatedFromItsOwnDiffHasNothingLeftToDo() throws Exception {
        TestDatabase db = TestDatabase.postgres();
        String schema = db.createSchema("bench");
        Database database = Database.of(db.jdbcUrl());
        Dialect dialect = Dialects.forUrl(database.url());
        AutogenerateScenario scenario = new AutogenerateScenario(dialect, () -> dialect.connect(database), schema, 12);

        var empty = scenario.autogenerate();
        assertThat(empty.value().describe()).hasSize(12).allMatch(d -> d.startsWith("  create table t00"));
        var applied = scenario.apply(empty.value());
        assertThat(applied.value()).as("a table, its indexes (one fewer on t0000)").isEqualTo(12 + 12 + 11);
        assertThat(scenario.autogenerate().value().describe()).isEmpty();
    }

    @Test
    void urlsAndMedians() {
        assertThat(AutogenNoopBenchmark.withDatabase("jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres", "scratch"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/scratch?user=postgres");
        assertThat(AutogenNoopBenchmark.withDatabase("jdbc:postgresql://h", "s")).isEqualTo("jdbc:postgresql://h/s");
        assertThat(Peers.sqlAlchemyUrl(Database.of("jdbc:postgresql://127.0.0.1:5432/s?user=postgres")))
                .isEqualTo("postgresql://postgres@127.0.0.1:5432/s");
        assertThat(Peers.sqlAlchemyUrl(new Database("jdbc:postgresql://h:1/s", "u", "p")))
                .isEqualTo("postgresql://u:p@h:1/s");
        assertThat(AutogenNoopBenchmark.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(AutogenNoopBenchmark.median(List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(2.5);
    }
}
