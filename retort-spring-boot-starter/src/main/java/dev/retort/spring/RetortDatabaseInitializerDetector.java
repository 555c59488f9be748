package dev.retort.spring;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

import java.util.Set;

/**
 * Tells Spring Boot that {@link RetortMigrations} initializes the database, so that the
 * EntityManagerFactory, JdbcTemplate and beans marked {@code @DependsOnDatabaseInitialization} are
 * created after it (registered in {@code META-INF/spring.factories}).
 */
class RetortDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {
    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(RetortMigrations.class);
    }
}
