package dev.retort.internal.runner;

import dev.retort.api.AppliedStep;
import dev.retort.api.CheckResult;
import dev.retort.api.RunnerException;
import dev.retort.api.UpgradeResult;
import dev.retort.internal.revision.MigrationsDirectory;
import dev.retort.revision.Revision;
import dev.retort.testkit.MatrixTest;
import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An applied revision whose file is edited afterwards: reported by check, refused by upgrade unless forced. */
class EditedRevisionTest {

    @MatrixTest
    void anEditIsReportedRefusedAndAcceptedOnlyWhenForced(TestDatabase db, @TempDir Path dir) throws Exception {
        Project p = new Project(db, dir);
        Revision initial = p.initial();
        String tenant = p.newSchemaName("tenant");
        p.retort().upgrade("head", tenant);
        Files.writeString(initial.path(), Files.readString(initial.path()).replace("varchar(100)", "varchar(200)"));
        Revision edited = MigrationsDirectory.load(dir).graph().get(initial.id());
        Revision note = p.addNote();

        CheckResult check = p.retort().check(tenant);
        assertThat(check.edited()).singleElement().satisfies(e -> {
            assertThat(e.revision().path()).isEqualTo(initial.path());
            assertThat(e.recordedChecksum()).isEqualTo(initial.checksum());
        });
        assertThat(check.problems()).contains("edited after it was applied: " + initial.id() + " (" + initial.path() + ")");
        assertThat(check.clean()).isFalse();

        assertThatThrownBy(() -> p.retort().upgrade("head", tenant))
                .isInstanceOf(RunnerException.class)
                .hasMessage("schema " + tenant + ": applied revision " + initial.id() + " (" + initial.path()
                        + ") was edited after being applied (checksum changed): restore it, or accept the edit with --force");
        assertThat(p.versions(tenant)).containsExactly(initial.id() + " head");

        UpgradeResult forced = p.retort().upgrade("head", tenant, true);
        assertThat(forced.accepted()).extracting(e -> e.revision().id()).containsExactly(initial.id());
        assertThat(forced.steps()).extracting(AppliedStep::revision).containsExactly(note);
        assertThat(p.strings("SELECT checksum FROM \"" + tenant + "\".retort_version WHERE revision = '" + initial.id() + "'"))
                .containsExactly(edited.checksum());
        assertThat(p.retort().check(tenant).edited()).isEmpty();
    }

    @MatrixTest
    void anEditToTheMessageOrCommentsIsNoEdit(TestDatabase db, @TempDir Path dir) throws Exception {
        Project p = new Project(db, dir);
        Revision initial = p.initial();
        String tenant = p.newSchemaName("tenant");
        p.retort().upgrade("head", tenant);
        Files.writeString(initial.path(), "# reviewed\n" + Files.readString(initial.path()).replace("message: initial", "message: the first"));

        assertThat(p.retort().check(tenant).edited()).isEmpty();
        assertThat(p.retort().upgrade("head", tenant).nothingToDo()).isTrue();
    }
}
