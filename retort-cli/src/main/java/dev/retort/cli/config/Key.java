package dev.retort.cli.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The keys of retort.yaml, in the order the starter file and {@code retort config} show them. */
public enum Key {
    URL("url"),
    USER("user"),
    PASSWORD("password"),
    MIGRATIONS("migrations"),
    MODEL("model"),
    CLASSPATH("classpath"),
    VERSION_TABLE("version_table"),
    SCHEMA("schema"),
    TENANT_NAME_PATTERN("tenant_name_pattern"),
    TENANTS("tenants"),
    DDL_LOCK_TIMEOUT("ddl_lock_timeout"),
    STATEMENT_TIMEOUT("statement_timeout"),
    DDL_ATTEMPTS("ddl_attempts");

    private final String yamlName;

    Key(String yamlName) {
        this.yamlName = yamlName;
    }

    /** The key as written in retort.yaml. */
    public String yamlName() {
        return yamlName;
    }

    public static Optional<Key> byYamlName(String name) {
        return Arrays.stream(values()).filter(k -> k.yamlName.equals(name)).findFirst();
    }

    public static List<String> yamlNames() {
        return Arrays.stream(values()).map(Key::yamlName).toList();
    }
}
