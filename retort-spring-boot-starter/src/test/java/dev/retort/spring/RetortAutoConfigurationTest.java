package dev.retort.spring;

import dev.retort.api.FanOutReport;
import dev.retort.api.TenantStatus;
import dev.retort.api.TenantVersion;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RetortAutoConfigurationTest {
    static final String HEAD = "3f9c2a1b7d4e";

    @Test
    void bringsTheListedTenantsToHeadAtStartup() {
        Fleet fleet = Fleet.create("boot_list");
        fleet.context("retort.tenants=acme,globex").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(RetortTenants.class).hasSingleBean(RetortMigrations.class);
            RetortTenants tenants = context.getBean(RetortTenants.class);
            FanOutReport report = tenants.startupReport();
            assertThat(report.count(TenantStatus.UPGRADED)).isEqualTo(2);
            assertThat(tenants.current()).extracting(TenantVersion::tenant, TenantVersion::atHead)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("acme", true), org.assertj.core.groups.Tuple.tuple("globex", true));
            assertThat(tenants.heads()).containsExactly(HEAD);
        });
        assertThat(fleet.versionRows("acme")).containsExactly(HEAD);
        assertThat(fleet.versionRows("globex")).containsExactly(HEAD);
    }

    @Test
    void aSecondStartFindsEveryTenantAtHeadAndRunsNothing() {
        Fleet fleet = Fleet.create("boot_again");
        fleet.context("retort.tenants=acme,globex").run(context -> assertThat(context).hasNotFailed());
        fleet.context("retort.tenants=acme,globex").run(context -> {
            FanOutReport report = context.getBean(RetortTenants.class).startupReport();
            assertThat(report.total()).isEqualTo(2);
            assertThat(report.count(TenantStatus.UNCHANGED)).isEqualTo(2);
            assertThat(report.count(TenantStatus.UPGRADED)).isZero();
        });
    }

    @Test
    void aPatternMatchesTheExistingSchemas() {
        Fleet fleet = Fleet.create("boot_pattern");
        fleet.execute("CREATE SCHEMA tenant_1", "CREATE SCHEMA tenant_2", "CREATE SCHEMA other");
        fleet.context("retort.tenants=tenant_*").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(RetortTenants.class).current()).extracting(TenantVersion::tenant).containsExactly("tenant_1", "tenant_2");
        });
        assertThat(fleet.versionRows("tenant_2")).containsExactly(HEAD);
        assertThat(fleet.schemaExists("other")).isTrue();
    }

    @Configuration(proxyBeanMethods = false)
    static class Registry {
        @Bean
        TenantSource tenantSource() {
            return () -> List.of("from_registry");
        }
    }

    @Test
    void aTenantSourceBeanReplacesTheProperty() {
        Fleet fleet = Fleet.create("boot_source");
        fleet.context().withUserConfiguration(Registry.class).run(context -> assertThat(context).hasNotFailed());
        assertThat(fleet.versionRows("from_registry")).containsExactly(HEAD);
    }

    @Test
    void doesNothingWhenDisabledOrWithoutADataSource() {
        Fleet fleet = Fleet.create("boot_off");
        fleet.context("retort.tenants=acme", "retort.enabled=false").run(context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(RetortTenants.class).doesNotHaveBean(RetortMigrations.class));
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(RetortAutoConfiguration.class))
                .withPropertyValues("retort.tenants=acme")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(RetortTenants.class));
        assertThat(fleet.schemaExists("acme")).isFalse();
    }

    @Test
    void onStartupNoneMigratesNothingAndTheBeanStillDoes() {
        Fleet fleet = Fleet.create("boot_none");
        fleet.context("retort.tenants=acme", "retort.on-startup=none").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(fleet.schemaExists("acme")).isFalse();
            RetortTenants tenants = context.getBean(RetortTenants.class);
            assertThat(tenants.startupReport()).isNull();
            assertThat(tenants.upgrade("acme").headsAfter()).containsExactly(HEAD);
        });
        assertThat(fleet.versionRows("acme")).containsExactly(HEAD);
    }

    @Test
    void onStartupCheckFailsNamingTheTenantsBehindUnlessToldToContinue() {
        Fleet fleet = Fleet.create("boot_check");
        fleet.execute("CREATE SCHEMA acme");
        fleet.context("retort.tenants=acme", "retort.on-startup=check").run(context -> {
            assertThat(context).hasFailed();
            assertThat(Fleet.startupMessage(context.getStartupFailure()))
                    .isEqualTo("retort: 1 tenant is not up to date: acme: behind head (at base)");
        });
        fleet.context("retort.tenants=acme", "retort.on-startup=check", "retort.on-failure=continue").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(RetortTenants.class).current()).extracting(TenantVersion::tracked).containsExactly(false);
        });
    }

    @Test
    void aSeparateMigrationUrlIsWhereTheTenantsAreMigrated() {
        Fleet app = Fleet.create("boot_app");
        Fleet migrations = Fleet.create("boot_migrations");
        app.context("retort.tenants=acme", "retort.url=" + migrations.url).run(context -> assertThat(context).hasNotFailed());
        assertThat(migrations.versionRows("acme")).containsExactly(HEAD);
        assertThat(app.schemaExists("acme")).isFalse();
    }

    // --- bad input: one message naming the property ---

    @Test
    void anUnknownOnStartupValueNamesTheProperty() {
        Fleet fleet = Fleet.create("boot_bad_value");
        fleet.context("retort.tenants=acme", "retort.on-startup=sometimes").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isNotNull();
            assertThat(messages(context.getStartupFailure())).contains("retort.on-startup");
        });
        assertThat(fleet.schemaExists("acme")).isFalse();
    }

    @Test
    void aSpecThatMatchesNothingNamesTheProperty() {
        Fleet fleet = Fleet.create("boot_nomatch");
        fleet.context("retort.tenants=tenat_*").run(context -> {
            assertThat(context).hasFailed();
            assertThat(Fleet.startupMessage(context.getStartupFailure())).startsWith("retort.tenants: ")
                    .contains("tenant pattern tenat_* matches no schema")
                    .contains("retort.allow-empty=true").doesNotContain("--allow-empty");
        });
        fleet.context("retort.tenants=tenat_*", "retort.allow-empty=true").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(RetortTenants.class).startupReport().total()).isZero();
        });
    }

    @Test
    void noTenantsAtAllNamesTheProperty() {
        Fleet fleet = Fleet.create("boot_notenants");
        fleet.context().run(context -> {
            assertThat(context).hasFailed();
            assertThat(Fleet.startupMessage(context.getStartupFailure())).startsWith("retort.tenants is not set");
        });
        fleet.context("retort.tenants=a,,b").run(context ->
                assertThat(Fleet.startupMessage(context.getStartupFailure())).startsWith("retort.tenants: the tenant list 'a,,b' has an empty name"));
    }

    @Test
    void anUnreachableMigrationUrlNamesThePropertyAndNotThePassword() {
        Fleet fleet = Fleet.create("boot_unreachable");
        fleet.context("retort.tenants=acme", "retort.url=jdbc:postgresql://127.0.0.1:1/app?password=hunter2",
                "retort.user=app", "retort.password=s3cret-pw").run(context -> {
            assertThat(context).hasFailed();
            String message = Fleet.startupMessage(context.getStartupFailure());
            assertThat(message).startsWith("retort.url: ").contains("127.0.0.1:1");
            assertThat(messages(context.getStartupFailure())).doesNotContain("hunter2").doesNotContain("s3cret-pw");
        });
        fleet.context("retort.tenants=acme", "retort.url=postgres://nowhere").run(context ->
                assertThat(Fleet.startupMessage(context.getStartupFailure())).startsWith("retort.url: not a JDBC URL"));
    }

    @Test
    void badJobsAndModelNameTheirProperties() {
        Fleet fleet = Fleet.create("boot_bad");
        fleet.context("retort.tenants=acme", "retort.jobs=0").run(context ->
                assertThat(Fleet.startupMessage(context.getStartupFailure())).startsWith("retort.jobs: "));
        fleet.context("retort.tenants=acme", "retort.model=com.example.Missing").run(context ->
                assertThat(Fleet.startupMessage(context.getStartupFailure()))
                        .isEqualTo("retort.model: model class com.example.Missing not found by the application's class loader"));
        fleet.context("retort.tenants=acme", "retort.model=not a class").run(context ->
                assertThat(Fleet.startupMessage(context.getStartupFailure())).startsWith("retort.model: 'not a class' is neither"));
    }

    @Test
    void thePropertiesAreDescribedForIdes() throws IOException {
        String metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("configuration metadata on the class path").isNotNull();
            metadata = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String name : List.of("enabled", "migrations", "model", "jpa-naming", "jpa-validation", "tenants", "allow-empty", "jobs",
                "fail-fast", "lock-timeout", "on-startup", "on-failure", "url", "user", "password")) {
            assertThat(metadata).contains("\"name\": \"retort." + name + "\"");
        }
        assertThat(metadata).contains("\"defaultValue\": \"classpath:db\\/retort\"").contains("\"defaultValue\": \"upgrade\"");
    }

    /** Every message of a failure and its causes. */
    static String messages(Throwable failure) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) out.append(t).append('\n');
        return out.toString();
    }
}
