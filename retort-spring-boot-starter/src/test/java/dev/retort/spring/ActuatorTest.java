package dev.retort.spring;

import dev.retort.examples.models.Models;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static dev.retort.spring.RetortAutoConfigurationTest.HEAD;
import static org.assertj.core.api.Assertions.assertThat;

/** The endpoint {@code retort} and the health indicator, on a fleet with a failed tenant and one behind. */
class ActuatorTest {

    @Test
    void theEndpointListsEveryTenantWithItsFailureAndOnRequestItsDrift() {
        Fleet fleet = Fleet.create("boot_endpoint");
        fleet.execute("CREATE SCHEMA bad", "CREATE TABLE bad.test (x integer)");
        fleet.context("retort.tenants=good,bad,drifted", "retort.on-failure=continue", "retort.model=" + Models.class.getName())
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    fleet.execute("ALTER TABLE drifted.test ADD COLUMN extra integer");
                    RetortEndpoint endpoint = context.getBean(RetortEndpoint.class);

                    RetortEndpoint.Fleet status = endpoint.status(null);
                    assertThat(status.heads()).containsExactly(HEAD);
                    assertThat(status.summary()).isEqualTo(new RetortEndpoint.Summary(3, 2, 1, 1, null));
                    RetortEndpoint.Tenant bad = status.tenants().get(1);
                    assertThat(bad.tenant()).isEqualTo("bad");
                    assertThat(bad.atHead()).isFalse();
                    assertThat(bad.revisions()).isEmpty();
                    assertThat(bad.lastFailure().revision()).isEqualTo(HEAD);
                    assertThat(bad.lastFailure().error()).contains("already exists");
                    assertThat(status.tenants().get(0)).isEqualTo(new RetortEndpoint.Tenant("good", true, List.of(HEAD), true, null, null));

                    RetortEndpoint.Fleet withDrift = endpoint.status(true);
                    assertThat(withDrift.summary().drifted()).isEqualTo(1);
                    assertThat(withDrift.tenants().get(0).drift()).isEmpty();
                    assertThat(withDrift.tenants().get(2).drift()).containsExactly("! drop column test.extra");
                });
    }

    @Test
    void driftNeedsAModel() {
        Fleet fleet = Fleet.create("boot_endpoint_nomodel");
        fleet.context("retort.tenants=good").run(context -> {
            RetortEndpoint.Fleet status = context.getBean(RetortEndpoint.class).status(true);
            assertThat(status.driftError()).isEqualTo("no model to compare with: set retort.model");
            assertThat(status.summary().drifted()).isNull();
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void healthIsDownListingFailedAndBehindTenantsCapped() {
        Fleet fleet = Fleet.create("boot_health");
        fleet.execute("CREATE SCHEMA bad", "CREATE TABLE bad.test (x integer)");
        String behind = String.join(",", IntStream.rangeClosed(1, 25).mapToObj(i -> "late_" + i).toList());
        fleet.context("retort.tenants=good,bad", "retort.on-failure=continue").run(context -> {
            Health health = context.getBean(RetortHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("tenants", 2).containsEntry("atHead", 1L).containsEntry("failedCount", 1L)
                    .doesNotContainKey("behind");
            @SuppressWarnings("unchecked")
            Map<String, String> failed = (Map<String, String>) health.getDetails().get("failed");
            assertThat(failed).containsOnlyKeys("bad");
            assertThat(failed.get("bad")).startsWith("upgrade to " + HEAD + " failed at ").contains("already exists");
        });
        fleet.context("retort.tenants=good," + behind, "retort.on-startup=none").run(context -> {
            Health health = context.getBean(RetortHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("behindCount", 25L);
            assertThat((List<Object>) health.getDetails().get("behind")).hasSize(RetortHealthIndicator.LISTED).contains("late_1");
        });
        fleet.context("retort.tenants=good").run(context ->
                assertThat(context.getBean(RetortHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP));
    }
}
