package dev.retort.cli.demo;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.retort.cli.demo.PythonRepr.repr;
import static org.assertj.core.api.Assertions.assertThat;

class PythonReprTest {

    @Test
    void formatsLikePython() {
        assertThat(repr(null)).isEqualTo("None");
        assertThat(repr("tenant_a")).isEqualTo("'tenant_a'");
        assertThat(repr(List.of("test", "child"))).isEqualTo("['test', 'child']");
        assertThat(repr(List.of())).isEqualTo("[]");
        assertThat(repr(true)).isEqualTo("True");
        assertThat(repr(42)).isEqualTo("42");
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("a", null);
        map.put("b", List.of(1, 2));
        assertThat(repr(map)).isEqualTo("{'a': None, 'b': [1, 2]}");
    }

    @Test
    void quotesAndEscapesAsPythonDoes() {
        assertThat(repr("it's")).isEqualTo("\"it's\"");
        assertThat(repr("it's \"x\"")).isEqualTo("'it\\'s \"x\"'");
        assertThat(repr("a\\b\nc\t\u0001")).isEqualTo("'a\\\\b\\nc\\t\\x01'");
        assertThat(repr("café")).isEqualTo("'café'");
    }
}
