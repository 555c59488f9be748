/**
 * Retort's model, the differ, operations and revision values: no JDBC. The revision files' reading,
 * writing and graph ({@code dev.retort.internal.revision}) are machinery, open to Retort's engine only;
 * the SQL lexer ({@code dev.retort.internal.sql}) to the PostgreSQL dialect, which shares its rules.
 */
module dev.retort.core {
    requires org.yaml.snakeyaml;

    exports dev.retort;
    exports dev.retort.compare;
    exports dev.retort.operations;
    exports dev.retort.revision;
    exports dev.retort.internal.revision to dev.retort.engine;
    exports dev.retort.internal.sql to dev.retort.postgres;
}
