/**
 * The facade and its values ({@code dev.retort.api}) and the dialect SPI ({@code dev.retort.spi}).
 * The runner, version tables, authoring, autogenerate, tenants and the fan-out are machinery
 * ({@code dev.retort.internal.*}); the JDBC helpers are shared with the dialect and the embedded
 * server only.
 */
module dev.retort.engine {
    requires transitive dev.retort.core;
    requires transitive java.sql;
    requires com.zaxxer.hikari;
    requires org.slf4j;
    requires com.fasterxml.jackson.core;

    exports dev.retort.api;
    exports dev.retort.spi;
    exports dev.retort.internal.jdbc to dev.retort.postgres, dev.retort.embedded;

    uses dev.retort.spi.Dialect;
}
