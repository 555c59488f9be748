package dev.retort.api;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaPatternTest {

    @Test
    void starMatchesAnyRunAndQuestionMarkOneCharacter() {
        SchemaPattern p = SchemaPattern.of("tenant_*");
        assertThat(p.matches("tenant_")).isTrue();
        assertThat(p.matches("tenant_42")).isTrue();
        assertThat(p.matches("Tenant_42")).isFalse();
        assertThat(p.matches("xtenant_42")).isFalse();
        assertThat(SchemaPattern.of("t?").matches("t1")).isTrue();
        assertThat(SchemaPattern.of("t?").matches("t12")).isFalse();
    }

    @Test
    void everythingElseIsLiteralIncludingLikeAndRegexMetacharacters() {
        assertThat(SchemaPattern.of("tenant_*").matches("tenantX1")).isFalse();
        assertThat(SchemaPattern.of("a%b*").matches("axxb")).isFalse();
        assertThat(SchemaPattern.of("a%b*").matches("a%b1")).isTrue();
        assertThat(SchemaPattern.of("a.b\\E(*").matches("a.b\\E(x")).isTrue();
        assertThat(SchemaPattern.of("a.b*").matches("axb")).isFalse();
        assertThat(SchemaPattern.of("t*").matches("t\nx")).isTrue();
    }

    @Property
    void aPatternWithoutWildcardsMatchesExactlyItself(@ForAll @StringLength(min = 1, max = 20) String name,
                                                     @ForAll @StringLength(min = 1, max = 20) String other) {
        String literal = name.replace("*", "").replace("?", "");
        if (literal.isBlank()) return;
        SchemaPattern p = SchemaPattern.of(literal);
        assertThat(p.matches(literal)).isTrue();
        assertThat(p.matches(other)).isEqualTo(other.equals(literal));
    }

    @Property
    void aPrefixPatternMatchesEveryExtension(@ForAll @StringLength(min = 1, max = 20) String prefix,
                                            @ForAll @StringLength(max = 20) String rest) {
        String literal = prefix.replace("*", "").replace("?", "");
        if (literal.isBlank()) return;
        assertThat(SchemaPattern.of(literal + "*").matches(literal + rest)).isTrue();
    }
}
