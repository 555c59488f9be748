package dev.retort;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every type reads back from its canonical spelling. */
class TypesProperties {

    @Provide
    Arbitrary<SqlType> types() {
        return Arbitraries.oneOf(scalars(), scalars().map(SqlType.Array::new));
    }

    private Arbitrary<SqlType> scalars() {
        Arbitrary<Integer> precision = Arbitraries.integers().between(1, 1000);
        Arbitrary<SqlType> numeric = Arbitraries.oneOf(
                Arbitraries.just(Types.NUMERIC),
                precision.map(Types::numeric),
                precision.flatMap(p -> Arbitraries.integers().between(0, p).map(s -> Types.numeric(p, s))));
        Arbitrary<Integer> length = Arbitraries.integers().between(1, 10_485_760);
        Arbitrary<String> identifier = Arbitraries.strings().withCharRange('a', 'z').withChars('_').ofMinLength(1).ofMaxLength(20);
        Arbitrary<SqlType> enums = Combinators.combine(
                        Arbitraries.oneOf(Arbitraries.just(null), identifier), identifier,
                        identifier.list().ofMinSize(1).ofMaxSize(5).uniqueElements())
                .as(SqlType.Enum::new);
        Arbitrary<SqlType> natives = Arbitraries.of("tsvector", "inet", "cidr", "macaddr", "money", "xml", "point",
                        "character varying", "bit varying(8)", "geometry(Point, 4326)", "\"My Type\"")
                .map(SqlType.Native::new);
        return Arbitraries.oneOf(
                Arbitraries.of(SqlType.Simple.class),
                numeric,
                Arbitraries.oneOf(Arbitraries.just(Types.VARCHAR), length.map(Types::varchar)),
                length.map(Types::charType),
                enums,
                natives);
    }

    /** Enum spellings name the type; the reader looks its labels up, here from the type itself. */
    private static Function<String, SqlType.Enum> enumsOf(SqlType type) {
        SqlType t = type instanceof SqlType.Array a ? a.element() : type;
        return key -> t instanceof SqlType.Enum e && e.key().equals(key) ? e : null;
    }

    @Property(tries = 500)
    void parseReadsBackEveryType(@ForAll("types") SqlType type) {
        assertThat(Types.parse(type.toString(), enumsOf(type))).isEqualTo(type);
    }

    @Property
    void parseIgnoresCaseAndSurroundingSpaceOfPortableTypes(@ForAll("types") SqlType type) {
        if (type instanceof SqlType.Enum || type instanceof SqlType.Native) return;
        if (type instanceof SqlType.Array a && (a.element() instanceof SqlType.Enum || a.element() instanceof SqlType.Native)) return;
        assertThat(Types.parse("  " + type.toString().toUpperCase() + " ")).isEqualTo(type);
    }

    @Example
    void spellings() {
        assertThat(Types.varchar(100)).hasToString("varchar(100)");
        assertThat(Types.numeric(10, 2)).hasToString("numeric(10,2)");
        assertThat(Types.arrayOf(Types.INTEGER)).hasToString("integer[]");
        assertThat(Types.enumType("mood", "a").withSchema("tenant_a")).hasToString("enum:tenant_a.mood");
        assertThat(Types.arrayOf(Types.enumType("mood", "a"))).hasToString("enum:mood[]");
        assertThat(Types.nativeType("tsvector")).hasToString("native:tsvector");
        assertThat(Types.nativeType(" inet[] ")).isEqualTo(Types.arrayOf(new SqlType.Native("inet"))).hasToString("native:inet[]");
    }

    @Example
    void arraysOfEnumAndNativeTypesReadBack() {
        SqlType.Enum mood = Types.enumType("mood", "happy", "sad");
        assertThat(Types.parse("enum:mood[]", k -> k.equals("mood") ? mood : null)).isEqualTo(Types.arrayOf(mood));
        assertThat(Types.parse("native:inet[]")).isEqualTo(Types.arrayOf(new SqlType.Native("inet")));
    }

    @Example
    void badSpellingsAreNamed() {
        assertThatThrownBy(() -> Types.parse("strnig")).hasMessage("unknown type: 'strnig'");
        assertThatThrownBy(() -> Types.parse("varchar(99999999999)")).hasMessage("unknown type: 'varchar(99999999999)'");
        assertThatThrownBy(() -> Types.parse("varchar(1,2)")).hasMessage("unknown type: 'varchar(1,2)'");
        assertThatThrownBy(() -> Types.parse("enum:mood")).hasMessage("unknown enum type: mood");
        assertThatThrownBy(() -> Types.parse("integer[][]")).hasMessage("nested array types are not supported");
        assertThatThrownBy(() -> Types.parse(null)).hasMessage("unknown type: 'null'");
        assertThatThrownBy(() -> new SqlType.Native("inet[]")).hasMessageStartingWith("native type 'inet[]' is an array");
    }
}
