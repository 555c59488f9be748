package dev.retort.reliability;

import dev.retort.MetaData;
import dev.retort.compare.Differ;
import dev.retort.internal.revision.RevisionWriter;
import dev.retort.internal.revision.Revisions;
import dev.retort.operations.Operation;
import dev.retort.operations.Sql;
import dev.retort.revision.Revision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.retort.Dsl.CASCADE;
import static dev.retort.Dsl.check;
import static dev.retort.Dsl.column;
import static dev.retort.Dsl.comment;
import static dev.retort.Dsl.index;
import static dev.retort.Dsl.unique;
import static dev.retort.Types.BIGINT;
import static dev.retort.Types.BOOLEAN;
import static dev.retort.Types.INTEGER;
import static dev.retort.Types.JSONB;
import static dev.retort.Types.TEXT;
import static dev.retort.Types.TIMESTAMPTZ;
import static dev.retort.Types.arrayOf;
import static dev.retort.Types.enumType;
import static dev.retort.Types.numeric;
import static dev.retort.Types.varchar;

/**
 * A chain of four revision files as autogenerate writes them (the differ between successive models,
 * then the writer): tables with keys, checks, indexes, comments, an enum, identities, defaults, then
 * added and altered columns, hand-written SQL, and a table dropped. What the fuzzer mutates.
 */
final class RealRevisions {
    static final List<String> IDS = List.of("a1b2c3d4e5f6", "0f1e2d3c4b5a", "9a8b7c6d5e4f", "c0ffee000001");

    final Map<String, String> files = new LinkedHashMap<>();

    RealRevisions() {
        List<MetaData> models = List.of(new MetaData(), shop(false, false), shop(true, false), shop(true, true));
        Instant t = Instant.parse("2026-11-01T09:00:00Z");
        for (int i = 0; i < IDS.size(); i++) {
            List<Operation> ops = new ArrayList<>(i == 3
                    ? List.of(new Sql("UPDATE ${schema}.customer SET note = 'migrated' WHERE note IS NULL", "SELECT 1"))
                    : Differ.compare(models.get(i + 1), models.get(i)).operations());
            Revision r = Revision.fromOperations(IDS.get(i), i == 0 ? List.of() : List.of(IDS.get(i - 1)),
                    "step " + i, t.plusSeconds(3600L * i), ops);
            String text = RevisionWriter.write(r);
            if (i == 2) text = text.replaceFirst("(?m)^upgrade:", "lock_timeout: 2s\nstatement_timeout: 1m\nupgrade:");
            files.put(Revisions.fileName(r), text);
        }
    }

    private static MetaData shop(boolean second, boolean third) {
        MetaData md = new MetaData();
        var status = enumType("order_status", "new", "paid", "shipped");
        md.table("customer",
                column("id", BIGINT).primaryKey().identity(),
                column("name", varchar(100)).notNull().comment("display name"),
                column("email", TEXT).unique(),
                column("created_at", TIMESTAMPTZ).notNull().defaultExpr("now()"),
                column("note", second ? TEXT : varchar(200)),
                check("char_length(name) > 0"),
                comment("people who buy"));
        md.table("orders",
                column("id", BIGINT).primaryKey().autoIncrement(),
                column("customer_id", BIGINT).notNull().references("customer.id").onDelete(CASCADE),
                column("amount", numeric(12, 2)).notNull().defaultExpr("0"),
                column("status", status).notNull().defaultExpr("'new'"),
                column("tags", arrayOf(TEXT)),
                column("paid", BOOLEAN).notNull().defaultExpr("false"),
                index("customer_id", "status"), unique("customer_id", "id"));
        if (!second) md.table("audit", column("id", INTEGER).primaryKey(), column("payload", JSONB));
        if (second) md.table("invoice", column("id", BIGINT).primaryKey(), column("order_id", BIGINT).references("orders.id"),
                column("total", numeric(14, 2)), index("order_id").where("total > 0"));
        return md;
    }
}
