package dev.retort.jpa;

import dev.retort.MetaData;
import dev.retort.operations.TableOps;
import dev.retort.testkit.TestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import static dev.retort.Types.TEXT;
import static dev.retort.Types.nativeType;
import static dev.retort.Types.numeric;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hibernate ORM works against the schema Retort makes, where Retort's types differ from the ones
 * Hibernate would choose or where Hibernate's bindings decide them: a {@code @Lob String} in a text
 * column (Hibernate would make an oid), a {@code @Lob byte[]} as an oid, a Duration as numeric.
 */
class LobOnTextTest {

    @Entity(name = "Document")
    static class Document {
        @Id
        Long id;
        @Lob
        String body;
        @Lob
        byte[] scan;
        Duration reading;
    }

    @Test
    void hibernateWritesAndReadsTheColumnsRetortMakes() throws Exception {
        MetaData model = JpaModel.of(Document.class);
        assertThat(model.get("document").column("body").orElseThrow().type()).isEqualTo(TEXT);
        assertThat(model.get("document").column("scan").orElseThrow().type()).isEqualTo(nativeType("oid"));
        assertThat(model.get("document").column("reading").orElseThrow().type()).isEqualTo(numeric(21, 0));

        TestDatabase db = TestDatabase.postgres();
        String schema = db.createSchema("lob_on_text");
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            for (String sql : ParityDatabases.DIALECT.render(new TableOps.CreateTable(model.get("document")), schema)) st.execute(sql);
        }
        String url = db.jdbcUrl() + (db.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema;
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySettings(Map.of("jakarta.persistence.jdbc.url", url, "hibernate.default_schema", schema)).build();
        try (SessionFactory sf = new MetadataSources(registry).addAnnotatedClass(Document.class).buildMetadata().buildSessionFactory()) {
            sf.inTransaction(s -> {
                Document d = new Document();
                d.id = 1L;
                d.body = "a long text";
                d.scan = new byte[] {1, 2, 3};
                d.reading = Duration.ofMinutes(90);
                s.persist(d);
            });
            Document back = sf.fromTransaction(s -> s.find(Document.class, 1L));
            assertThat(back.body).isEqualTo("a long text");
            assertThat(back.scan).containsExactly(1, 2, 3);
            assertThat(back.reading).isEqualTo(Duration.ofMinutes(90));
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }
}
