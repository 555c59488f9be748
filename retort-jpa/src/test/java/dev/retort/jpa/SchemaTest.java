package dev.retort.jpa;

import dev.retort.MetaData;
import dev.retort.Sequence;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.junit.jupiter.api.Test;

import static dev.retort.Dsl.column;
import static dev.retort.Types.BIGINT;
import static org.assertj.core.api.Assertions.assertThat;

/** Entities without a schema bind to the tenant; entities with one stay there. */
class SchemaTest {

    @Entity(name = "Tenant")
    @Table(schema = "registry")
    static class Tenant {
        @Id
        @GeneratedValue
        Long id;
    }

    @Entity(name = "Project")
    static class Project {
        @Id
        @GeneratedValue
        Long id;
        @ManyToOne(optional = false)
        Tenant tenant;
        @ManyToOne
        Project parent;
    }

    @Test
    void schemaAgnosticEntitiesBindAndFixedOnesStay() {
        MetaData model = JpaModel.of(Project.class);
        MetaData expected = new MetaData();
        expected.tableIn("registry", "tenant", column("id", BIGINT).primaryKey());
        expected.table("project",
                column("id", BIGINT).primaryKey(),
                column("tenant_id", BIGINT).notNull().references("registry.tenant.id"),
                column("parent_id", BIGINT).references("project.id"));
        // Hibernate looks for an implicit sequence in the default schema, whatever its table's
        expected.addSequence(new Sequence(null, "tenant_seq", BIGINT, 1L, 50L, null, null, null, false));
        expected.addSequence(new Sequence(null, "project_seq", BIGINT, 1L, 50L, null, null, null, false));
        Expect.sameModel(model, expected);

        MetaData tenantA = model.withSchema("tenant_a");
        assertThat(tenantA.tables()).containsOnlyKeys("registry.tenant", "tenant_a.project");
        assertThat(tenantA.get("tenant_a.project").foreignKeys())
                .extracting(fk -> fk.referredKey())
                .containsExactlyInAnyOrder("registry.tenant", "tenant_a.project");
        assertThat(tenantA.sequences()).containsOnlyKeys("tenant_a.tenant_seq", "tenant_a.project_seq");
        assertThat(model.get("project").schema()).isNull();
    }
}
