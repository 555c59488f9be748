package dev.retort;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.retort.Dsl.column;
import static dev.retort.Types.INTEGER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NamingConventionProperties {

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars('_', 'é', '数', '😀').ofMinLength(1).ofMaxLength(120);
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    @Property
    void truncatedNamesFitTheLimitAndAreDeterministic(@ForAll("names") String name) {
        String cut = NamingConvention.truncate(name);
        assertThat(bytes(cut)).isLessThanOrEqualTo(Identifiers.MAX_BYTES);
        assertThat(NamingConvention.truncate(name)).isEqualTo(cut);
        assertThat(Identifiers.check("index", cut)).isEqualTo(cut);
        if (bytes(name) <= Identifiers.MAX_BYTES) {
            assertThat(cut).isEqualTo(name);
        } else {
            assertThat(cut).matches("(?s).*_[0-9a-f]{8}");
            assertThat(name).startsWith(cut.substring(0, cut.length() - 9));
        }
    }

    @Property
    void distinctNamesStayDistinct(@ForAll("names") String a, @ForAll("names") String b) {
        Assume.that(!a.equals(b));
        assertThat(NamingConvention.truncate(a)).isNotEqualTo(NamingConvention.truncate(b));
    }

    @Property
    void longNamesWithACommonPrefixStayDistinct(@ForAll("names") String suffixA, @ForAll("names") String suffixB) {
        Assume.that(!suffixA.equals(suffixB));
        String prefix = "fk_" + "a_very_long_table_name_".repeat(3);
        assertThat(NamingConvention.truncate(prefix + suffixA)).isNotEqualTo(NamingConvention.truncate(prefix + suffixB));
    }

    @Example
    void theDefaultConventionNamesEveryKind() {
        NamingConvention n = NamingConvention.DEFAULT;
        assertThat(n.primaryKeyName("test", List.of("id"))).isEqualTo("pk_test");
        assertThat(n.foreignKeyName("child", List.of("test_id"), "test")).isEqualTo("fk_child_test_id_test");
        assertThat(n.uniqueName("test", List.of("a", "b"))).isEqualTo("uq_test_a_b");
        assertThat(n.indexName("child", List.of("test_id"))).isEqualTo("ix_child_test_id");
        assertThat(n.checkName("test", "positive")).isEqualTo("ck_test_positive");
    }

    @Example
    void aLongTableGetsCutNamesThatPassValidation() {
        MetaData md = new MetaData();
        String table = "t".repeat(62);
        Table t = md.table(table, column("id", INTEGER).primaryKey(), column("other", INTEGER).index().unique());
        assertThat(t.primaryKey().name()).hasSizeLessThanOrEqualTo(63).startsWith("pk_ttt").matches(".*_[0-9a-f]{8}");
        assertThat(t.indexes().get(0).name()).isNotEqualTo(t.uniques().get(0).name());
        assertThat(md.table(table.substring(1) + "u", column("id", INTEGER).primaryKey()).primaryKey().name())
                .isNotEqualTo(t.primaryKey().name());
    }

    @Example
    void aTemplateMayNotUseTheSchema() {
        assertThatThrownBy(() -> new NamingConvention("pk_{schema}_{table}", "fk", "uq", "ix", "ck"))
                .hasMessage("naming templates may not use the schema: pk_{schema}_{table}");
        assertThatThrownBy(() -> new NamingConvention("pk", null, "uq", "ix", "ck"))
                .hasMessage("every naming template must be given");
    }

    @Example
    void aCustomConventionIsUsedForUnnamedObjectsOnly() {
        NamingConvention custom = new NamingConvention("{table}_pkey", "{table}_{column_0}_fkey", "{table}_{column_0_N}_key",
                "{table}_{column_0}_idx", "{table}_{constraint_name}_check");
        MetaData md = new MetaData(null, custom);
        md.table("test", column("id", INTEGER).primaryKey());
        Table child = md.table("child", column("test_id", INTEGER).references("test.id").index(),
                Dsl.unique("test_id").named("exact_name"));
        assertThat(md.get("test").primaryKey().name()).isEqualTo("test_pkey");
        assertThat(child.foreignKeys().get(0).name()).isEqualTo("child_test_id_fkey");
        assertThat(child.indexes().get(0).name()).isEqualTo("child_test_id_idx");
        assertThat(child.uniques().get(0).name()).isEqualTo("exact_name");
        assertThat(md.withSchema("tenant_a").namingConvention()).isEqualTo(custom);
    }
}
