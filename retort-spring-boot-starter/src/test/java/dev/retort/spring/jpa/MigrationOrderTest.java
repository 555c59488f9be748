package dev.retort.spring.jpa;

import dev.retort.spring.RetortAutoConfiguration;
import dev.retort.testkit.TestDatabase;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migrations finish before JPA starts, and before every bean marked
 * {@code @DependsOnDatabaseInitialization}, through Boot's database-initializer detection: Hibernate
 * validates the tenant's tables when its EntityManagerFactory is built, and would fail without them.
 */
class MigrationOrderTest {

    /** Bean names in the order their initialization finished. */
    static final List<String> ORDER = Collections.synchronizedList(new ArrayList<>());

    /** Reads the tenant's table when it is created: it must be there. */
    static final class TenantReader {
        final int rows;

        TenantReader(DataSource dataSource) {
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM acme.test")) {
                rs.next();
                rows = rs.getInt(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    @AutoConfigurationPackage
    static class Application {
        @Bean
        static BeanPostProcessor order() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    if (List.of("retortMigrations", "entityManagerFactory", "tenantReader").contains(beanName)) ORDER.add(beanName);
                    return bean;
                }
            };
        }

        @Bean
        @DependsOnDatabaseInitialization
        TenantReader tenantReader(DataSource dataSource) {
            return new TenantReader(dataSource);
        }
    }

    private static ApplicationContextRunner application(String url, String... properties) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, HibernateJpaAutoConfiguration.class,
                        RetortAutoConfiguration.class))
                .withUserConfiguration(Application.class)
                .withPropertyValues("spring.datasource.url=" + url, "retort.tenants=acme",
                        "spring.jpa.hibernate.ddl-auto=validate", "spring.jpa.properties.hibernate.default_schema=acme")
                .withPropertyValues(properties);
    }

    @Test
    void jpaAndBeansThatDependOnTheDatabaseStartAfterTheMigrations() {
        String url = TestDatabase.embedded().createDatabase("boot_order");
        ORDER.clear();
        application(url).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(EntityManagerFactory.class);
            assertThat(context.getBean(TenantReader.class).rows).isZero();
            var em = context.getBean(EntityManagerFactory.class).createEntityManager();
            em.getTransaction().begin();
            em.persist(new Row(1, "first"));
            em.getTransaction().commit();
            assertThat(em.find(Row.class, 1).getName()).isEqualTo("first");
            em.close();
        });
        assertThat(ORDER).startsWith("retortMigrations").contains("entityManagerFactory", "tenantReader");
    }

    @Test
    void withoutTheMigrationsTheSameApplicationCannotStart() {
        String url = TestDatabase.embedded().createDatabase("boot_order_none");
        application(url, "retort.on-startup=none").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("missing table [test]");
        });
    }
}
