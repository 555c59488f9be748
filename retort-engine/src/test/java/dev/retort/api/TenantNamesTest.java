package dev.retort.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TenantNamesTest {

    @Test
    void displayKeepsPrintableTextAndEscapesControlCharacters() {
        assertThat(TenantNames.display("\"; DROP SCHEMA public CASCADE; --")).isEqualTo("\"; DROP SCHEMA public CASCADE; --");
        assertThat(TenantNames.display("Ünïcødé")).isEqualTo("Ünïcødé");
        assertThat(TenantNames.display("a\nb\tc\u0007")).isEqualTo("a\\nb\\tc\\u0007");
    }
}
