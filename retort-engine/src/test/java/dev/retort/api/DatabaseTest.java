package dev.retort.api;

import dev.retort.spi.Dialects;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseTest {

    @Test
    void urlParametersAreReadByNameWhateverTheirCase() {
        Database db = Database.of("jdbc:postgresql://h/app?ssl=true&USER=owner&password=");
        assertThat(db.urlParameter("user")).isEqualTo("owner");
        assertThat(db.urlParameter("password")).isEmpty();
        assertThat(db.urlParameter("sslmode")).isNull();
        assertThat(Database.of("jdbc:postgresql://h/app").urlParameter("user")).isNull();
    }

    @Test
    void passwordsInQueryStringsAreHidden() {
        Database db = Database.of("jdbc:postgresql://db:5432/app?user=app&password=s3cr3t&ssl=true");
        assertThat(db.toString()).doesNotContain("s3cr3t").contains("password=***").contains("ssl=true");
        assertThat(db.safeUrl()).isEqualTo("jdbc:postgresql://db:5432/app?user=app&password=***&ssl=true");
    }

    @Test
    void passwordsInTheAuthorityAndPropertiesAreHidden() {
        assertThat(Database.redact("jdbc:mysql://app:s3cr3t@db/app")).isEqualTo("jdbc:mysql://app:***@db/app");
        assertThat(Database.redact("jdbc:h2:mem:x;USER=sa;PASSWORD=s3cr3t")).isEqualTo("jdbc:h2:mem:x;USER=sa;PASSWORD=***");
    }

    @Test
    void anExplicitPasswordNeverShows() {
        Database db = Database.of("jdbc:postgresql://db/app").withCredentials("app", "s3cr3t");
        assertThat(db.toString()).doesNotContain("s3cr3t").contains("user app");
    }

    @Test
    void theEnvironmentVariableNamesTheDatabase() {
        assertThat(Database.fromEnvironment(Map.of("RETORT_URL", "jdbc:postgresql://h/d")).url()).isEqualTo("jdbc:postgresql://h/d");
        assertThat(Database.fromEnvironment(Map.of("RETORT_URL", " "))).isNull();
        assertThat(Database.fromEnvironment(Map.of())).isNull();
    }

    @Test
    void aUrlThatIsNotJdbcIsRefusedWithoutShowingItsPassword() {
        assertThatThrownBy(() -> Database.of("postgres://u:pw@h/d"))
                .hasMessage("not a JDBC URL (it must start with jdbc:): postgres://u:***@h/d");
    }

    @Test
    void exceptionsRedactTheirMessages() {
        assertThat(new DatabaseException("cannot reach jdbc:postgresql://h/d?password=pw").getMessage())
                .isEqualTo("cannot reach jdbc:postgresql://h/d?password=***");
    }

    @Test
    void anUnknownUrlNamesTheKnownDialects() {
        assertThatThrownBy(() -> Dialects.forUrl("jdbc:oracle:thin:@h:1521/x?password=pw"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("no database dialect for URL jdbc:oracle:thin:@h:1521/x?password=***");
    }
}
