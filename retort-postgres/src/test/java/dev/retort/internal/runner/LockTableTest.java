package dev.retort.internal.runner;

import dev.retort.api.MigrationException;
import dev.retort.MetaData;
import dev.retort.operations.Operation;
import dev.retort.operations.TableOps;
import dev.retort.revision.Revision;
import dev.retort.testkit.TestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.retort.Dsl.column;
import static dev.retort.Types.INTEGER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A revision that takes more locks than one transaction may hold fails for its tenant with a message
 * that says what to do, and the tenant stays where it was. A server of its own with the smallest lock
 * table PostgreSQL allows, so that a few hundred tables are enough.
 */
class LockTableTest {

    @Test
    void aRevisionTooLargeForTheLockTableSaysWhatToDo(@TempDir Path dir) throws Exception {
        try (EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setServerConfig("max_locks_per_transaction", "10")
                .setServerConfig("max_connections", "5")
                .start()) {
            TestDatabase db = TestDatabase.postgres();
            Project p = new Project(db, dir);
            Revision initial = p.initial();
            List<Operation> many = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                many.add(new TableOps.CreateTable(new MetaData().table("many_" + i, column("id", INTEGER).primaryKey())));
            }
            Revision big = p.create("many tables", many);
            String url = server.getJdbcUrl("postgres", "postgres");
            var retort = dev.retort.api.Retort.configure().dataSource(TestDatabase.dataSource(url)).migrations(dir).load();
            retort.upgrade(initial.id(), "tenant");

            assertThatThrownBy(() -> retort.upgrade("head", "tenant"))
                    .isInstanceOf(MigrationException.class)
                    .hasMessage("schema tenant: revision " + big + " failed and was rolled back (the schema stays at " + initial.id()
                            + "): it takes more locks than one transaction may hold: raise max_locks_per_transaction on the server, "
                            + "or split the revision");
            assertThat(retort.current("tenant").heads()).singleElement()
                    .satisfies(h -> assertThat(h.id()).isEqualTo(initial.id()));
        }
    }
}
