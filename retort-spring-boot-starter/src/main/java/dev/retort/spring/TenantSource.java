package dev.retort.spring;

import java.util.List;

/**
 * The application's tenant registry, as a bean: the schemas Retort migrates, asked each time Retort
 * works on the tenants (at startup, for health, for the actuator endpoint). It replaces
 * {@code retort.tenants}.
 *
 * <p>It is asked before JPA starts (migrations come first), so it must read the registry with plain
 * JDBC on the DataSource, not through a JPA repository or a JdbcTemplate, which wait for migrations.
 */
@FunctionalInterface
public interface TenantSource {

    /** The tenant schemas, each a schema name exactly as in the database. */
    List<String> tenants();
}
