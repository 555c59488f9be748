package dev.retort.bench;

import dev.retort.MetaData;

import static dev.retort.Dsl.column;
import static dev.retort.Dsl.index;
import static dev.retort.Dsl.unique;
import static dev.retort.Types.BIGINT;
import static dev.retort.Types.BOOLEAN;
import static dev.retort.Types.TEXT;
import static dev.retort.Types.TIMESTAMP;
import static dev.retort.Types.numeric;
import static dev.retort.Types.varchar;

/**
 * The benchmark model of shared/bench/WORKLOAD.md: tables t0000..t(N-1), each with a bigserial key,
 * six data columns, a unique name and two indexes, every table after the first referring to the one
 * before it. Schema-agnostic, like every Retort model.
 */
public final class WorkloadModel {
    private WorkloadModel() {
    }

    public static MetaData of(int tables) {
        MetaData md = new MetaData();
        for (int i = 0; i < tables; i++) {
            String name = tableName(i);
            if (i == 0) {
                md.table(name, columns(name, null));
            } else {
                md.table(name, columns(name, tableName(i - 1)));
            }
        }
        return md;
    }

    public static String tableName(int i) {
        return String.format("t%04d", i);
    }

    private static dev.retort.Dsl.TableElement[] columns(String name, String previous) {
        var elements = new java.util.ArrayList<dev.retort.Dsl.TableElement>(java.util.List.of(
                column("id", BIGINT).primaryKey().autoIncrement(),
                column("name", varchar(100)).notNull(),
                column("created_at", TIMESTAMP).defaultExpr("now()"),
                column("amount", numeric(12, 2)),
                column("flag", BOOLEAN).notNull().defaultExpr("false"),
                column("payload", TEXT)));
        if (previous != null) elements.add(column("ref_id", BIGINT).references(previous + ".id"));
        elements.add(unique("name"));
        elements.add(index("created_at"));
        if (previous != null) elements.add(index("ref_id"));
        return elements.toArray(dev.retort.Dsl.TableElement[]::new);
    }
}
