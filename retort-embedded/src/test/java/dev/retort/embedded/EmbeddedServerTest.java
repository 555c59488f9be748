package dev.retort.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** The server the CLI runs when no URL is given. Each start costs a few seconds, so one test does it all. */
class EmbeddedServerTest {

    @Test
    void aPersistentServerKeepsItsDataAcrossRunsAndSurvivesAStalePidFile(@TempDir Path dir) throws Exception {
        Path data = dir.resolve(".retort").resolve("pg");
        try (EmbeddedServer server = EmbeddedServer.persistent(data)) {
            execute(server, "CREATE TABLE kept (v text)", "INSERT INTO kept VALUES ('still here')");
        }
        assertThat(data.resolve("postmaster.pid")).doesNotExist();

        // A command killed without stopping its server leaves a pid file naming a process long gone.
        Files.writeString(data.resolve("postmaster.pid"), "999999999\n" + data + "\n");
        try (EmbeddedServer server = EmbeddedServer.persistent(data)) {
            assertThat(server.jdbcUrl()).startsWith("jdbc:postgresql://localhost:" + server.port() + "/postgres");
            try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT v FROM kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("still here");
            }
        }
        assertThat(dir.resolve(".retort").resolve("pg.log")).exists();
    }

    private static void execute(EmbeddedServer server, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement st = c.createStatement()) {
            for (String sql : statements) st.execute(sql);
        }
    }
}
