package dev.retort.cli.demo;

import dev.retort.MetaData;
import dev.retort.cli.CliRun;
import dev.retort.cli.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import java.util.List;

import static dev.retort.Dsl.column;
import static dev.retort.Types.INTEGER;
import static org.assertj.core.api.Assertions.assertThat;

class DemoCommandTest {

    /** Runs the demonstrations on another model than the example. */
    private static CliRun withModel(DemoModel model, String... args) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == DemoCommand.class ? type.cast(new DemoCommand(model)) : CommandLine.defaultFactory().create(type);
            }
        };
        return CliRun.of(factory, args);
    }

    /** Three tables, none called test. */
    private static final DemoModel LETTERS = (target, schema) -> {
        for (String name : List.of("alpha", "beta", "gamma")) {
            if (schema == null) target.table(name, column("id", INTEGER).primaryKey());
            else target.tableIn(schema, name, column("id", INTEGER).primaryKey());
        }
        return target;
    };

    /** A model whose only table is pinned to a schema of its own, whatever it is asked. */
    private static final DemoModel PINNED = (target, schema) -> {
        target.tableIn("shared", "tenants", column("id", INTEGER).primaryKey());
        return target;
    };

    @Test
    void problemPrintsTheSeedsBrokenState() {
        CliRun run = CliRun.of("demo", "problem");
        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.outLines()).containsSequence(
                "metadata.schema: 'tenant_a'",
                "metadata.tables keys: ['test', 'child']",
                "Table.schema: None");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void problemReadsTheModel() {
        assertThat(withModel(LETTERS, "demo", "problem").outLines()).containsSequence(
                "metadata.schema: 'tenant_a'",
                "metadata.tables keys: ['alpha', 'beta', 'gamma']",
                "Table.schema: None");
        assertThat(withModel(PINNED, "demo", "problem").outLines()).containsSequence(
                "metadata.schema: 'tenant_a'",
                "metadata.tables keys: ['shared.tenants']",
                "Table.schema: 'shared'");
        assertThat(withModel((target, schema) -> target, "demo", "problem").outLines())
                .contains("metadata.tables keys: []", "Table.schema: (the model has no table)");
    }

    @Test
    void listNamesTheFourSolutions() {
        CliRun run = CliRun.of("demo", "solution", "--list");
        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.outLines()).containsExactly(
                "1. update table schemas at runtime (MetaData.rebindInPlace)",
                "2. set the schema at definition time (tableIn)",
                "3. give the MetaData a default schema before defining the models (new MetaData(\"tenant_a\"))",
                "4. clone the metadata with the schema (recommended: MetaData.withSchema)");
    }

    @Test
    void solutionFourBindsAndLeavesTheSharedModelAlone() {
        CliRun run = CliRun.of("demo", "solution", "4");
        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        List<String> lines = run.outLines();
        assertThat(lines.get(0)).isEqualTo("Solution 4: clone the metadata with the schema (recommended: MetaData.withSchema)");
        assertThat(lines).containsSequence(
                "metadata.schema: 'tenant_a'",
                "metadata.tables keys: ['tenant_a.test', 'tenant_a.child']",
                "Table.schema: 'tenant_a'");
        assertThat(lines).containsSequence(
                "  shared: metadata.schema: None",
                "  shared: metadata.tables keys: ['test', 'child']",
                "  shared: Table.schema: None");
        assertThat(lines).contains(
                "  tenant_a: metadata.tables keys: ['tenant_a.test', 'tenant_a.child']",
                "  tenant_b: metadata.tables keys: ['tenant_b.test', 'tenant_b.child']",
                "  tenant_b: Table.schema: 'tenant_b'");
        assertThat(lines).noneMatch(l -> l.startsWith("Solution 1") || l.startsWith("Solution 3"));
    }

    @Test
    void solutionOneShowsTheSecondConsumerSeeingTheChange() {
        List<String> lines = CliRun.of("demo", "solution", "1").outLines();
        assertThat(lines).containsSequence(
                "metadata.schema: 'tenant_a'",
                "metadata.tables keys: ['tenant_a.test', 'tenant_a.child']",
                "Table.schema: 'tenant_a'");
        assertThat(lines).contains(
                "  second consumer: metadata.tables keys: ['tenant_a.test', 'tenant_a.child']",
                "  second consumer: Table.schema: 'tenant_a'");
    }

    @Test
    void solutionsTwoAndThreeBindAtDefinitionTime() {
        assertThat(CliRun.of("demo", "solution", "2").outLines()).containsSequence(
                "metadata.schema: None",
                "metadata.tables keys: ['tenant_a.test', 'tenant_a.child']",
                "Table.schema: 'tenant_a'");
        assertThat(CliRun.of("demo", "solution", "3").outLines()).containsSequence(
                "metadata.schema: 'tenant_a'",
                "metadata.tables keys: ['tenant_a.test', 'tenant_a.child']",
                "Table.schema: 'tenant_a'");
    }

    @Test
    void solutionsReadTheModel() {
        assertThat(withModel(LETTERS, "demo", "solution", "4").outLines()).contains(
                "metadata.tables keys: ['tenant_a.alpha', 'tenant_a.beta', 'tenant_a.gamma']",
                "  shared: metadata.tables keys: ['alpha', 'beta', 'gamma']",
                "  tenant_b: metadata.tables keys: ['tenant_b.alpha', 'tenant_b.beta', 'tenant_b.gamma']");
        // A table pinned to another schema keeps it however the model is bound.
        List<String> pinned = withModel(PINNED, "demo", "solution").outLines();
        assertThat(pinned.stream().filter(l -> l.startsWith("metadata.tables keys: ")))
                .hasSize(4).allMatch(l -> l.equals("metadata.tables keys: ['shared.tenants']"));
        assertThat(pinned.stream().filter(l -> l.startsWith("Table.schema: ")))
                .hasSize(4).allMatch(l -> l.equals("Table.schema: 'shared'"));
    }

    @Test
    void withoutANumberAllFourRunInOrder() {
        CliRun run = CliRun.of("demo", "solution");
        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.outLines().stream().filter(l -> l.startsWith("Solution ")).map(l -> l.substring(0, 10)))
                .containsExactly("Solution 1", "Solution 2", "Solution 3", "Solution 4");
        assertThat(run.outLines().stream().filter(l -> l.startsWith("Table.schema: "))).hasSize(4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "5", "-1", "x", "1.5"})
    void anInvalidNumberIsAUsageError(String n) {
        CliRun run = CliRun.of("demo", "solution", n);
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines().get(0)).startsWith("retort: ");
        assertThat(run.err()).contains("Usage: retort demo solution");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void listWithANumberIsAUsageError() {
        assertThat(CliRun.of("demo", "solution", "--list", "2").exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void demoAloneIsAUsageError() {
        CliRun run = CliRun.of("demo");
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("problem").contains("solution");
    }

    @Test
    void aFailingModelIsReportedOnOneLine() {
        DemoModel broken = (target, schema) -> {
            target.table("test", column("id", INTEGER).primaryKey(), column("id", INTEGER));
            return target;
        };
        CliRun run = withModel(broken, "demo", "problem");
        assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(run.errLines()).containsExactly("retort: table test defines column id twice");
    }

    @Test
    void theDemonstrationsLeaveNoStateBehind() {
        MetaData before = DemoModel.EXAMPLE.shared();
        CliRun.of("demo", "solution");
        assertThat(CliRun.of("demo", "problem").outLines()).contains("metadata.tables keys: ['test', 'child']");
        assertThat(DemoModel.EXAMPLE.shared().tables()).isEqualTo(before.tables());
    }
}
