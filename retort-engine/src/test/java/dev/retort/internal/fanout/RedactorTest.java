package dev.retort.internal.fanout;

import dev.retort.api.Database;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedactorTest {

    @Test
    void masksThePasswordGivenApartWhereverItAppears() {
        Redactor r = Redactor.of(new Database("jdbc:postgresql://h/db", "u", "s3cr3t!"));
        assertThat(r.apply("login as u with s3cr3t! failed")).isEqualTo("login as u with *** failed");
    }

    @Test
    void masksThePasswordOfTheUrlPlainAndDecoded() {
        Redactor r = Redactor.of(Database.of("jdbc:postgresql://h/db?user=u&password=p%40ss_w0rd"));
        assertThat(r.apply("bad p@ss_w0rd and p%40ss_w0rd")).isEqualTo("bad *** and ***");
        Redactor authority = Redactor.of(Database.of("jdbc:postgresql://u:letmein@h/db"));
        assertThat(authority.apply("'letmein' refused")).isEqualTo("'***' refused");
    }

    @Test
    void masksPasswordsOfOtherUrlsInTheText() {
        Redactor r = Redactor.of(Database.of("jdbc:postgresql://h/db"));
        assertThat(r.apply("cannot open jdbc:postgresql://h/x?password=zzz")).doesNotContain("zzz");
    }

    @Test
    void errorsAreOneLineAndNameTheTypeWhenTheyHaveNoMessage() {
        Redactor r = Redactor.of(new Database("jdbc:postgresql://h/db", "u", "pw1234"));
        assertThat(Errors.oneLine(new RuntimeException("ERROR: x pw1234\n  Where: line 2"), r)).isEqualTo("ERROR: x ***");
        assertThat(Errors.oneLine(new IllegalStateException(), r)).isEqualTo("IllegalStateException");
        assertThat(Errors.oneLine(new RuntimeException(null, new IllegalStateException("inner")), r)).isEqualTo("inner");
    }
}
