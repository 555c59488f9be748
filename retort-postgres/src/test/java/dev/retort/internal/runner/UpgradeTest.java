package dev.retort.internal.runner;

import dev.retort.api.AppliedStep;
import dev.retort.api.CurrentResult;
import dev.retort.api.MigrationException;
import dev.retort.api.RunnerException;
import dev.retort.api.UpgradeResult;
import dev.retort.api.Retort;
import dev.retort.operations.Operation;
import dev.retort.operations.SequenceOps;
import dev.retort.operations.TableOps;
import dev.retort.revision.Revision;
import dev.retort.revision.RevisionException;
import dev.retort.Sequence;
import dev.retort.Table;
import dev.retort.MetaData;
import dev.retort.testkit.MatrixTest;
import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.retort.Dsl.column;
import static dev.retort.Types.BIGINT;
import static dev.retort.Types.INTEGER;
import static dev.retort.Types.TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Upgrades on a real server: schema creation, the version table, tenants side by side, failures, heads. */
class UpgradeTest {

    @MatrixTest
    void upgradeCreatesTheSchemaTheTablesAndTheVersionTable(TestDatabase db, @TempDir Path dir) {
        Project p = new Project(db, dir);
        Revision initial = p.initial();
        Revision note = p.addNote();
        String tenant = p.newSchemaName("tenant_a");

        UpgradeResult result = p.retort().upgrade("head", tenant);

        assertThat(result.schemaCreated()).isTrue();
        assertThat(result.headsBefore()).isEmpty();
        assertThat(result.headsAfter()).containsExactly(note.id());
        assertThat(result.steps()).extracting(AppliedStep::revision).containsExactly(initial, note);
        assertThat(p.tables(tenant)).containsExactly("child", "retort_version", "test");
        assertThat(p.columns(tenant, "child")).containsExactly("id", "test_id", "note");
        assertThat(p.versions(tenant)).containsExactly(initial.id(), note.id() + " head");
        assertThat(p.strings("SELECT checksum FROM \"" + tenant + "\".retort_version ORDER BY applied_at"))
                .containsExactly(initial.checksum(), note.checksum());
        assertThat(p.strings("SELECT count(*) FROM \"" + tenant + "\".retort_version WHERE execution_ms >= 0 "
                + "AND applied_at > now() - interval '1 minute'")).containsExactly("2");

        UpgradeResult again = p.retort().upgrade("head", tenant);
        assertThat(again.nothingToDo()).isTrue();
        assertThat(again.schemaCreated()).isFalse();
        assertThat(again.headsBefore()).containsExactly(note.id());
    }

    @MatrixTest
    void oneRevisionAppliesToEveryTenantAndEachHasItsOwnVersion(TestDatabase db, @TempDir Path dir) {
        Project p = new Project(db, dir);
        Revision initial = p.initial();
        String a = p.newSchemaName("tenant_a");
        String b = p.newSchemaName("tenant_b");
        Retort retort = p.retort();
        retort.upgrade("head", a);
        Revision note = p.addNote();

        retort.upgrade("head", b);

        assertThat(p.columns(b, "child")).containsExactly("id", "test_id", "note");
        assertThat(p.versions(b)).containsExactly(initial.id(), note.id() + " head");
        assertThat(p.columns(a, "child")).as("tenant_a as it was").containsExactly("id", "test_id");
        assertThat(p.versions(a)).containsExactly(initial.id() + " head");
        assertThat(p.strings("SELECT confrelid::regclass::text FROM pg_constraint WHERE conrelid = '\"" + b + "\".child'::regclass AND contype = 'f'"))
                .as("tenant_b's foreign key refers to tenant_b's table").containsExactly(b + ".test");
    }

