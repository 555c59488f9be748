package dev.retort;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import static dev.retort.Dsl.column;
import static dev.retort.Dsl.index;
import static dev.retort.Types.INTEGER;
import static dev.retort.Types.varchar;
import static org.assertj.core.api.Assertions.assertThat;

class SchemaRulesTest {

    private static MetaData model() {
        MetaData md = new MetaData();
        md.table("test", column("id", INTEGER).primaryKey(), column("name", varchar(100)).notNull());
        md.table("child", column("id", INTEGER).primaryKey(),
                column("test_id", INTEGER).notNull().references("test.id"), index("test_id"));
        return md;
    }

    @Test
    void settingTheSchemaAfterDefinitionChangesNoTable() {
        MetaData md = model();
        md.setSchema("tenant_a");
        assertThat(md.tables()).containsOnlyKeys("test", "child");
        assertThat(md.get("test").schema()).isNull();
    }

    @Property
    void withSchemaBindsEveryTableAndLeavesTheSourceAlone(@ForAll @AlphaChars @StringLength(min = 1, max = 20) String schema) {
        MetaData source = model();
        MetaData bound = source.withSchema(schema);
        assertThat(bound.tables()).containsOnlyKeys(schema + ".test", schema + ".child");
        assertThat(bound.get(schema + ".child").foreignKeys().get(0).referredSchema()).isEqualTo(schema);
        assertThat(bound.get(schema + ".child").indexes().get(0).name()).isEqualTo("ix_child_test_id");
        assertThat(source.tables()).containsOnlyKeys("test", "child");
    }
}
