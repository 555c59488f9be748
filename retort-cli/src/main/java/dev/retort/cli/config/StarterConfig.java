package dev.retort.cli.config;

/**
 * The retort.yaml that {@code retort init} writes: every key, with a sentence on each. The keys
 * that have a useful value everywhere are set; the others are commented out with an example, and
 * uncommenting the examples gives a valid file (a test holds it to that).
 */
final class StarterConfig {
    private StarterConfig() {
    }

    static final String TEXT = """
            # Retort's configuration: the database, the revisions, and the model they describe.
            # Relative paths are relative to this file's directory. RETORT_URL, RETORT_PASSWORD and
            # TARGET_SCHEMA in the environment override the keys below, and --url and --schema on the
            # command line override those. `retort config` shows the settings in effect and their source.

            # The database, as a JDBC URL. Without one, Retort runs an embedded PostgreSQL whose data
            # lives in .retort/ beside this file.
            # url: jdbc:postgresql://localhost:5432/app

            # The database user.
            # user: app

            # The user's password. Prefer the RETORT_PASSWORD environment variable to writing it here.
            # password: change-me

            # The directory of revision files; classpath:db/retort reads them (read-only) from the
            # project's class path instead, so that the application's jar carries them.
            migrations: migrations

            # The model the database is compared with: a class of your application that implements
            # dev.retort.ModelProvider, or has a public static metadata() method returning a MetaData,
            # or a public static final MetaData METADATA field. To read JPA entities instead, name
            # their package: {jpa: com.example.db.entities, naming: snake_case}, where naming is jpa
            # (the specification's names, the default) or snake_case (Spring Boot's); without
            # Hibernate Validator in the application, add "validation: none" to that mapping.
            # model: com.example.db.TenantModel

            # Where the model's classes are: directories and jars (dir/* for all the jars in dir).
            # Without it, Retort compiles the Maven project whose pom.xml is beside this file and uses
            # its classpath.
            # classpath:
            #   - target/classes
            #   - lib/*

            # The table, in each tenant schema, that records which revisions are applied.
            version_table: retort_version

            # The schema to work on when neither --schema nor TARGET_SCHEMA names one.
            # schema: tenant_a

            # The names tenant schemas may have, as a Java regular expression matching the whole name.
            # Retort refuses any other name before it touches a schema. By default every name but those
            # holding quotes, semicolons, backslashes or control characters.
            # tenant_name_pattern: '[a-z][a-z0-9_]*'

            # The tenant schemas for commands over many tenants: a list of names, a name pattern, or a
            # query that returns schema names; shards are further databases, each with its tenants.
            # tenants:
            #   pattern: tenant_*
            #   shards:
            #     - url: jdbc:postgresql://db2.example.com:5432/app
            #       tenants:
            #         query: select schema_name from public.tenants

            # How long a revision's statement may wait for a lock the application holds before the
            # revision is rolled back and tried again (0: no bound); --ddl-lock-timeout wins.
            # ddl_lock_timeout: 5s

            # How long a revision's statement may run (0: no bound); by default the session's own.
            # statement_timeout: 10m

            # Tries per revision when a statement waited longer than ddl_lock_timeout.
            # ddl_attempts: 3
            """;
}