    @MatrixTest
    void aFailureInTheMiddleOfARevisionLeavesTheSchemaAtTheRevisionBefore(TestDatabase db, @TempDir Path dir) {
        Project p = new Project(db, dir);
        Revision initial = p.initial();
        Revision broken = p.create("broken", List.of(
                new TableOps.CreateTable(new MetaData().table("half", column("id", BIGINT).primaryKey())),
                Project.sql("INSERT INTO ${schema}.no_such_table VALUES (1)"),
                new TableOps.CreateTable(new MetaData().table("never", column("id", BIGINT).primaryKey()))));
        String tenant = p.newSchemaName("tenant");

        assertThatThrownBy(() -> p.retort().upgrade("head", tenant))
                .isInstanceOfSatisfying(MigrationException.class, e -> {
                    assertThat(e.revision()).isEqualTo(broken);
                    assertThat(e.statement()).isEqualTo("INSERT INTO \"" + tenant + "\".no_such_table VALUES (1)");
                    assertThat(e.completed()).extracting(AppliedStep::revision).containsExactly(initial);
                })
                .hasMessage("schema " + tenant + ": revision " + broken + " failed and was rolled back (the schema stays at "
                        + initial.id() + "): INSERT INTO \"" + tenant + "\".no_such_table VALUES (1): ERROR: relation \""
                        + tenant + ".no_such_table\" does not exist");

        assertThat(p.tables(tenant)).as("nothing of the broken revision; the failure remembered")
                .containsExactly("child", "retort_version", "retort_version_failure", "test");
        assertThat(p.versions(tenant)).containsExactly(initial.id() + " head");
        CurrentResult current = p.retort().current(tenant);
        assertThat(current.ids()).containsExactly(initial.id());
        assertThat(current.lastFailure()).isNotNull();
        assertThat(current.lastFailure().operation()).isEqualTo("upgrade");
        assertThat(current.lastFailure().revision()).isEqualTo(broken.id());
        assertThat(current.lastFailure().error()).startsWith("schema " + tenant + ": revision " + broken + " failed")
                .endsWith("does not exist");
        assertThat(current.lastFailure().failedAt()).isNotNull();
    }

    @MatrixTest
    void aFailureIsRecordedOnceAndTheNextRunThatCommitsForgetsIt(TestDatabase db, @TempDir Path dir) {
        Project p = new Project(db, dir);
        p.initial();
        Revision fill = p.create("fill", List.of(Project.sql("INSERT INTO ${schema}.prerequisite VALUES (2)")));
        String tenant = p.newSchemaName("tenant");
        assertThatThrownBy(() -> p.retort().upgrade("head", tenant)).isInstanceOf(MigrationException.class);
        assertThat(p.retort().current(tenant).lastFailure().revision()).isEqualTo(fill.id());

        db.execute("CREATE TABLE \"" + tenant + "\".prerequisite (id int CHECK (id > 2))");
        assertThatThrownBy(() -> p.retort().upgrade("head", tenant)).isInstanceOf(MigrationException.class);
        assertThat(p.strings("SELECT count(*) FROM \"" + tenant + "\".retort_version_failure")).as("replaced, not added").containsExactly("1");
        assertThat(p.retort().current(tenant).lastFailure().error()).contains("violates check constraint");

        db.execute("DROP TABLE \"" + tenant + "\".prerequisite", "CREATE TABLE \"" + tenant + "\".prerequisite (id int)");
        p.retort().upgrade("head", tenant);

        assertThat(p.retort().current(tenant).lastFailure()).isNull();
        assertThat(p.strings("SELECT count(*) FROM \"" + tenant + "\".retort_version_failure")).containsExactly("0");
        MetaData withPrerequisite = Project.model();
        withPrerequisite.table("prerequisite", column("id", INTEGER));
        p.model(withPrerequisite);
        assertThat(p.retort().check(tenant).clean()).as("the failure table is Retort's own, not drift").isTrue();
    }

    @MatrixTest
    void aStampForgetsTheFailureToo(TestDatabase db, @TempDir Path dir) {
        Project p = new Project(db, dir);
        Revision initial = p.initial();
        p.create("broken", List.of(Project.sql("SELECT 1/0")));
        String tenant = p.newSchemaName("tenant");
        assertThatThrownBy(() -> p.retort().upgrade("head", tenant)).isInstanceOf(MigrationException.class);
        assertThat(p.retort().current(tenant).lastFailure()).isNotNull();

        p.retort().stamp(initial.id(), tenant);

        assertThat(p.retort().current(tenant).lastFailure()).isNull();
    }

