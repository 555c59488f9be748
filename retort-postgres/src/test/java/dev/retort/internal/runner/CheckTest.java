package dev.retort.internal.runner;

import dev.retort.api.CheckResult;
import dev.retort.revision.Revision;
import dev.retort.testkit.MatrixTest;
import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** check: at head, files unchanged, and the schema matching the model. */
class CheckTest {

    @MatrixTest
    void aSchemaAtHeadThatMatchesTheModelIsClean(TestDatabase db, @TempDir Path dir) {
        Project p = new Project(db, dir);
        Revision initial = p.initial();
        String tenant = p.newSchemaName("tenant");
        p.retort().upgrade("head", tenant);

        CheckResult result = p.retort().check(tenant);

        assertThat(result.problems()).isEmpty();
        assertThat(result.clean()).isTrue();
        assertThat(result.heads()).containsExactly(initial.id());
        assertThat(result.drift()).as("the version table is no drift").isNotNull();
        assertThat(result.drift().isEmpty()).isTrue();
    }

    @MatrixTest
    void pendingRevisionsAreListedAndTheSchemaIsNotComparedThen(TestDatabase db, @TempDir Path dir) {
        Project p = new Project(db, dir);
        Revision initial = p.initial();
        String tenant = p.newSchemaName("tenant");
        CheckResult missing = p.retort().check(tenant);
        assertThat(missing.problems()).containsExactly("schema " + tenant + " does not exist", "pending: " + initial);

        p.retort().upgrade("head", tenant);
        Revision note = p.addNote();
        p.model(Project.modelWithNote());
        CheckResult pending = p.retort().check(tenant);
        assertThat(pending.pending()).containsExactly(note);
        assertThat(pending.drift()).isNull();
        assertThat(pending.problems()).containsExactly("pending: " + note);
    }

    @MatrixTest
    void driftIsListed(TestDatabase db, @TempDir Path dir) {
        Project p = new Project(db, dir);
        p.initial();
        String tenant = p.newSchemaName("tenant");
        p.retort().upgrade("head", tenant);
        db.execute("ALTER TABLE \"" + tenant + "\".child ADD COLUMN extra text", "DROP INDEX \"" + tenant + "\".ix_child_test_id");

        CheckResult result = p.retort().check(tenant);

        assertThat(result.clean()).isFalse();
        assertThat(result.pending()).isEmpty();
        assertThat(result.problems()).containsExactly("drift: ! drop column child.extra", "drift: create index ix_child_test_id on child");
    }
}
