package dev.retort.spring;

import dev.retort.RetortException;
import dev.retort.api.ConfigurationException;
import dev.retort.api.Database;
import dev.retort.api.DatabaseDataSource;
import dev.retort.api.FanOutOptions;
import dev.retort.api.Jobs;
import dev.retort.api.Retort;
import dev.retort.api.RetortConfiguration;
import dev.retort.loader.LoadedModel;
import dev.retort.loader.ModelLoader;
import dev.retort.loader.ModelSource;
import dev.retort.spi.Dialects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ResourceLoader;

import javax.sql.DataSource;

/**
 * Retort in a Spring Boot application: with a DataSource and {@code retort.enabled} (the default),
 * every tenant is brought to head before JPA starts ({@link RetortMigrations}), and
 * {@link RetortTenants} is there for provisioning and migrating tenants at run time.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass(Retort.class)
@ConditionalOnBean(DataSource.class)
@ConditionalOnBooleanProperty(name = "retort.enabled", matchIfMissing = true)
@EnableConfigurationProperties(RetortProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public class RetortAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RetortTenants retortTenants(RetortProperties properties, DataSource dataSource, ObjectProvider<JdbcConnectionDetails> connection,
                                ObjectProvider<TenantSource> tenantSource, ResourceLoader resources) {
        ClassLoader loader = resources.getClassLoader() != null ? resources.getClassLoader() : RetortAutoConfiguration.class.getClassLoader();
        Database database = database(properties, connection.getIfAvailable());
        DataSource migrations = properties.getUrl() != null ? new DatabaseDataSource(dialect(database), database) : dataSource;
        RetortConfiguration configuration;
        try {
            configuration = Retort.configure().dataSource(migrations).classLoader(loader).migrations(properties.getMigrations());
        } catch (ConfigurationException e) {
            throw new RetortStartupException("retort.migrations: " + e.getMessage(), e);
        }
        if (properties.getLockTimeout() == null || properties.getLockTimeout().isNegative()) {
            throw new RetortStartupException("retort.lock-timeout must be zero or more");
        }
        configuration = configuration.lockTimeout(properties.getLockTimeout());
        LoadedModel model = model(properties, loader);
        if (model != null) configuration = configuration.model(model);
        FanOutOptions options;
        try {
            options = FanOutOptions.defaults()
                    .withJobs(properties.getJobs() != null ? properties.getJobs() : Jobs.byDefault())
                    .withFailFast(properties.isFailFast())
                    .withAllowEmpty(properties.isAllowEmpty());
        } catch (ConfigurationException e) {
            throw new RetortStartupException("retort.jobs: " + e.getMessage(), e);
        }
        Retort retort;
        try {
            retort = configuration.load();
        } catch (RetortException e) {
            throw new RetortStartupException((properties.getUrl() != null ? "retort.url: " : "retort: ") + e.getMessage(), e);
        }
        return new RetortTenants(retort, database, tenantSource.getIfAvailable(), properties.getTenants(), options);
    }

    @Bean
    @ConditionalOnMissingBean
    RetortMigrations retortMigrations(RetortTenants tenants, RetortProperties properties, ObjectProvider<RetortMigrationStrategy> strategy) {
        return new RetortMigrations(tenants, properties, strategy.getIfAvailable());
    }

    /** The actuator endpoint {@code retort}, when the actuator is there (exposed as management.endpoints.* says). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Endpoint.class)
    static class EndpointConfiguration {
        @Bean
        @ConditionalOnMissingBean
        RetortEndpoint retortEndpoint(RetortTenants tenants) {
            return new RetortEndpoint(tenants);
        }
    }

    /** Health {@code retort}, when Boot's health support is there ({@code management.health.retort.enabled}). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    @ConditionalOnEnabledHealthIndicator("retort")
    static class HealthConfiguration {
        @Bean
        @ConditionalOnMissingBean(name = "retortHealthIndicator")
        RetortHealthIndicator retortHealthIndicator(RetortTenants tenants) {
            return new RetortHealthIndicator(tenants);
        }
    }

    /**
     * Where the fan-out's pool connects: {@code retort.url} when set, else where the application's
     * DataSource does, as Spring Boot's connection details say (properties, Docker Compose, Testcontainers).
     */
    static Database database(RetortProperties properties, JdbcConnectionDetails details) {
        if (properties.getUrl() != null) {
            try {
                return new Database(properties.getUrl(), properties.getUser(), properties.getPassword());
            } catch (ConfigurationException e) {
                throw new RetortStartupException("retort.url: " + e.getMessage(), e);
            }
        }
        if (details == null || details.getJdbcUrl() == null) {
            throw new RetortStartupException("retort.url is not set and the application's DataSource has no connection details"
                    + " that tell where it connects: set retort.url (with retort.user and retort.password)");
        }
        return new Database(details.getJdbcUrl(), details.getUsername(), details.getPassword());
    }

    private static dev.retort.spi.Dialect dialect(Database database) {
        try {
            return Dialects.forUrl(database.url());
        } catch (ConfigurationException e) {
            throw new RetortStartupException("retort.url: " + e.getMessage(), e);
        }
    }

    /** {@code retort.model}: a class, or {@code jpa:PACKAGE}, from the application's own class loader. */
    static LoadedModel model(RetortProperties properties, ClassLoader loader) {
        String model = properties.getModel();
        if (model == null || model.isBlank()) return null;
        String text = model.strip();
        boolean jpa = text.startsWith("jpa:");
        String name = jpa ? text.substring("jpa:".length()).strip() : text;
        if (!ModelSource.JAVA_NAME.matcher(name).matches()) {
            throw new RetortStartupException("retort.model: '" + model + "' is neither a class name nor jpa:PACKAGE");
        }
        ModelSource source = jpa ? new ModelSource.JpaPackage(name, properties.getJpaNaming(), properties.getJpaValidation())
                : new ModelSource.ModelClass(name);
        try {
            return ModelLoader.inApplication(source, loader);
        } catch (RetortException e) {
            throw new RetortStartupException("retort.model: " + e.getMessage(), e);
        }
    }
}
