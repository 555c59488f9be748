package dev.retort;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Cloning, for any schema name PostgreSQL accepts. */
class CloningProperties {

    /** Valid schema names, ASCII and not, up to the 63-byte limit. */
    @Provide
    Arbitrary<String> schemas() {
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').numeric()
                .withChars('_', '$', '-', ' ', 'é', 'ß', '数', '\u00a0')
                .ofMinLength(1).ofMaxLength(40)
                .filter(s -> !s.isBlank() && s.getBytes(StandardCharsets.UTF_8).length <= Identifiers.MAX_BYTES);
    }

    /** Schema names that cannot occur inside the model's lower-case names. */
    @Provide
    Arbitrary<String> distinctiveSchemas() {
        return schemas().map(s -> "T" + s).filter(s -> s.getBytes(StandardCharsets.UTF_8).length <= Identifiers.MAX_BYTES);
    }

    @Property
    void namesAreThoseOfTheUnboundModelAndNeverContainTheSchema(@ForAll("distinctiveSchemas") String schema) {
        MetaData source = Fixtures.rich();
        MetaData bound = source.withSchema(schema);
        assertThat(Fixtures.names(bound)).isEqualTo(Fixtures.names(source));
        assertThat(Fixtures.names(bound)).noneMatch(n -> n.contains(schema));
    }

    @Property
    void namesNeverDependOnTheSchema(@ForAll("schemas") String schema) {
        MetaData source = Fixtures.rich();
        assertThat(Fixtures.names(source.withSchema(schema))).isEqualTo(Fixtures.names(source));
        assertThat(Fixtures.names(new MetaData(schema).withSchema(null))).isEmpty();
    }

    @Property
    void keysTablesKeysAndEnumsFollowTheSchema(@ForAll("schemas") String schema) {
        Assume.that(!schema.equals("public"));
        MetaData bound = Fixtures.rich().withSchema(schema);
        assertThat(bound.tables()).containsOnlyKeys("public.tenants", schema + ".test", schema + ".child", schema + ".grandchild");
        for (Table t : bound.tables().values()) {
            assertThat(t.key()).isEqualTo(t.schema() + "." + t.name());
            for (ForeignKey fk : t.foreignKeys()) {
                String expected = fk.referredTable().equals("tenants") ? "public" : schema;
                assertThat(fk.referredSchema()).as(t.key() + " " + fk).isEqualTo(expected);
            }
            for (SqlType.Enum e : t.enumTypes()) {
                assertThat(e.schema()).isEqualTo(e.name().equals("region") ? "public" : schema);
            }
        }
    }

    @Property
    void theSourceIsUntouched(@ForAll("schemas") String schema) {
        MetaData source = Fixtures.rich();
        source.withSchema(schema);
        source.withSchema(schema, (t, to, fk, chosen) -> schema);
        MetaData pristine = Fixtures.rich();
        assertThat(source.schema()).isNull();
        assertThat(source.tables()).isEqualTo(pristine.tables());
        assertThat(source.sequences()).isEqualTo(pristine.sequences());
    }

    @Property
    void bindingAgainReplacesTheSchemaAndNoSchemaUndoesIt(@ForAll("schemas") String first, @ForAll("schemas") String second) {
        Assume.that(!first.equals("public") && !second.equals("public"));
        MetaData source = Fixtures.rich();
        MetaData twice = source.withSchema(first).withSchema(second);
        assertThat(twice.tables()).isEqualTo(source.withSchema(second).tables());
        assertThat(source.withSchema(first).withSchema(null).tables()).isEqualTo(source.tables());
    }

    @Property
    void referredSchemaFnHasTheLastWord(@ForAll("schemas") String schema, @ForAll("schemas") String chosen) {
        MetaData bound = Fixtures.rich().withSchema(schema, (t, to, fk, byRule) -> chosen);
        bound.tables().values().stream().filter(t -> !t.name().equals("tenants"))
                .flatMap(t -> t.foreignKeys().stream())
                .forEach(fk -> assertThat(fk.referredSchema()).isEqualTo(chosen));
    }
}
