package dev.retort.internal.lint;

import dev.retort.api.LintFinding;
import dev.retort.spi.Dialect;
import dev.retort.spi.TableSize;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tables lint findings are about, measured across tenants: row estimates and sizes read with the
 * dialect in bulk, one call per batch of tenants whatever the number of tables, summed over shards.
 */
public final class TableWeights {
    /** Tenants per catalog read: bounds the size of the bound arrays, as the bulk survey does. */
    static final int BATCH = 500;

    private final Map<String, Tally> tenantTables = new LinkedHashMap<>();
    private final Map<String, Tally> fixedTables = new LinkedHashMap<>();

    /** A running sum over the tenants read so far. */
    private static final class Tally {
        int tenants;
        int withTable;
        long rows;
        long bytes;
        String largestTenant;
        long largestRows = -1;

        void add(String tenant, TableSize size) {
            withTable++;
            rows += size.rows();
            bytes += size.bytes();
            if (size.rows() > largestRows) {
                largestRows = size.rows();
                largestTenant = tenant;
            }
        }

        LintFinding.Weight weight(String table) {
            return new LintFinding.Weight(table, tenants, withTable, rows, bytes, largestTenant, Math.max(largestRows, 0));
        }
    }

    /**
     * @param found the findings to weigh: those about a tenant's table are measured in every tenant, those
     *              about a table in a fixed schema in that schema
     */
    public TableWeights(Collection<Linter.Found> found) {
        for (Linter.Found f : found) {
            if (f.table() == null) continue;
            if (f.schema() == null) tenantTables.putIfAbsent(f.table(), new Tally());
            else fixedTables.putIfAbsent(key(f.schema(), f.table()), new Tally());
        }
    }

    /** Reads one shard's tenants (and the fixed schemas' tables, once: give {@code fixed} for one shard only). */
    public void read(Dialect dialect, Connection connection, List<String> tenants, boolean fixed) throws SQLException {
        if (!tenantTables.isEmpty()) {
            Set<String> names = tenantTables.keySet();
            for (int from = 0; from < tenants.size(); from += BATCH) {
                List<String> batch = tenants.subList(from, Math.min(tenants.size(), from + BATCH));
                Map<String, Map<String, TableSize>> sizes = dialect.tableSizes(connection, batch, names);
                for (Map.Entry<String, Tally> e : tenantTables.entrySet()) {
                    Tally t = e.getValue();
                    t.tenants += batch.size();
                    for (String tenant : batch) {
                        TableSize size = sizes.getOrDefault(tenant, Map.of()).get(e.getKey());
                        if (size != null) t.add(tenant, size);
                    }
                }
            }
        }
        if (fixed && !fixedTables.isEmpty()) {
            Map<String, List<String>> bySchema = new LinkedHashMap<>();
            for (String k : fixedTables.keySet()) bySchema.computeIfAbsent(schemaOf(k), s -> new ArrayList<>()).add(tableOf(k));
            List<String> tables = bySchema.values().stream().flatMap(List::stream).distinct().toList();
            Map<String, Map<String, TableSize>> sizes = dialect.tableSizes(connection, bySchema.keySet(), tables);
            for (Map.Entry<String, Tally> e : fixedTables.entrySet()) {
                Tally t = e.getValue();
                t.tenants = 1;
                TableSize size = sizes.getOrDefault(schemaOf(e.getKey()), Map.of()).get(tableOf(e.getKey()));
                if (size != null) t.add(schemaOf(e.getKey()), size);
            }
        }
    }

    /** The finding with the weight of its table; unchanged when it is about none. */
    public LintFinding weigh(Linter.Found f) {
        if (f.table() == null) return f.finding();
        Tally t = f.schema() == null ? tenantTables.get(f.table()) : fixedTables.get(key(f.schema(), f.table()));
        return f.finding().withWeight(t.weight(f.schema() == null ? f.table() : f.schema() + "." + f.table()));
    }

    private static String key(String schema, String table) {
        return schema + "\u0000" + table;
    }

    private static String schemaOf(String key) {
        return key.substring(0, key.indexOf('\u0000'));
    }

    private static String tableOf(String key) {
        return key.substring(key.indexOf('\u0000') + 1);
    }
}
