package dev.retort.api;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Which tenant schemas of one database a command works on: an explicit list, a name pattern matched
 * against the catalog, or a SQL query that returns schema names. The fan-out turns a spec
 * into names on a live database.
 *
 * <p>The command-line form ({@code --tenants SPEC}), read by {@link #parse}:
 * <ul>
 *   <li>{@code a,b,c}: these schemas, in this order (spaces around names dropped); an element holding
 *       {@code *} or {@code ?} is a pattern, so {@code acme,tenant_*} is acme and then every existing
 *       schema whose whole name matches {@code tenant_*}, {@code *} standing for any run of characters
 *       and {@code ?} for one;</li>
 *   <li>{@code list:a,b,c}: these names exactly, wildcards included;</li>
 *   <li>{@code pattern:tenant_*}: one pattern, commas included;</li>
 *   <li>{@code query:SELECT ...}: the names in the first column of the query's rows.</li>
 * </ul>
 * A spec that resolves to no tenant, or a pattern of it that matches no schema, is an error unless
 * the run allows it ({@link FanOutOptions#allowEmpty}): a typo must not pass for an empty fleet.
 */
public sealed interface TenantSpec {
    String LIST_PREFIX = "list:";
    String PATTERN_PREFIX = "pattern:";
    String QUERY_PREFIX = "query:";

    /** For people: {@code list [a, b]}, {@code pattern tenant_*}, {@code query SELECT ...}. */
    String describe();

    /** These schemas; duplicates are dropped, the first occurrence keeps its place. */
    record Listed(List<String> schemas) implements TenantSpec {
        public Listed {
            if (schemas.isEmpty()) throw new ConfigurationException("the tenant list is empty");
            schemas = List.copyOf(new LinkedHashSet<>(schemas));
        }

        @Override
        public String describe() {
            return "list " + schemas.stream().map(TenantNames::display).toList();
        }
    }

    /** The existing schemas whose names match a {@link SchemaPattern}. */
    record Pattern(SchemaPattern pattern) implements TenantSpec {
        public static Pattern of(String glob) {
            return new Pattern(SchemaPattern.of(glob));
        }

        @Override
        public String describe() {
            return "pattern " + pattern.glob();
        }
    }

    /**
     * The names a query returns, run as the operator wrote it: it is configuration, like the URL, not
     * input from tenants. It runs in a read-only transaction that is rolled back.
     */
    record Query(String sql) implements TenantSpec {
        public Query {
            if (sql == null || sql.isBlank()) throw new ConfigurationException("the tenant query is empty");
            sql = sql.strip();
        }

        @Override
        public String describe() {
            return "query " + sql;
        }
    }

    /**
     * Several specs in one, resolved in order, each tenant once: what {@code acme,tenant_*} reads as.
     *
     * @param parts listed names and patterns
     */
    record Union(List<TenantSpec> parts) implements TenantSpec {
        public Union {
            if (parts.isEmpty()) throw new ConfigurationException("the tenant spec is empty");
            parts = List.copyOf(parts);
        }

        @Override
        public String describe() {
            return String.join(", ", parts.stream().map(TenantSpec::describe).toList());
        }
    }

    /**
     * Reads the command-line form described on this interface.
     *
     * @throws ConfigurationException saying what is wrong with the spec
     */
    static TenantSpec parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new ConfigurationException("the tenant spec is empty: give a,b,c, pattern:GLOB or query:SQL");
        }
        String text = spec.strip();
        if (text.startsWith(QUERY_PREFIX)) return new Query(text.substring(QUERY_PREFIX.length()));
        if (text.startsWith(PATTERN_PREFIX)) return Pattern.of(text.substring(PATTERN_PREFIX.length()).strip());
        if (text.startsWith(LIST_PREFIX)) return new Listed(elements(text.substring(LIST_PREFIX.length())));
        List<String> elements = elements(text);
        if (elements.stream().noneMatch(SchemaPattern::isPattern)) return new Listed(elements);
        if (elements.size() == 1) return Pattern.of(elements.get(0));
        // Runs of names stay one list, so that acme,globex,tenant_* reads as [acme, globex] then tenant_*.
        List<TenantSpec> parts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String element : elements) {
            if (!SchemaPattern.isPattern(element)) {
                names.add(element);
                continue;
            }
            if (!names.isEmpty()) parts.add(new Listed(names));
            names = new ArrayList<>();
            parts.add(Pattern.of(element));
        }
        if (!names.isEmpty()) parts.add(new Listed(names));
        return new Union(parts);
    }

    private static List<String> elements(String text) {
        List<String> names = new ArrayList<>();
        String[] parts = text.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            String name = parts[i].strip();
            if (name.isEmpty()) {
                throw new ConfigurationException("the tenant list '" + TenantNames.display(text) + "' has an empty name at position " + (i + 1));
            }
            names.add(name);
        }
        return names;
    }
}