    @MatrixTest
    void aFailingFirstRevisionLeavesNoTrace(TestDatabase db, @TempDir Path dir) {
        Project p = new Project(db, dir);
        p.create("broken", List.of(Project.sql("SELECT 1/0")));
        String tenant = p.newSchemaName("tenant");

        assertThatThrownBy(() -> p.retort().upgrade("head", tenant))
                .isInstanceOf(MigrationException.class)
                .hasMessageEndingWith("(the new schema was rolled back with it, so no record of this failure is kept in the database): "
                        + "SELECT 1/0: ERROR: division by zero");
        assertThat(p.schemaExists(tenant)).as("the schema's creation was rolled back with the revision").isFalse();
    }

    @MatrixTest
    void unqualifiedNamesInExpressionsResolveInTheTenant(TestDatabase db, @TempDir Path dir) {
        Project p = new Project(db, dir);
        MetaData md = new MetaData();
        Table counted = md.table("counted", column("id", BIGINT).defaultExpr("nextval('counter')"), column("label", TEXT));
        List<Operation> ops = List.of(new SequenceOps.CreateSequence(new Sequence(null, "counter", null, 100L, null, null, null, null, false)),
                new TableOps.CreateTable(counted),
                Project.sql("INSERT INTO counted (label) VALUES ('first')"));
        p.create("counter", ops);
        String a = p.newSchemaName("tenant_a");
        String b = p.newSchemaName("tenant_b");

        p.retort().upgrade("head", a);
        p.retort().upgrade("head", b);
        db.execute("INSERT INTO \"" + a + "\".counted (label) VALUES ('second')");

        assertThat(p.strings("SELECT id || ' ' || label FROM \"" + a + "\".counted ORDER BY id")).containsExactly("100 first", "101 second");
        assertThat(p.strings("SELECT id || ' ' || label FROM \"" + b + "\".counted ORDER BY id")).containsExactly("100 first");
        assertThat(p.strings("SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = '\"" + b + "\".counted'::regclass"))
                .as("the default names tenant_b's own sequence").containsExactly("nextval('" + b + ".counter'::regclass)");
    }

    @MatrixTest
    void twoHeadsAreRefusedUntilMerged(TestDatabase db, @TempDir Path dir) {
        Project p = new Project(db, dir);
        Revision initial = p.initial();
        Revision left = p.createAfter(initial.id(), "left", List.of(Project.sql("CREATE TABLE ${schema}.l (id int)")));
        Revision right = p.createAfter(initial.id(), "right", List.of(Project.sql("CREATE TABLE ${schema}.r (id int)")));
        String tenant = p.newSchemaName("tenant");

        assertThatThrownBy(() -> p.retort().upgrade("head", tenant))
                .isInstanceOf(RevisionException.class)
                .hasMessage("multiple heads (" + left.id() + ", " + right.id() + "): merge them with `retort merge -m MSG` or name one");
        assertThat(p.schemaExists(tenant)).isFalse();

        UpgradeResult both = p.retort().upgrade("heads", tenant);
        assertThat(both.headsAfter()).containsExactly(left.id(), right.id());
        assertThat(p.versions(tenant)).containsExactlyInAnyOrder(initial.id(), left.id() + " head", right.id() + " head");

        Revision merge = dev.retort.internal.revision.MigrationsDirectory.load(dir).merge("merge");
        UpgradeResult merged = p.retort().upgrade("head", tenant);
        assertThat(merged.steps()).extracting(AppliedStep::revision).containsExactly(merge);
        assertThat(p.versions(tenant)).containsExactlyInAnyOrder(initial.id(), left.id(), right.id(), merge.id() + " head");
    }

    @MatrixTest
    void aDeletedRevisionFileIsRefused(TestDatabase db, @TempDir Path dir) throws Exception {
        Project p = new Project(db, dir);
        p.initial();
        Revision note = p.addNote();
        String tenant = p.newSchemaName("tenant");
        p.retort().upgrade("head", tenant);
        java.nio.file.Files.delete(note.path());

        assertThatThrownBy(() -> p.retort().upgrade("head", tenant))
                .isInstanceOf(RunnerException.class)
                .hasMessage("schema " + tenant + " is at revision " + note.id()
                        + ", which is not in the migrations directory (was a file deleted?)");
        assertThat(p.retort().check(tenant).unknown()).containsExactly(note.id());
    }
}
