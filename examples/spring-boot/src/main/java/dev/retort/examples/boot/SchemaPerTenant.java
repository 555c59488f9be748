package dev.retort.examples.boot;

import org.hibernate.cfg.MultiTenancySettings;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;
import org.hibernate.engine.jdbc.connections.spi.MultiTenantConnectionProvider;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Hibernate's schema-per-tenant mode: each session's connection has the tenant's schema as its
 * schema ({@link Connection#setSchema}, which the driver quotes), so the entities, which name no
 * schema, are the tenant's tables. Outside a tenant, sessions use {@code public}.
 */
@Configuration(proxyBeanMethods = false)
class SchemaPerTenant {
    static final String NO_TENANT = "public";

    @Bean
    HibernatePropertiesCustomizer schemaPerTenantConnections(DataSource dataSource) {
        return properties -> {
            properties.put(MultiTenancySettings.MULTI_TENANT_CONNECTION_PROVIDER, new Connections(dataSource));
            properties.put(MultiTenancySettings.MULTI_TENANT_IDENTIFIER_RESOLVER, new CurrentTenant());
        };
    }

    static final class CurrentTenant implements CurrentTenantIdentifierResolver<String> {
        @Override
        public String resolveCurrentTenantIdentifier() {
            String tenant = TenantContext.current();
            return tenant != null ? tenant : NO_TENANT;
        }

        @Override
        public boolean validateExistingCurrentSessions() {
            return true;
        }
    }

    static final class Connections implements MultiTenantConnectionProvider<String> {
        private final transient DataSource dataSource;

        Connections(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        @Override
        public Connection getAnyConnection() throws SQLException {
            return dataSource.getConnection();
        }

        @Override
        public void releaseAnyConnection(Connection connection) throws SQLException {
            connection.close();
        }

        @Override
        public Connection getConnection(String tenant) throws SQLException {
            Connection connection = dataSource.getConnection();
            try {
                connection.setSchema(tenant);
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            return connection;
        }

        @Override
        public void releaseConnection(String tenant, Connection connection) throws SQLException {
            // the pool gives the next borrower its original schema back
            connection.close();
        }

        @Override
        public boolean supportsAggressiveRelease() {
            return false;
        }

        @Override
        public boolean isUnwrappableAs(Class<?> type) {
            return false;
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            throw new UnsupportedOperationException("cannot unwrap " + type);
        }
    }
}
