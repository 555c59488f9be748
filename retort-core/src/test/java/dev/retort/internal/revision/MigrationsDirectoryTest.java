package dev.retort.internal.revision;

import dev.retort.revision.Revision;
import dev.retort.revision.RevisionException;
import dev.retort.revision.RevisionFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static dev.retort.internal.revision.Fixtures.CREATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrationsDirectoryTest {

    @Test
    void revisionsWrittenOneAfterAnotherFormALine(@TempDir Path dir) throws Exception {
        Revision first = MigrationsDirectory.load(dir).create("initial", Fixtures.createSeedTables(), CREATED);
        assertThat(first.path()).isEqualTo(dir.resolve(first.id() + "_initial.yaml"));
        assertThat(first.downRevisions()).isEmpty();
        Revision second = MigrationsDirectory.load(dir).create("Fill in by hand", List.of(), CREATED.plusSeconds(60));
        assertThat(second.downRevisions()).containsExactly(first.id());
        assertThat(second.path().getFileName().toString()).isEqualTo(second.id() + "_fill_in_by_hand.yaml");

        MigrationsDirectory loaded = MigrationsDirectory.load(dir);
        assertThat(loaded.graph().history()).containsExactly(first, second);
        assertThat(loaded.graph().heads()).containsExactly(second.id());
        assertThat(Files.readString(first.path())).isEqualTo(RevisionWriter.write(first));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("."));
        }
    }

    @Test
    void onlyYamlFilesAreRead(@TempDir Path dir) throws Exception {
        MigrationsDirectory.load(dir).create("initial", List.of(), CREATED);
        Files.writeString(dir.resolve("README.md"), "not a revision: {");
        Files.writeString(dir.resolve(".half_written.yaml.tmp"), "revision: [");
        Files.writeString(dir.resolve(".editor-backup.yaml"), "revision: [");
        Files.createDirectory(dir.resolve("archive.yaml"));
        Files.createDirectory(dir.resolve("old"));
        Files.writeString(dir.resolve("old").resolve("x.yaml"), "revision: [");
        assertThat(MigrationsDirectory.load(dir).graph().history()).hasSize(1);
    }

    @Test
    void aRevisionRenamedToYmlIsReadLikeTheOthers(@TempDir Path dir) throws Exception {
        Revision first = MigrationsDirectory.load(dir).create("initial", Fixtures.createSeedTables(), CREATED);
        Revision second = MigrationsDirectory.load(dir).create("second", List.of(), CREATED.plusSeconds(60));
        Path yml = dir.resolve(second.id() + "_second.yml");
        Files.move(second.path(), yml);

        MigrationsDirectory loaded = MigrationsDirectory.load(dir);

        assertThat(loaded.graph().history()).extracting(Revision::id).containsExactly(first.id(), second.id());
        assertThat(loaded.graph().get(second.id()).path()).isEqualTo(yml);
    }

    @Test
    void aRevisionOverTheSizeLimitIsCalledTooLargeWithTheWayToRaiseIt(@TempDir Path dir) throws Exception {
        Revision r = MigrationsDirectory.load(dir).create("initial", Fixtures.createSeedTables(), CREATED);
        String text = Files.readString(r.path());
        // Over SnakeYAML's own default of 3 M characters, under Retort's: read as any other.
        Files.writeString(r.path(), text + ("# " + "x".repeat(98) + "\n").repeat(40_000));
        assertThat(MigrationsDirectory.load(dir).graph().history()).containsExactly(r);

        Files.writeString(r.path(), text + ("# " + "x".repeat(98) + "\n").repeat(RevisionReader.DEFAULT_LIMIT / 100 + 1));
        assertThatThrownBy(() -> MigrationsDirectory.load(dir))
                .isInstanceOf(RevisionFormatException.class)
                .hasMessageStartingWith(r.path() + ": too large: ")
                .hasMessageContaining("over the limit of " + RevisionReader.DEFAULT_LIMIT + "; raise it with -Dretort.revision.limit=N")
                .hasMessageNotContaining("malformed");
    }

    @Test
    void aBrokenFileStopsLoadingWithItsNameAndLine(@TempDir Path dir) throws Exception {
        Revision r = MigrationsDirectory.load(dir).create("initial", Fixtures.createSeedTables(), CREATED);
        Files.writeString(r.path(), Files.readString(r.path()).replace("create_table", "create_tabel"));
        assertThatThrownBy(() -> MigrationsDirectory.load(dir))
                .isInstanceOf(RevisionFormatException.class)
                .hasMessage(r.path() + ":9: unknown operation 'create_tabel' (did you mean 'create_table'?)");
    }

    @Test
    void aNewRevisionIsRefusedWhileThereAreTwoHeadsAndAMergeJoinsThem(@TempDir Path dir) {
        Revision base = MigrationsDirectory.load(dir).create("base", List.of(), CREATED);
        MigrationsDirectory d = MigrationsDirectory.load(dir);
        Revision left = d.write(Revision.of(d.newId(), List.of(base.id()), "left", CREATED.plusSeconds(1), List.of(), List.of()));
        Revision right = d.write(Revision.of(d.newId(), List.of(base.id()), "right", CREATED.plusSeconds(2), List.of(), List.of()));

        MigrationsDirectory two = MigrationsDirectory.load(dir);
        assertThat(two.graph().heads()).containsExactly(left.id(), right.id());
        assertThatThrownBy(() -> two.create("more", List.of()))
                .isInstanceOf(RevisionException.class)
                .hasMessage("multiple heads (" + left.id() + ", " + right.id() + "): merge them with `retort merge -m MSG` first");

        Revision merge = two.merge("join", CREATED.plusSeconds(3));
        assertThat(merge.downRevisions()).containsExactly(left.id(), right.id());
        assertThat(merge.upgrade()).isEmpty();
        MigrationsDirectory merged = MigrationsDirectory.load(dir);
        assertThat(merged.graph().heads()).containsExactly(merge.id());
        assertThat(merged.graph().mergePoints()).containsExactly(merge.id());
        assertThatThrownBy(() -> merged.merge("again")).hasMessage("nothing to merge: there is one head, " + merge.id());
    }

    @Test
    void aMergeOfNamedRevisionsTakesPrefixes(@TempDir Path dir) {
        MigrationsDirectory d = MigrationsDirectory.load(dir);
        d.write(Revision.of("aa11", List.of(), "a", CREATED, List.of(), List.of()));
        d.write(Revision.of("bb22", List.of(), "b", CREATED, List.of(), List.of()));
        Revision merge = MigrationsDirectory.load(dir).merge("join", List.of("aa", "bb2"), CREATED);
        assertThat(merge.downRevisions()).containsExactly("aa11", "bb22");
        assertThatThrownBy(() -> MigrationsDirectory.load(dir).merge("x", List.of("aa11", "aa"), CREATED))
                .hasMessage("a merge needs at least two revisions; got aa11");
    }

    @Test
    void writingRefusesWhatWouldBreakTheGraph(@TempDir Path dir) {
        MigrationsDirectory d = MigrationsDirectory.load(dir);
        d.write(Revision.of("aa11", List.of(), "a", CREATED, List.of(), List.of()));
        MigrationsDirectory loaded = MigrationsDirectory.load(dir);
        assertThatThrownBy(() -> loaded.write(Revision.of("aa11", List.of(), "again", CREATED, List.of(), List.of())))
                .hasMessage("revision aa11 already exists: " + dir.resolve("aa11_a.yaml"));
        assertThatThrownBy(() -> loaded.write(Revision.of("cc33", List.of("zz"), "c", CREATED, List.of(), List.of())))
                .hasMessage("down_revision 'zz' is not a known revision");
        // A stale snapshot still cannot overwrite a file.
        assertThatThrownBy(() -> d.write(Revision.of("aa11", List.of(), "a", CREATED, List.of(), List.of())))
                .hasMessage("cannot write " + dir.resolve("aa11_a.yaml") + ": the file exists");
    }

    @Test
    void aMissingDirectoryIsReported(@TempDir Path dir) {
        assertThatThrownBy(() -> MigrationsDirectory.load(dir.resolve("migrations")))
                .isInstanceOf(RevisionException.class)
                .hasMessage("migrations directory " + dir.resolve("migrations") + " does not exist (`retort init` creates it)");
    }

    @Test
    void newIdsAreFreshHex(@TempDir Path dir) {
        MigrationsDirectory d = MigrationsDirectory.load(dir);
        assertThat(d.newId()).matches("[0-9a-f]{12}");
    }
}
