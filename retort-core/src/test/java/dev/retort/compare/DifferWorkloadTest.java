package dev.retort.compare;

import dev.retort.Dsl;
import dev.retort.MetaData;
import dev.retort.operations.TableOps.CreateTable;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.retort.Dsl.column;
import static dev.retort.Dsl.index;
import static dev.retort.Dsl.unique;
import static dev.retort.Types.BIGINT;
import static dev.retort.Types.BOOLEAN;
import static dev.retort.Types.TEXT;
import static dev.retort.Types.TIMESTAMP;
import static dev.retort.Types.numeric;
import static dev.retort.Types.varchar;
import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark workload's model (../shared/bench/WORKLOAD.md): a chain of 1000 tables. */
class DifferWorkloadTest {

    static MetaData workload(int n) {
        MetaData md = new MetaData();
        // Defined last table first, so that only the dependency order can put t0000 first.
        for (int i = n - 1; i >= 0; i--) {
            String name = String.format("t%04d", i);
            List<Dsl.TableElement> elements = new ArrayList<>(List.of(
                    column("id", BIGINT).primaryKey().autoIncrement(),
                    column("name", varchar(100)).notNull(),
                    column("created_at", TIMESTAMP).defaultExpr("now()"),
                    column("amount", numeric(12, 2)),
                    column("flag", BOOLEAN).notNull().defaultExpr("false"),
                    column("payload", TEXT),
                    unique("name"), index("created_at")));
            if (i > 0) {
                elements.add(column("ref_id", BIGINT).references(String.format("t%04d.id", i - 1)));
                elements.add(index("ref_id"));
            }
            md.table(name, elements.toArray(Dsl.TableElement[]::new));
        }
        return md;
    }

    @Test
    void aThousandTablesCreatedInDependencyOrderThenNothingLeftToDo() {
        MetaData model = workload(1000).withSchema("tenant_a");
        Diff initial = Differ.compare(model, new MetaData());
        assertThat(initial.size()).isEqualTo(1000);
        assertThat(((CreateTable) initial.operations().get(0)).table().name()).isEqualTo("t0000");
        assertThat(((CreateTable) initial.operations().get(999)).table().name()).isEqualTo("t0999");

        MetaData database = workload(1000).withSchema("tenant_b").withSchema("tenant_a");
        long start = System.nanoTime();
        Diff noop = Differ.compare(model, database);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(noop.operations()).isEmpty();
        System.out.println("compare of 1000 up-to-date tables: " + millis + " ms");
    }
}
