/** The PostgreSQL dialect: {@code PostgresDialect} alone is public, and registered for {@code ServiceLoader}. */
module dev.retort.postgres {
    requires transitive dev.retort.engine;
    requires org.postgresql.jdbc;

    exports dev.retort.postgres;

    provides dev.retort.spi.Dialect with dev.retort.postgres.PostgresDialect;
}
