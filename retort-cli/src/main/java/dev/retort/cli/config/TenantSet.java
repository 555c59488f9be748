package dev.retort.cli.config;

import java.util.List;

/**
 * Which tenant schemas a command over many tenants works on, as retort.yaml states it. Nothing here
 * resolves the set against a database: that is the fan-out's job.
 */
public sealed interface TenantSet {

    /** For people, as {@code retort config} prints it. */
    String describe();

    /** These schemas. */
    record Listed(List<String> schemas) implements TenantSet {
        public Listed {
            schemas = List.copyOf(schemas);
        }

        @Override
        public String describe() {
            return "list " + schemas;
        }
    }

    /** The schemas whose names match a pattern such as {@code tenant_*}. */
    record Pattern(String pattern) implements TenantSet {
        @Override
        public String describe() {
            return "pattern " + pattern;
        }
    }

    /** The schema names a SQL query returns. */
    record Query(String sql) implements TenantSet {
        @Override
        public String describe() {
            return "query " + sql;
        }
    }
}
