package dev.retort.compare;

import dev.retort.MetaData;
import dev.retort.Sequence;
import dev.retort.operations.ConstraintOps.AddConstraint;
import dev.retort.operations.Operation;
import dev.retort.operations.SchemaOps.CreateSchema;
import dev.retort.operations.TableOps.CreateTable;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.retort.Dsl.column;
import static dev.retort.Types.INTEGER;
import static dev.retort.Types.TEXT;
import static dev.retort.Types.enumType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DifferScopeTest {

    /** A shared public.tenants table and, in the default schema, tables referring to it and to each other. */
    private static MetaData model() {
        MetaData md = new MetaData();
        md.tableIn("public", "tenants", column("id", INTEGER).primaryKey(), column("name", TEXT));
        md.table("project", column("id", INTEGER).primaryKey(), column("tenant_id", INTEGER).references("public.tenants.id"),
                column("state", enumType("state", "open", "closed")));
        md.table("task", column("id", INTEGER).primaryKey(), column("project_id", INTEGER).references("project.id"));
        md.addSequence(Sequence.of("ticket_no"));
        return md;
    }

    @Test
    void tablesInOtherSchemasAreReferredToNeverCreatedOrDropped() {
        MetaData model = model().withSchema("tenant_a");
        MetaData database = new MetaData();
        database.tableIn("public", "tenants", column("id", INTEGER).primaryKey(), column("plan", TEXT));
        database.tableIn("public", "audit", column("id", INTEGER).primaryKey());
        Diff diff = RoundTrip.check(model, database, CompareOptions.managing("tenant_a"), "tenant_a");
        assertThat(diff.operations()).allMatch(op -> "tenant_a".equals(op.schema()));
        assertThat(RoundTrip.described(diff)).containsExactly(
                "create enum type state", "create sequence ticket_no", "create table project", "create table task");
        CreateTable project = (CreateTable) diff.operations().get(2);
        assertThat(project.table().foreignKeys().get(0).referredKey()).isEqualTo("public.tenants");
    }

    @Test
    void theDefaultManagesTheModelsOwnSchema() {
        MetaData model = model().withSchema("tenant_a");
        assertThat(CompareOptions.forModel(model).managedSchemas()).containsExactly("tenant_a");
        assertThat(Differ.compare(model, new MetaData()).operations()).noneMatch(op -> "public".equals(op.schema()));
        assertThat(CompareOptions.forModel(new MetaData()).managedSchemas()).isNull();
    }

    @Test
    void operationsMadeSchemaAgnosticBindToAnyTenant() {
        MetaData model = model().withSchema("tenant_a");
        Diff bound = Differ.compare(model, new MetaData(), CompareOptions.managing("tenant_a"));
        Diff agnostic = bound.rebind("tenant_a", null);
        assertThat(agnostic.operations()).allMatch(op -> op.schema() == null);
        CreateTable project = (CreateTable) agnostic.operations().stream().filter(op -> op.describe().equals("create table project"))
                .findFirst().orElseThrow();
        assertThat(project.table().foreignKeys().get(0).referredSchema()).as("the shared table stays shared").isEqualTo("public");
        assertThat(project.table().column("state").orElseThrow().type().toString()).isEqualTo("enum:state");

        // Bound to another tenant, the same operations are what a diff against that tenant gives.
        MetaData modelB = model().withSchema("tenant_b");
        assertThat(agnostic.rebind(null, "tenant_b").operations())
                .isEqualTo(Differ.compare(modelB, new MetaData(), CompareOptions.managing("tenant_b")).operations());
    }

    @Test
    void missingSchemasAreCreatedFirstWhenAsked() {
        MetaData model = model().withSchema("tenant_a");
        MetaData shared = new MetaData();
        shared.add(model.get("public.tenants"));
        Diff diff = RoundTrip.check(model, shared, CompareOptions.managing("tenant_a").withCreateSchemas(true));
        assertThat(diff.operations().get(0)).isEqualTo(new CreateSchema("tenant_a"));
        assertThat(diff.operations()).filteredOn(op -> op instanceof CreateSchema).hasSize(1);
        MetaData existing = new MetaData("tenant_a");
        existing.table("other", column("id", INTEGER).primaryKey());
        assertThat(Differ.compare(model, existing, CompareOptions.managing("tenant_a").withCreateSchemas(true).withDrops(false))
                .operations()).noneMatch(op -> op instanceof CreateSchema);
    }

    @Test
    void severalManagedSchemasAtOnce() {
        MetaData model = new MetaData();
        model.tableIn("a", "parent", column("id", INTEGER).primaryKey());
        model.tableIn("b", "child", column("id", INTEGER).primaryKey(), column("parent_id", INTEGER).references("a.parent.id"));
        CompareOptions options = CompareOptions.managing("a", "b").withCreateSchemas(true);
        assertThat(RoundTrip.described(RoundTrip.check(model, new MetaData(), options)))
                .containsExactly("create schema a", "create schema b", "create table parent", "create table child");
    }

    @Test
    void withoutDropsNothingTheDatabaseHasExtraIsDropped() {
        MetaData model = new MetaData("app");
        model.table("kept", column("id", INTEGER).primaryKey());
        MetaData database = new MetaData("app");
        database.table("kept", column("id", INTEGER).primaryKey(), column("old", TEXT));
        database.table("legacy", column("id", INTEGER).primaryKey(), column("mood", enumType("mood", "a")));
        database.addSequence(Sequence.of("legacy_seq"));
        assertThat(Differ.compare(model, database, CompareOptions.managing("app").withDrops(false)).operations()).isEmpty();
        assertThat(Differ.compare(model, database, CompareOptions.managing("app")).operations()).hasSize(4);
    }

    @Test
    void aForeignKeyIntoAManagedTableTheModelLeavesOutIsAnError() {
        MetaData database = new MetaData("app");
        database.table("parent", column("id", INTEGER).primaryKey());
        MetaData model = new MetaData("app");
        model.table("child", column("id", INTEGER).primaryKey(), column("parent_id", INTEGER).references("parent.id"));
        assertThatThrownBy(() -> Differ.compare(model, database)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("table app.child: foreign key fk_child_parent_id_parent refers to table app.parent, "
                        + "which the model does not define, so the diff would drop it");
        assertThat(Differ.compare(model, database, CompareOptions.managing("app").withDrops(false)).operations())
                .containsExactly(new CreateTable(model.get("app.child")));
    }

    @Test
    void optionsCheckWhatTheyAreGiven() {
        assertThatThrownBy(() -> CompareOptions.everySchema().withManagedSchemas(Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no managed schema");
        assertThat(CompareOptions.managing("a").manages(null)).isFalse();
        assertThat(CompareOptions.everySchema().manages(null)).isTrue();
    }

    @Test
    void theDiffReportsItsDestructiveOperations() {
        MetaData database = new MetaData("app");
        database.table("gone", column("id", INTEGER).primaryKey());
        MetaData model = new MetaData("app");
        model.table("fresh", column("id", INTEGER).primaryKey());
        Diff diff = Differ.compare(model, database);
        assertThat(diff.size()).isEqualTo(2);
        assertThat(diff.destructive()).extracting(Operation::describe).containsExactly("drop table gone");
        assertThat(diff.describe()).containsExactly("! drop table gone", "  create table fresh");
        assertThat(Differ.compare(model, model).toString()).isEqualTo("Diff(empty)");
    }

    @Test
    void aForeignKeyAddedToAnExistingTableIntoASharedTable() {
        MetaData model = model().withSchema("tenant_a");
        MetaData database = new MetaData("tenant_a");
        database.tableIn("public", "tenants", column("id", INTEGER).primaryKey(), column("name", TEXT));
        database.table("project", column("id", INTEGER).primaryKey(), column("tenant_id", INTEGER),
                column("state", enumType("state", "open", "closed")));
        database.table("task", column("id", INTEGER).primaryKey(), column("project_id", INTEGER).references("project.id"));
        database.addSequence(Sequence.of("ticket_no"));
        assertThat(RoundTrip.check(model, database, CompareOptions.managing("tenant_a")).operations())
                .containsExactly(new AddConstraint("tenant_a", "project", model.get("tenant_a.project").foreignKeys().get(0)));
        assertThat(List.of(model.get("tenant_a.project").foreignKeys().get(0).referredSchema())).containsExactly("public");
    }
}
