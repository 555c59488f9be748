package dev.retort.api;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TenantSpecTest {

    @Test
    void aBareCommaSeparatedSpecIsAList() {
        assertThat(TenantSpec.parse("a, b ,c")).isEqualTo(new TenantSpec.Listed(List.of("a", "b", "c")));
        assertThat(TenantSpec.parse("list:x,y")).isEqualTo(new TenantSpec.Listed(List.of("x", "y")));
    }

    @Test
    void aListDropsRepeatedNamesKeepingTheFirstPlace() {
        assertThat(((TenantSpec.Listed) TenantSpec.parse("b,a,b")).schemas()).containsExactly("b", "a");
    }

    @Test
    void hostileNamesAreJustNamesInAList() {
        TenantSpec spec = TenantSpec.parse("\"; DROP SCHEMA public CASCADE; --,it's,Ünïcødé");
        assertThat(((TenantSpec.Listed) spec).schemas())
                .containsExactly("\"; DROP SCHEMA public CASCADE; --", "it's", "Ünïcødé");
    }

    @Test
    void wildcardsOrThePrefixMakeAPattern() {
        assertThat(TenantSpec.parse("tenant_*")).isEqualTo(TenantSpec.Pattern.of("tenant_*"));
        assertThat(TenantSpec.parse("t?")).isEqualTo(TenantSpec.Pattern.of("t?"));
        assertThat(TenantSpec.parse("pattern:tenant_1")).isEqualTo(TenantSpec.Pattern.of("tenant_1"));
    }

    @Test
    void eachElementOfABareListIsANameOrAPatternAndNamesInARowStayOneList() {
        assertThat(TenantSpec.parse("acme, globex, tenant_*, initech")).isEqualTo(new TenantSpec.Union(List.of(
                new TenantSpec.Listed(List.of("acme", "globex")), TenantSpec.Pattern.of("tenant_*"),
                new TenantSpec.Listed(List.of("initech")))));
        assertThat(TenantSpec.parse("a*,b?")).isEqualTo(new TenantSpec.Union(List.of(TenantSpec.Pattern.of("a*"), TenantSpec.Pattern.of("b?"))));
        assertThat(TenantSpec.parse("list:a*,b")).isEqualTo(new TenantSpec.Listed(List.of("a*", "b")));
        assertThat(TenantSpec.parse("pattern:a*,b")).isEqualTo(TenantSpec.Pattern.of("a*,b"));
        assertThat(TenantSpec.parse("acme,tenant_*").describe()).isEqualTo("list [acme], pattern tenant_*");
    }

    @Test
    void theQueryPrefixTakesTheRestAsSql() {
        assertThat(TenantSpec.parse("query:SELECT schema_name FROM public.tenants WHERE active, x"))
                .isEqualTo(new TenantSpec.Query("SELECT schema_name FROM public.tenants WHERE active, x"));
    }

    @Test
    void emptySpecsAreRefusedWithAMessage() {
        assertThatThrownBy(() -> TenantSpec.parse(" ")).hasMessageContaining("tenant spec is empty");
        assertThatThrownBy(() -> TenantSpec.parse("a,,b")).hasMessageContaining("empty name at position 2");
        assertThatThrownBy(() -> TenantSpec.parse("query: ")).hasMessageContaining("tenant query is empty");
        assertThatThrownBy(() -> TenantSpec.parse("pattern:")).hasMessageContaining("tenant pattern is empty");
    }

    @Test
    void describeIsOneLineForAnyName() {
        assertThat(new TenantSpec.Listed(List.of("a\nb")).describe()).isEqualTo("list [a\\nb]");
    }
}
