package dev.retort.spring;

import dev.retort.api.FanOutReport;
import dev.retort.api.TenantStatus;
import dev.retort.api.TenantVersion;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static dev.retort.spring.RetortAutoConfigurationTest.HEAD;
import static org.assertj.core.api.Assertions.assertThat;

/** What the startup run does with failures, with instances starting at once, and with a strategy of the application's. */
class StartupRunTest {

    /** {@code bad} holds a table the first revision creates: the revision fails there. */
    private static Fleet fleetWithABadTenant(String hint) {
        Fleet fleet = Fleet.create(hint);
        fleet.execute("CREATE SCHEMA bad", "CREATE TABLE bad.test (x integer)");
        return fleet;
    }

    @Test
    void aFailedTenantStopsStartupAfterTheOthersFinishedNamingIt() {
        Fleet fleet = fleetWithABadTenant("boot_fail");
        fleet.context("retort.tenants=good1,bad,good2").run(context -> {
            assertThat(context).hasFailed();
            assertThat(Fleet.startupMessage(context.getStartupFailure()))
                    .startsWith("retort: 1 of 3 tenants failed to upgrade (the others finished): bad: ")
                    .contains("already exists");
        });
        assertThat(fleet.versionRows("good1")).containsExactly(HEAD);
        assertThat(fleet.versionRows("good2")).containsExactly(HEAD);
    }

    @Test
    void onFailureContinueStartsAndTheFailureStaysOnRecord() {
        Fleet fleet = fleetWithABadTenant("boot_continue");
        fleet.context("retort.tenants=good1,bad", "retort.on-failure=continue").run(context -> {
            assertThat(context).hasNotFailed();
            RetortTenants tenants = context.getBean(RetortTenants.class);
            FanOutReport report = tenants.startupReport();
            assertThat(report.failed()).isEqualTo(1);
            assertThat(report.count(TenantStatus.UPGRADED)).isEqualTo(1);
            TenantVersion bad = tenants.current().stream().filter(v -> v.tenant().equals("bad")).findFirst().orElseThrow();
            assertThat(bad.atHead()).isFalse();
            assertThat(bad.lastFailure()).isNotNull();
            assertThat(bad.lastFailure().error()).contains("already exists");
        });
    }

    @Test
    void failFastLeavesTheRestUnrun() {
        Fleet fleet = fleetWithABadTenant("boot_failfast");
        fleet.context("retort.tenants=bad,good1,good2", "retort.fail-fast=true", "retort.jobs=1").run(context -> {
            assertThat(context).hasFailed();
            assertThat(Fleet.startupMessage(context.getStartupFailure()))
                    .startsWith("retort: 1 of 3 tenants failed to upgrade, 2 not run (retort.fail-fast): bad: ");
        });
        assertThat(fleet.schemaExists("good1")).isFalse();
    }

    /** Holds each instance's tenant source until every instance asks for its tenants: they then race for every one. */
    @Configuration(proxyBeanMethods = false)
    static class RacingRegistry {
        static final List<String> TENANTS = IntStream.rangeClosed(1, 8).mapToObj(i -> "tenant_" + i).toList();
        static volatile CyclicBarrier barrier;

        @Bean
        TenantSource tenantSource() {
            return () -> {
                try {
                    barrier.await(60, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("the other instance did not start", e);
                }
                return TENANTS;
            };
        }
    }

    @Test
    void instancesStartingAtOnceMigrateEachTenantOnceAndAllStart() throws Exception {
        Fleet fleet = Fleet.create("boot_replicas");
        RacingRegistry.barrier = new CyclicBarrier(2);
        List<FanOutReport> reports = Collections.synchronizedList(new ArrayList<>());
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        List<Thread> instances = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Thread t = new Thread(() -> fleet.context("retort.jobs=2").withUserConfiguration(RacingRegistry.class).run(context -> {
                if (context.getStartupFailure() != null) failures.add(context.getStartupFailure());
                else reports.add(context.getBean(RetortTenants.class).startupReport());
            }), "instance-" + i);
            instances.add(t);
            t.start();
        }
        for (Thread t : instances) t.join(TimeUnit.MINUTES.toMillis(3));
        assertThat(failures).isEmpty();
        assertThat(reports).hasSize(2);
        // both saw all eight behind and raced for them; the schema locks gave each tenant to one of them
        assertThat(reports).allSatisfy(r -> assertThat(r.total()).isEqualTo(8));
        assertThat(reports.stream().mapToLong(r -> r.count(TenantStatus.UPGRADED)).sum()).isEqualTo(8);
        assertThat(reports.stream().mapToLong(r -> r.count(TenantStatus.UNCHANGED)).sum()).isEqualTo(8);
        for (String tenant : RacingRegistry.TENANTS) assertThat(fleet.versionRows(tenant)).containsExactly(HEAD);
    }

    @Configuration(proxyBeanMethods = false)
    static class OnlyAcme {
        static final List<String> CALLS = Collections.synchronizedList(new ArrayList<>());

        @Bean
        RetortMigrationStrategy strategy() {
            return tenants -> {
                CALLS.add("migrate");
                tenants.upgrade(List.of("acme"));
            };
        }
    }

    @Test
    void aStrategyBeanReplacesTheRun() {
        Fleet fleet = Fleet.create("boot_strategy");
        OnlyAcme.CALLS.clear();
        fleet.context("retort.tenants=acme,globex").withUserConfiguration(OnlyAcme.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(RetortTenants.class).startupReport()).isNull();
        });
        assertThat(OnlyAcme.CALLS).containsExactly("migrate");
        assertThat(fleet.versionRows("acme")).containsExactly(HEAD);
        assertThat(fleet.schemaExists("globex")).isFalse();
    }
}
