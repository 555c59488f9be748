package dev.retort.postgres;

import dev.retort.api.Database;
import dev.retort.api.DatabaseException;
import dev.retort.spi.Dialects;
import dev.retort.testkit.MatrixTest;
import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresDialectTest {

    @Test
    void quotingKeepsEveryNameExactly() {
        assertThat(PostgresSql.quote("simple")).isEqualTo("\"simple\"");
        assertThat(PostgresSql.quote("MixedCase")).isEqualTo("\"MixedCase\"");
        assertThat(PostgresSql.quote("select")).isEqualTo("\"select\"");
        assertThat(PostgresSql.quote("a\"b")).isEqualTo("\"a\"\"b\"");
        assertThat(PostgresSql.quote("\"; DROP SCHEMA public CASCADE; --")).isEqualTo("\"\"\"; DROP SCHEMA public CASCADE; --\"");
        assertThat(PostgresSql.quote("ünïcödé 表")).isEqualTo("\"ünïcödé 表\"");
        assertThatThrownBy(() -> PostgresSql.quote("a\0b")).hasMessageContaining("NUL");
        assertThatThrownBy(() -> PostgresSql.quote("")).hasMessageContaining("empty");
        assertThat(PostgresSql.qualify("s", "t")).isEqualTo("\"s\".\"t\"");
        assertThat(PostgresSql.qualify(null, "t")).isEqualTo("\"t\"");
    }

    @Test
    void literalsKeepEveryTextExactly() {
        assertThat(PostgresSql.literal("it's")).isEqualTo("'it''s'");
        assertThat(PostgresSql.literal("back\\slash's")).isEqualTo("E'back\\\\slash''s'");
        assertThat(PostgresSql.dollarQuote("x $retort$ y")).startsWith("$retort1$").endsWith("$retort1$");
    }

    @Test
    void theDialectIsFoundByUrl() {
        assertThat(Dialects.forUrl("jdbc:postgresql://h/db")).isInstanceOf(PostgresDialect.class);
        assertThat(Dialects.named("PostgreSQL").name()).isEqualTo("postgresql");
    }

    @MatrixTest
    void literalsRoundTripThroughTheServer(TestDatabase db) throws SQLException {
        for (String text : new String[] {"it's", "back\\slash", "two\\\\", "ünïcödé", "$$", "'; DROP TABLE x; --"}) {
            assertThat(Pg.query(db, "SELECT " + PostgresSql.literal(text))).containsExactly(text);
        }
    }

    @MatrixTest
    void connectionProblemsAreOneLineWithoutThePassword(TestDatabase db) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Database unreachable = Database.of("jdbc:postgresql://127.0.0.1:" + closedPort + "/x?password=s3cret&connectTimeout=2");
        assertThatThrownBy(() -> PostgresConnections.open(unreachable))
                .isInstanceOf(DatabaseException.class)
                .hasMessageStartingWith("cannot connect to PostgreSQL at 127.0.0.1:" + closedPort + ": ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret").doesNotContain("\n"));

        String url = db.jdbcUrl();
        String missingDb = url.replaceFirst("/[^/?]*(\\?|$)", "/no_such_db_retort$1");
        assertThatThrownBy(() -> PostgresConnections.open(Database.of(missingDb).withCredentials(null, "s3cret")))
                .hasMessage("database no_such_db_retort does not exist on " + PostgresConnections.server(url));

        assertThatThrownBy(() -> PostgresConnections.open(Database.of(url).withCredentials("no_such_user_retort", "s3cret")))
                .hasMessageStartingWith("authentication failed for user no_such_user_retort on ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret"));

        try (Connection c = new PostgresDialect().connect(Database.of(url))) {
            assertThat(c.isValid(2)).isTrue();
        }
    }

    @MatrixTest
    void credentialsInTheUrlsAuthorityAreRefusedWithWhereTheyGo(TestDatabase db) {
        String url = db.jdbcUrl();
        String withUserInfo = url.replaceFirst("//", "//someone:s3cret@");
        assertThatThrownBy(() -> PostgresConnections.open(Database.of(withUserInfo)))
                .isInstanceOf(DatabaseException.class)
                .hasMessage("the PostgreSQL driver does not take a user and password before the host ("
                        + Database.redact(withUserInfo) + "): give them as the URL's user and password parameters, or apart "
                        + "(--user, RETORT_PASSWORD)")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret"));
    }

    @MatrixTest
    void theSchemaLockSerialisesRunnersOfOneSchemaOnly(TestDatabase db) throws SQLException {
        PostgresDialect d = new PostgresDialect();
        String schema = db.createSchema("locked");
        try (Connection first = db.connect(); Connection second = db.connect()) {
            d.lockSchema(first, schema, "retort_version", Duration.ofSeconds(1));
            assertThatThrownBy(() -> d.lockSchema(second, schema, "retort_version", Duration.ofMillis(200)))
                    .isInstanceOf(SQLException.class).hasMessageContaining("being migrated by another process");
            d.lockSchema(second, schema + "_other", "retort_version", Duration.ofMillis(200));
            d.unlockSchema(second, schema + "_other", "retort_version");
            d.unlockSchema(first, schema, "retort_version");
            d.lockSchema(second, schema, "retort_version", Duration.ofSeconds(1));
            d.unlockSchema(second, schema, "retort_version");
        }
    }

    @MatrixTest
    void existingSchemasLeaveOutTheSystemOnes(TestDatabase db) throws SQLException {
        String schema = db.createSchema("listed");
        try (Connection c = db.connect()) {
            assertThat(new PostgresDialect().existingSchemas(c)).contains(schema, "public")
                    .doesNotContain("pg_catalog", "information_schema", "pg_toast");
        }
    }
}
