package dev.retort.examples.boot;

import dev.retort.api.FanOutReport;
import dev.retort.api.TenantStatus;
import dev.retort.api.TenantVersion;
import dev.retort.examples.models.jpa.TestEntity;
import dev.retort.spring.RetortTenants;
import dev.retort.testkit.TestDatabase;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The example application booted on the embedded PostgreSQL, three tenants in its registry. */
class TenantsApplicationTest {
    static final String HEAD = "3f9c2a1b7d4e";
    static final List<String> TENANTS = List.of("acme", "globex", "initech");
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    /** A database of its own with the registry listing the three tenants, whose schemas do not exist yet. */
    private static String databaseWithThreeTenants(String hint) {
        String url = TestDatabase.embedded().createDatabase(hint);
        execute(url, TenantRegistry.TABLE, "INSERT INTO public.tenants (schema_name) VALUES ('acme'), ('globex'), ('initech')");
        return url;
    }

    private static ConfigurableApplicationContext start(String url, BeanPostProcessor... extra) {
        SpringApplicationBuilder app = new SpringApplicationBuilder(TenantsApplication.class)
                .properties("spring.datasource.url=" + url, "server.port=0", "server.address=127.0.0.1");
        for (BeanPostProcessor p : extra) app.initializers(c -> c.getBeanFactory().addBeanPostProcessor(p));
        return app.run();
    }

    @Test
    void everyTenantIsAtHeadBeforeJpaAndTheApplicationServesThem() throws Exception {
        String url = databaseWithThreeTenants("example_boot");
        // what each tenant's version table held when the EntityManagerFactory was made, before any repository
        Map<String, List<String>> atJpaStart = Collections.synchronizedMap(new LinkedHashMap<>());
        BeanPostProcessor probe = new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof EntityManagerFactory || name.equals("entityManagerFactory")) {
                    for (String t : TENANTS) atJpaStart.putIfAbsent(t, versionRows(url, t));
                }
                return bean;
            }
        };
        try (ConfigurableApplicationContext context = start(url, probe)) {
            assertThat(atJpaStart).containsOnlyKeys(TENANTS).allSatisfy((t, rows) -> assertThat(rows).containsExactly(HEAD));

            RetortTenants tenants = context.getBean(RetortTenants.class);
            assertThat(tenants.startupReport().count(TenantStatus.UPGRADED)).isEqualTo(3);
            assertThat(tenants.current()).extracting(TenantVersion::atHead).containsExactly(true, true, true);

            // the repository works on the tenant of the moment, each in its own schema
            TestRepository rows = context.getBean(TestRepository.class);
            TenantContext.in("acme", () -> rows.save(new TestEntity(1, "acme's")));
            TenantContext.in("globex", () -> rows.save(new TestEntity(1, "globex's")));
            assertThat(TenantContext.in("acme", () -> rows.findAll())).extracting(TestEntity::getName).containsExactly("acme's");
            assertThat(TenantContext.in("initech", () -> rows.count())).isZero();

            String base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
            JsonNode status = get(base + "/actuator/retort");
            assertThat(status.path("heads").get(0).asString()).isEqualTo(HEAD);
            assertThat(status.path("summary").path("tenants").asInt()).isEqualTo(3);
            assertThat(status.path("summary").path("atHead").asInt()).isEqualTo(3);
            assertThat(status.path("tenants").get(0).path("tenant").asString()).isEqualTo("acme");

            // the entities, read as the model, match every tenant's tables
            JsonNode drift = get(base + "/actuator/retort?drift=true");
            assertThat(drift.path("summary").path("drifted").asInt(-1)).isZero();

            // a browser gets the status page
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/retort"))
                    .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(page.body()).startsWith("<!DOCTYPE html>").contains("3 tenants on 1 shard · head " + HEAD)
                    .contains("<div class=\"card at-head\" id=\"card-at-head\"><b>3</b>");

            JsonNode health = get(base + "/actuator/health");
            assertThat(health.path("status").asString()).isEqualTo("UP");
            assertThat(health.path("components").path("retort").path("details").path("tenants").asInt()).isEqualTo(3);

            // a sign-up at run time: registered, provisioned at head, and usable at once
            HttpResponse<String> signUp = http.send(HttpRequest.newBuilder(URI.create(base + "/tenants/umbrella"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(signUp.statusCode()).as(signUp.body()).isEqualTo(201);
            assertThat(JSON.readTree(signUp.body()).path("revisions").get(0).asString()).isEqualTo(HEAD);
            post(base + "/tenants/umbrella/tests?id=7&name=first");
            assertThat(get(base + "/tenants/umbrella/tests").get(0).path("name").asString()).isEqualTo("first");
            assertThat(get(base + "/actuator/retort").path("summary").path("atHead").asInt()).isEqualTo(4);
            assertThat(versionRows(url, "umbrella")).containsExactly(HEAD);

            HttpResponse<String> again = http.send(HttpRequest.newBuilder(URI.create(base + "/tenants/umbrella"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(again.statusCode()).isEqualTo(409);
        }
    }

    @Test
    void twoInstancesStartingAtOnceBothStartAndMigrateEachTenantOnce() throws Exception {
        String url = databaseWithThreeTenants("example_boot_twice");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<ConfigurableApplicationContext> contexts = Collections.synchronizedList(new ArrayList<>());
        // Boot's logging system is one per JVM: two instances in one JVM would race to set it up, which
        // replicas (a JVM each) never do; here it stays as the first test left it
        String logging = System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
        try {
            List<Future<ConfigurableApplicationContext>> starts = List.of(pool.submit(() -> start(url)), pool.submit(() -> start(url)));
            for (Future<ConfigurableApplicationContext> f : starts) contexts.add(f.get(3, TimeUnit.MINUTES));
            long upgraded = 0;
            for (ConfigurableApplicationContext c : contexts) {
                FanOutReport report = c.getBean(RetortTenants.class).startupReport();
                assertThat(report.failed()).isZero();
                assertThat(report.total()).isEqualTo(3);
                upgraded += report.count(TenantStatus.UPGRADED);
            }
            assertThat(upgraded).isEqualTo(3);
            for (String t : TENANTS) assertThat(versionRows(url, t)).containsExactly(HEAD);
        } finally {
            contexts.forEach(ConfigurableApplicationContext::close);
            pool.shutdownNow();
            if (logging == null) System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
            else System.setProperty(LoggingSystem.SYSTEM_PROPERTY, logging);
        }
    }

    private JsonNode get(String uri) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(uri + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private void post(String uri) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(uri)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(uri + ": " + response.body()).isEqualTo(200);
    }

    private static void execute(String url, String... statements) {
        try (Connection c = TestDatabase.dataSource(url).getConnection(); Statement st = c.createStatement()) {
            for (String sql : statements) st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** A tenant's recorded revisions; empty when it has no version table yet. */
    static List<String> versionRows(String url, String tenant) {
        try (Connection c = TestDatabase.dataSource(url).getConnection(); Statement st = c.createStatement()) {
            try (ResultSet exists = st.executeQuery("SELECT to_regclass('" + tenant + ".retort_version') IS NOT NULL")) {
                exists.next();
                if (!exists.getBoolean(1)) return List.of();
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT revision FROM " + tenant + ".retort_version ORDER BY 1")) {
                while (rs.next()) out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
