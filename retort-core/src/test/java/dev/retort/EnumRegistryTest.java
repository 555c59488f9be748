package dev.retort;

import org.junit.jupiter.api.Test;

import static dev.retort.Dsl.column;
import static dev.retort.Types.enumType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnumRegistryTest {

    @Test
    void registeredEnumsAreListedFirstAndFollowTheSchema() {
        MetaData md = new MetaData();
        md.addEnum(enumType("unused", "x"));
        md.table("t", column("k", enumType("kind", "a", "b")));
        assertThat(md.enums()).extracting(SqlType.Enum::key).containsExactly("unused", "kind");

        MetaData bound = md.withSchema("tenant");
        assertThat(bound.enums()).extracting(SqlType.Enum::key).containsExactly("tenant.unused", "tenant.kind");
        assertThat(md.enums()).extracting(SqlType.Enum::key).containsExactly("unused", "kind");
    }

    @Test
    void oneNameHasOneSetOfLabels() {
        MetaData md = new MetaData("s");
        assertThat(md.addEnum(enumType("e", "a")).schema()).isEqualTo("s");
        md.addEnum(enumType("e", "a"));
        assertThatThrownBy(() -> md.addEnum(enumType("e", "b")))
                .hasMessage("enum type s.e is already defined with labels [a]");
    }
}
