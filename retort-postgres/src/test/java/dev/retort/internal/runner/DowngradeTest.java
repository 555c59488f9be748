package dev.retort.internal.runner;

import dev.retort.api.AppliedStep;
import dev.retort.api.DowngradeResult;
import dev.retort.Column;
import dev.retort.operations.ColumnOps;
import dev.retort.revision.Revision;
import dev.retort.revision.RevisionException;
import dev.retort.testkit.MatrixTest;
import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.retort.Types.TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DowngradeTest {

    @MatrixTest
    void downgradeUndoesRevisionsChildrenFirstAndSaysWhatIsLost(TestDatabase db, @TempDir Path dir) {
        Project p = new Project(db, dir);
        Revision initial = p.initial();
        Revision note = p.addNote();
        Revision dropNote = p.create("drop note", List.of(new ColumnOps.DropColumn(null, "child", Column.of("note", TEXT))));
        String tenant = p.newSchemaName("tenant");
        p.retort().upgrade("head", tenant);

        DowngradeResult one = p.retort().downgrade("-1", tenant);
        assertThat(one.steps()).extracting(AppliedStep::revision).containsExactly(dropNote);
        assertThat(one.warnings()).containsExactly("the values of column child.note are not restored");
        assertThat(p.columns(tenant, "child")).containsExactly("id", "test_id", "note");
        assertThat(p.versions(tenant)).containsExactly(initial.id(), note.id() + " head");

        DowngradeResult all = p.retort().downgrade("base", tenant);
        assertThat(all.steps()).extracting(AppliedStep::revision).containsExactly(note, initial);
        assertThat(all.headsAfter()).isEmpty();
        assertThat(all.warnings()).containsExactly("destructive: drop column child.note",
                "destructive: drop table child", "destructive: drop table test");
        assertThat(p.tables(tenant)).as("the version table stays, empty").containsExactly("retort_version");
        assertThat(p.versions(tenant)).isEmpty();
        assertThat(p.retort().current(tenant).heads()).isEmpty();

        assertThat(p.retort().upgrade("head", tenant).steps()).hasSize(3);
    }

    @MatrixTest
    void downgradingOneBranchLeavesTheOtherAndItsParentBecomesAHead(TestDatabase db, @TempDir Path dir) {
        Project p = new Project(db, dir);
        Revision initial = p.initial();
        Revision left = p.createAfter(initial.id(), "left", List.of(Project.sql("CREATE TABLE ${schema}.l (id int)")));
        Revision leftToo = p.createAfter(left.id(), "left too", List.of(Project.sql("CREATE TABLE ${schema}.l2 (id int)")));
        Revision right = p.createAfter(initial.id(), "right", List.of(Project.sql("CREATE TABLE ${schema}.r (id int)")));
        String tenant = p.newSchemaName("tenant");
        p.retort().upgrade("heads", tenant);

        DowngradeResult result = p.retort().downgrade(left.id(), tenant);

        assertThat(result.steps()).extracting(AppliedStep::revision).containsExactly(leftToo);
        assertThat(result.warnings()).containsExactly("hand-written SQL without a reverse");
        assertThat(result.headsAfter()).containsExactly(left.id(), right.id());
        assertThat(p.versions(tenant)).containsExactlyInAnyOrder(initial.id(), left.id() + " head", right.id() + " head");
    }

    @MatrixTest
    void aTargetThatIsNotAppliedIsRefused(TestDatabase db, @TempDir Path dir) {
        Project p = new Project(db, dir);
        Revision initial = p.initial();
        Revision note = p.addNote();
        String tenant = p.newSchemaName("tenant");
        p.retort().upgrade(initial.id(), tenant);

        assertThatThrownBy(() -> p.retort().downgrade(note.id(), tenant))
                .isInstanceOf(RevisionException.class)
                .hasMessage("cannot downgrade to " + note.id() + ": it is not applied (current: " + initial.id() + ")");
    }
}
