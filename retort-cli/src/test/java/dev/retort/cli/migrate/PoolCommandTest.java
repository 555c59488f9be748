package dev.retort.cli.migrate;

import dev.retort.cli.CliRun;
import dev.retort.cli.ExitCode;
import dev.retort.revision.Revision;
import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code retort tenant pool fill|status|drain} and {@code tenant create} from the pool, on a database of its own. */
class PoolCommandTest {
    private static final TestDatabase DB = TestDatabase.postgres();

    @Test
    void fillCreateFromThePoolStatusAndDrain(@TempDir Path dir) throws Exception {
        Consumer project = Consumer.in(dir, DB);
        Revision initial = project.initial();
        Map<String, String> own = Map.of("RETORT_URL", DB.createDatabase("pool_cli"));

        CliRun fill = project.run(own, "tenant", "pool", "fill", "2");
        assertThat(fill.exitCode()).as(fill.err()).isEqualTo(ExitCode.OK);
        assertThat(fill.outLines()).containsExactly("pool: 2 ready (2 made)");

        CliRun created = project.run(own, "tenant", "create", "tenant_a");
        assertThat(created.exitCode()).as(created.err()).isEqualTo(ExitCode.OK);
        assertThat(created.outLines()).singleElement().asString()
                .matches("created tenant_a at " + initial.id() + " \\(pool, 0 statements, \\d+ ms\\)");

        CliRun status = project.run(own, "tenant", "pool", "status", "--list");
        assertThat(status.exitCode()).as(status.err()).isEqualTo(ExitCode.OK);
        assertThat(status.outLines()).hasSize(2);
        assertThat(status.outLines().get(0)).isEqualTo("pool: 1 ready");
        assertThat(status.outLines().get(1)).matches(" {2}ready {3}retort_pool_[0-9a-f]{12}");

        CliRun current = project.run(own, "current", "--tenants", "*_*");
        assertThat(current.exitCode()).as(current.err()).isEqualTo(ExitCode.OK);
        // tenant_a alone: the pool's remaining schema matches *_* but is not a tenant.
        assertThat(current.outLines()).first().isEqualTo("1 tenant on 1 shard");

        CliRun drain = project.run(own, "tenant", "pool", "drain", "--all");
        assertThat(drain.exitCode()).as(drain.err()).isEqualTo(ExitCode.OK);
        assertThat(drain.outLines()).containsExactly("pool: dropped 1 schema");

        CliRun bad = project.run(own, "tenant", "pool", "fill", "-1");
        assertThat(bad.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(bad.err()).contains("N must not be negative, got -1");
    }
}
