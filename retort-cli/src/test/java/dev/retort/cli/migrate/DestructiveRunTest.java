package dev.retort.cli.migrate;

import dev.retort.cli.CliRun;
import dev.retort.cli.ExitCode;
import dev.retort.operations.TableOps;
import dev.retort.revision.Revision;
import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A run that would destroy data says so before it runs, and can be refused or asked about. */
class DestructiveRunTest {
    private static final TestDatabase DB = TestDatabase.postgres();

    private static String prefix() {
        return "dr_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT) + "_";
    }

    /** The initial revision applied to {@code schemas}, then a revision dropping table child written. */
    private static Revision dropChildPending(Consumer project, String... schemas) {
        project.initial();
        for (String s : schemas) assertThat(project.run("upgrade", "--schema", s).exitCode()).isEqualTo(ExitCode.OK);
        return project.create("drop child", List.of(new TableOps.DropTable(Consumer.model().tables().get("child"))));
    }

    @Test
    void anUpgradeWarnsBeforeItRunsAndNoDestructiveRefusesIt(@TempDir Path dir) throws IOException {
        Consumer project = Consumer.in(dir, DB);
        String schema = prefix() + "one";
        Revision drop = dropChildPending(project, schema);

        CliRun refused = project.run("upgrade", "--schema", schema, "--no-destructive");
        assertThat(refused.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(refused.errLines()).containsExactly("warning: " + schema + ": " + drop.id() + ": destructive: drop table child",
                "retort: refused by --no-destructive: the run would destroy data in " + schema
                        + " (destructive: drop table child); nothing was run");
        assertThat(project.tables(schema)).contains("child");

        CliRun ran = project.run("upgrade", "--schema", schema);
        assertThat(ran.exitCode()).as(ran.err()).isEqualTo(ExitCode.OK);
        assertThat(ran.errLines()).containsExactly("warning: " + schema + ": " + drop.id() + ": destructive: drop table child");
        assertThat(project.tables(schema)).doesNotContain("child");

        CliRun down = project.run("downgrade", "-1", "--schema", schema, "--no-destructive");
        assertThat(down.exitCode()).as(down.err()).isEqualTo(ExitCode.OK);
    }

    @Test
    void overTenantsATerminalAsksFirstAndNothingRunsWithoutAYes(@TempDir Path dir) throws IOException {
        Consumer project = Consumer.in(dir, DB);
        String prefix = prefix();
        dropChildPending(project, prefix + "1", prefix + "2");
        List<String> asked = new ArrayList<>();

        CliRun declined = project.runAtTerminal(q -> asked.add(q) && false, "upgrade", "--tenants", prefix + "*");
        assertThat(declined.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(asked).containsExactly("Upgrade 2 of 2 tenants, destroying data on 2 of them?");
        assertThat(declined.err()).contains("destructive: drop table child, on 2 of 2 tenants (" + prefix + "1, " + prefix + "2)",
                "cancelled: nothing was run");
        assertThat(project.tables(prefix + "1")).contains("child");

        CliRun refused = project.runAtTerminal(q -> true, "upgrade", "--tenants", prefix + "*", "--no-destructive");
        assertThat(refused.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(refused.err()).contains("refused by --no-destructive");
        assertThat(project.tables(prefix + "2")).contains("child");

        asked.clear();
        CliRun yes = project.runAtTerminal(q -> asked.add(q) && false, "upgrade", "--tenants", prefix + "*", "--yes");
        assertThat(yes.exitCode()).as(yes.err()).isEqualTo(ExitCode.OK);
        assertThat(asked).isEmpty();
        assertThat(project.tables(prefix + "1")).doesNotContain("child");
        assertThat(project.tables(prefix + "2")).doesNotContain("child");
    }

    @Test
    void outsideATerminalADestructiveRunOverTenantsWarnsAndRuns(@TempDir Path dir) throws IOException {
        Consumer project = Consumer.in(dir, DB);
        String prefix = prefix();
        dropChildPending(project, prefix + "1");
        CliRun run = project.run("upgrade", "--tenants", prefix + "*");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.err()).contains("destructive: drop table child, on 1 of 1 tenants");
        assertThat(project.tables(prefix + "1")).doesNotContain("child");
    }
}
