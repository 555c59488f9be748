package dev.retort;

/**
 * Row-level security of one table: whether its policies apply ({@code ENABLE ROW LEVEL SECURITY}) and
 * whether they apply to the table's owner too ({@code FORCE}). A table without one has neither.
 */
public record RowSecurity(String schema, String table, boolean enabled, boolean forced) {
    public static final RowSecurity NONE = new RowSecurity(null, "-", false, false);

    public RowSecurity {
        Identifiers.check("row-level security: table", table);
        if (schema != null) Identifiers.check("row-level security of " + table + ": schema", schema);
    }

    public String tableKey() {
        return schema == null ? table : schema + "." + table;
    }

    public RowSecurity withSchema(String newSchema) {
        return new RowSecurity(newSchema, table, enabled, forced);
    }

    public RowSecurity withTable(String newTable) {
        return new RowSecurity(schema, newTable, enabled, forced);
    }

    @Override
    public String toString() {
        return "row-level security on " + tableKey() + (enabled ? " enabled" : " disabled") + (forced ? ", forced" : "");
    }
}
