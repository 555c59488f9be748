package dev.retort.internal.runner;

import dev.retort.api.AppliedStep;
import dev.retort.api.CurrentResult;
import dev.retort.api.StampResult;
import dev.retort.revision.Revision;
import dev.retort.testkit.MatrixTest;
import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class StampAndCurrentTest {

    @MatrixTest
    void stampRecordsARevisionWithoutRunningIt(TestDatabase db, @TempDir Path dir) {
        Project p = new Project(db, dir);
        Revision initial = p.initial();
        Revision note = p.addNote();
        String tenant = p.newSchemaName("tenant");

        CurrentResult untouched = p.retort().current(tenant);
        assertThat(untouched.schemaExists()).isFalse();
        assertThat(untouched.tracked()).isFalse();

        StampResult stamp = p.retort().stamp(initial.id(), tenant);
        assertThat(stamp.schemaCreated()).isTrue();
        assertThat(stamp.headsAfter()).containsExactly(initial.id());
        assertThat(p.tables(tenant)).as("nothing ran").containsExactly("retort_version");
        assertThat(p.strings("SELECT count(*) FROM \"" + tenant + "\".retort_version WHERE execution_ms IS NULL")).containsExactly("1");

        CurrentResult current = p.retort().current(tenant);
        assertThat(current.tracked()).isTrue();
        assertThat(current.heads()).singleElement().satisfies(h -> {
            assertThat(h.revision()).isEqualTo(initial);
            assertThat(h.graphHead()).isFalse();
        });

        // An upgrade goes on from the stamped revision: only the note column.
        p.db.execute("CREATE TABLE \"" + tenant + "\".test (id int PRIMARY KEY, name varchar(100) NOT NULL)",
                "CREATE TABLE \"" + tenant + "\".child (id int PRIMARY KEY, test_id int NOT NULL)");
        assertThat(p.retort().upgrade("head", tenant).steps()).extracting(AppliedStep::revision).containsExactly(note);
        assertThat(p.retort().current(tenant).heads()).singleElement().satisfies(h -> assertThat(h.graphHead()).isTrue());

        StampResult back = p.retort().stamp("base", tenant);
        assertThat(back.headsBefore()).containsExactly(note.id());
        assertThat(back.headsAfter()).isEmpty();
        assertThat(p.versions(tenant)).isEmpty();
        assertThat(p.tables(tenant)).contains("test", "child");

        p.retort().stamp("head", tenant);
        assertThat(p.versions(tenant)).as("one transaction: no order").containsExactlyInAnyOrder(initial.id(), note.id() + " head");
    }

    @MatrixTest
    void stampForgetsRevisionsWhoseFilesAreGone(TestDatabase db, @TempDir Path dir) throws Exception {
        Project p = new Project(db, dir);
        Revision initial = p.initial();
        Revision note = p.addNote();
        String tenant = p.newSchemaName("tenant");
        p.retort().upgrade("head", tenant);
        java.nio.file.Files.delete(note.path());

        assertThat(p.retort().current(tenant).heads()).singleElement().satisfies(h -> {
            assertThat(h.id()).isEqualTo(note.id());
            assertThat(h.revision()).as("no file").isNull();
        });
        p.retort().stamp(initial.id(), tenant);
        assertThat(p.versions(tenant)).containsExactly(initial.id() + " head");
    }
}
