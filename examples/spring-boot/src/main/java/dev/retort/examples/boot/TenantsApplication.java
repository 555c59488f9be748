package dev.retort.examples.boot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;

/**
 * A small multi-tenant application: the seed's model ({@code test} and {@code child}) in one schema
 * per tenant, the tenants listed in {@code public.tenants}. The Retort starter brings every tenant to
 * head before JPA starts; {@link SignUpController} adds tenants while it runs.
 */
@SpringBootApplication
@EntityScan(basePackageClasses = dev.retort.examples.models.jpa.TestEntity.class)
public class TenantsApplication {
    public static void main(String[] args) {
        SpringApplication.run(TenantsApplication.class, args);
    }
}
