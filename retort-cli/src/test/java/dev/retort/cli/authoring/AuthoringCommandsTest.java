package dev.retort.cli.authoring;

import dev.retort.Column;
import dev.retort.cli.CliRun;
import dev.retort.cli.ExitCode;
import dev.retort.operations.ColumnOps;
import dev.retort.operations.Operation;
import dev.retort.internal.revision.MigrationsDirectory;
import dev.retort.revision.Revision;
import dev.retort.internal.revision.RevisionReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.retort.Types.TEXT;
import static org.assertj.core.api.Assertions.assertThat;

/** revision (without autogenerate), merge, history, heads and show: the commands that need no database. */
class AuthoringCommandsTest {
    @TempDir
    Path project;
    Path migrations;

    @BeforeEach
    void aProject() throws IOException {
        Files.writeString(project.resolve("retort.yaml"), "migrations: migrations\n");
        migrations = Files.createDirectory(project.resolve("migrations"));
    }

    private CliRun run(String... args) {
        return CliRun.in(project, Map.of(), args);
    }

    private void write(String id, String message, int minute, List<Operation> upgrade, String... downs) {
        MigrationsDirectory.load(migrations).write(Revision.fromOperations(id, List.of(downs), message,
                Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60L * minute), upgrade));
    }

    private void write(String id, String message, int minute, String... downs) {
        write(id, message, minute, List.of(), downs);
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> list = Files.list(migrations)) {
            return list.sorted().toList();
        }
    }

    @Test
    void revisionWritesAnEmptyRevisionAfterTheHead() throws IOException {
        write("a1", "base", 0);

        CliRun run = run("revision", "-m", "Add a note by hand");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.err()).isEmpty();
        Path file = files().stream().filter(f -> !f.getFileName().toString().startsWith("a1")).findFirst().orElseThrow();
        Revision r = RevisionReader.read(file);
        assertThat(file.getFileName().toString()).isEqualTo(r.id() + "_add_a_note_by_hand.yaml");
        assertThat(r.downRevisions()).containsExactly("a1");
        assertThat(r.upgrade()).isEmpty();
        assertThat(r.downgrade()).isEmpty();
        assertThat(run.outLines()).containsExactly(
                "Wrote migrations/" + file.getFileName() + " (revision " + r.id() + ", empty: fill in its upgrade and downgrade)");
    }

    @Test
    void pinSchemaWithoutAutogenerateIsAUsageError() throws IOException {
        CliRun run = run("revision", "-m", "x", "--pin-schema");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines().get(0)).isEqualTo("retort: --pin-schema applies only with --autogenerate");
        assertThat(files()).isEmpty();
    }

    @Test
    void autogenerateWithoutASchemaIsAUsageError() throws IOException {
        CliRun run = run("revision", "-m", "x", "--autogenerate");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines().get(0)).isEqualTo("retort: --autogenerate needs the schema to compare with: "
                + "give --schema S, set TARGET_SCHEMA, or set schema: in retort.yaml");
        assertThat(files()).isEmpty();
    }

    @Test
    void revisionIsRefusedWithSeveralHeadsAndMergeJoinsThem() throws IOException {
        write("a1", "base", 0);
        write("b1", "one way", 1, "a1");
        write("c1", "another", 2, "a1");

        CliRun refused = run("revision", "-m", "more");
        assertThat(refused.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(refused.err()).isEqualTo("retort: multiple heads (b1, c1): merge them with `retort merge -m MSG` first\n");
        CliRun refusedToo = run("revision", "-m", "more", "--autogenerate", "--schema", "tenant_a");
        assertThat(refusedToo.exitCode()).as("before any database is asked for").isEqualTo(ExitCode.ERROR);
        assertThat(refusedToo.err()).startsWith("retort: multiple heads (b1, c1)");
        assertThat(files()).hasSize(3);

        CliRun merged = run("merge", "-m", "join the branches");
        assertThat(merged.exitCode()).as(merged.err()).isEqualTo(ExitCode.OK);
        Revision merge = RevisionReader.read(files().stream()
                .filter(f -> f.getFileName().toString().endsWith("_join_the_branches.yaml")).findFirst().orElseThrow());
        assertThat(merge.downRevisions()).containsExactly("b1", "c1");
        assertThat(merged.outLines()).containsExactly("Wrote migrations/" + merge.id() + "_join_the_branches.yaml (revision "
                + merge.id() + ", merging b1, c1)");

        CliRun next = run("revision", "-m", "more");
        assertThat(next.exitCode()).as(next.err()).isEqualTo(ExitCode.OK);
    }

    @Test
    void mergeNamesRevisionsByPrefixAndNeedsAMessage() {
        write("a1", "base", 0);
        write("b1", "one way", 1, "a1");
        write("c1", "another", 2, "a1");
        write("d1", "a third", 3, "a1");

        assertThat(run("merge", "b", "c").exitCode()).isEqualTo(ExitCode.USAGE);
        CliRun run = run("merge", "-m", "two of three", "b", "d");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("merging b1, d1");
        CliRun heads = run("heads");
        assertThat(heads.outLines()).hasSize(2).first().isEqualTo("c1 (head), another");

        CliRun nothing = run("merge", "-m", "x", "zz", "c1");
        assertThat(nothing.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(nothing.err()).isEqualTo("retort: unknown revision 'zz'\n");
    }

    @Test
    void historyListsNewestFirstWithMarkers() {
        write("a1", "base", 0);
        write("b1", "one way", 1, "a1");
        write("c1", "another\nwith details", 2, "a1");
        write("m1", "join", 3, "b1", "c1");
        write("d1", "after", 4, "m1");

        CliRun run = run("history");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.outLines()).containsExactly(
                "m1 -> d1 (head), after",
                "b1, c1 -> m1 (mergepoint), join",
                "a1 -> c1, another",
                "a1 -> b1, one way",
                "<base> -> a1 (branchpoint), base");
        assertThat(run("heads").outLines()).containsExactly("d1 (head), after");
    }

    @Test
    void historyAndHeadsOfAnEmptyDirectoryPrintNothing() {
        CliRun history = run("history");
        assertThat(history.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(history.out()).isEmpty();
        assertThat(run("heads").out()).isEmpty();
    }

    @Test
    void showPrintsTheRevisionItsPlaceAndItsOperations() {
        Column note = Column.of("note", TEXT);
        write("a1", "base", 0);
        write("b1f00d", "swap the note\n\nThe old column goes.", 1,
                List.of(new ColumnOps.AddColumn(null, "child", note.withName("remark")),
                        new ColumnOps.DropColumn(null, "child", note)), "a1");

        CliRun run = run("show", "b1f");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.outLines()).containsExactly(
                "Rev: b1f00d (head)",
                "Parent: a1",
                "Path: migrations/b1f00d_swap_the_note.yaml",
                "Created: 2026-01-01T00:01:00Z",
                "Checksum: " + RevisionReader.read(migrations.resolve("b1f00d_swap_the_note.yaml")).checksum(),
                "",
                "    swap the note",
                "",
                "    The old column goes.",
                "",
                "upgrade:",
                "  add column child.remark",
                "! drop column child.note",
                "downgrade:",
                "  add column child.note",
                "    # the values of column child.note are not restored",
                "! drop column child.remark");
        assertThat(run("show", "a1").outLines()).startsWith("Rev: a1", "Parent: <base>", "Child: b1f00d")
                .contains("upgrade: (none)", "downgrade: (none)");
        assertThat(run("show", "head-1").outLines()).first().isEqualTo("Rev: a1");
    }

    @Test
    void showReportsAmbiguousAndUnknownNamesOnOneLine() {
        write("ab12", "base", 0);
        write("ab34", "second", 1, "ab12");

        CliRun ambiguous = run("show", "ab");
        assertThat(ambiguous.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(ambiguous.err()).isEqualTo("retort: ambiguous revision prefix 'ab': it starts ab12, ab34\n");
        CliRun unknown = run("show", "ff");
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(unknown.err()).isEqualTo("retort: unknown revision 'ff'\n");
        assertThat(run("show").exitCode()).as("REV is required").isEqualTo(ExitCode.USAGE);
    }

    @Test
    void aMalformedFileIsNamedWithItsLine() throws IOException {
        write("ab12", "base", 0);
        Files.writeString(migrations.resolve("ff00_bad.yaml"), """
                revision: ff00
                down_revision: ab12
                message: bad
                created: 2026-01-01T00:00:00Z
                upgrade:
                  - create_tabel: {name: t}
                downgrade: []
                """);

        for (String[] command : List.of(new String[] {"history"}, new String[] {"heads"}, new String[] {"show", "ab12"},
                new String[] {"revision", "-m", "x"}, new String[] {"merge", "-m", "x"})) {
            CliRun run = run(command);
            assertThat(run.exitCode()).as(String.join(" ", command)).isEqualTo(ExitCode.ERROR);
            assertThat(run.errLines()).as(String.join(" ", command)).singleElement().asString()
                    .startsWith("retort: ").endsWith("migrations/ff00_bad.yaml:6: unknown operation 'create_tabel' (did you mean 'create_table'?)");
        }
    }

    @Test
    void aMissingMigrationsDirectorySaysHowToMakeOne() throws IOException {
        Files.delete(migrations);
        CliRun run = run("history");
        assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(run.err()).startsWith("retort: migrations directory ").endsWith("migrations does not exist (`retort init` creates it)\n");
    }
}
