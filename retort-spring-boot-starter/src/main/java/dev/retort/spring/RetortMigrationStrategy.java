package dev.retort.spring;

/**
 * Replaces the run at startup ({@code retort.on-startup}): declare a bean of this type and Retort
 * calls it, before JPA starts, instead of its own run. The strategy decides what to migrate and what
 * a failure means, through the {@link RetortTenants} it is given.
 *
 * <pre>{@code
 * @Bean
 * RetortMigrationStrategy onlyPaying(RegistryDao registry) {
 *     return tenants -> tenants.upgrade(registry.payingTenants()).forEach(...);
 * }
 * }</pre>
 */
@FunctionalInterface
public interface RetortMigrationStrategy {

    void migrate(RetortTenants tenants);
}
