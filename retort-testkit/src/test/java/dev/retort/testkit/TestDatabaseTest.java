package dev.retort.testkit;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class TestDatabaseTest {

    @Test
    void theEmbeddedServerIsStartedOncePerJvm() {
        assertThat(TestDatabase.embedded()).isSameAs(TestDatabase.embedded());
    }

    @MatrixTest
    void freshSchemasAreDistinctAndExist(TestDatabase db) throws SQLException {
        String a = db.createSchema("Some Test");
        String b = db.createSchema("Some Test");
        assertThat(a).isNotEqualTo(b).startsWith("some_test_");
        try (Connection c = db.connect();
             ResultSet rs = c.createStatement().executeQuery(
                     "select count(*) from pg_namespace where nspname in ('" + a + "', '" + b + "')")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(2);
        }
    }

    @MatrixTest
    void freshDatabasesAcceptConnections(TestDatabase db) throws SQLException {
        String url = db.createDatabase("fresh");
        try (Connection c = TestDatabase.dataSource(url).getConnection();
             ResultSet rs = c.createStatement().executeQuery("select current_database()")) {
            rs.next();
            assertThat(url).contains("/" + rs.getString(1));
        }
    }

    @Test
    void urlsAreRepointedAtAnotherDatabase() {
        assertThat(TestDatabase.withDatabase("jdbc:postgresql://h:5432/postgres?user=postgres", "x"))
                .isEqualTo("jdbc:postgresql://h:5432/x?user=postgres");
        assertThat(TestDatabase.withDatabase("jdbc:postgresql://h/postgres", "x")).isEqualTo("jdbc:postgresql://h/x");
        assertThat(TestDatabase.withDatabase("jdbc:postgresql://h:5432?user=u", "x")).isEqualTo("jdbc:postgresql://h:5432/x?user=u");
    }
}
