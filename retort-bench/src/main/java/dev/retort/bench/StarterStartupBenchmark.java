package dev.retort.bench;

import dev.retort.api.Database;
import dev.retort.api.DatabaseDataSource;
import dev.retort.api.FanOutListener;
import dev.retort.api.FanOutOptions;
import dev.retort.api.Retort;
import dev.retort.api.Shard;
import dev.retort.api.TenantSpec;
import dev.retort.embedded.EmbeddedServer;
import dev.retort.postgres.PostgresDialect;
import dev.retort.spring.RetortAutoConfiguration;
import dev.retort.spring.RetortTenants;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the Spring Boot starter adds to an application's startup when every tenant is already at head:
 * the same minimal application (Boot's DataSource, no web server) started with and without
 * {@link RetortAutoConfiguration}, T tenants of the workload's model at head, in turns; the median
 * startup of each and their difference. Prints:
 *
 * <pre>
 * starter-startup tenants=1000 tables=2 without=0.412 with=0.623 added=0.211 retort=0.180
 * </pre>
 *
 * {@code retort} is the startup run's own time (its bulk read of the version tables). Arguments (all
 * optional): {@code --url JDBC_URL} (default: an embedded PostgreSQL), {@code --tenants T},
 * {@code --tables N}, {@code --runs K}.
 */
public final class StarterStartupBenchmark {
    private StarterStartupBenchmark() {
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(DataSourceAutoConfiguration.class)
    static class Plain {
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, RetortAutoConfiguration.class})
    static class WithRetort {
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) given.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        int tenants = Integer.parseInt(given.getOrDefault("tenants", "1000"));
        int tables = Integer.parseInt(given.getOrDefault("tables", "2"));
        int runs = Integer.parseInt(given.getOrDefault("runs", "5"));
        EmbeddedServer embedded = given.containsKey("url") ? null : EmbeddedServer.ephemeral();
        try {
            Database server = embedded != null ? embedded.database() : Database.of(given.get("url"));
            PostgresDialect dialect = new PostgresDialect();
            Path revisions = WorkloadDdl.of(tables, dialect).writeRevisions(1);
            System.out.println("load average at start: " + Machine.loadAverage());
            try (ScratchDatabase db = ScratchDatabase.create(dialect, server, "retort_bench_starter_" + ProcessHandle.current().pid())) {
                List<String> names = java.util.stream.IntStream.range(0, tenants).mapToObj(i -> String.format("bench_t%05d", i)).toList();
                Retort retort = Retort.configure().dataSource(new DatabaseDataSource(dialect, db.database())).migrations(revisions).load();
                var setup = retort.upgradeTenants("head", false, List.of(Shard.of(db.database(), new TenantSpec.Listed(names))),
                        FanOutOptions.defaults(), FanOutListener.none());
                System.err.println("setup: " + setup.summary());

                String[] properties = {"spring.datasource.url=" + db.database().url(), "retort.tenants=bench_t*",
                        "retort.migrations=" + revisions, "spring.main.banner-mode=off", "logging.level.root=warn"};
                List<Double> without = new ArrayList<>();
                List<Double> with = new ArrayList<>();
                List<Double> own = new ArrayList<>();
                for (int run = 0; run <= runs; run++) { // run 0 warms up, untimed
                    for (boolean starter : run % 2 == 0 ? new boolean[] {false, true} : new boolean[] {true, false}) {
                        long start = System.nanoTime();
                        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(starter ? WithRetort.class : Plain.class)
                                .web(WebApplicationType.NONE).properties(properties).run()) {
                            double s = (System.nanoTime() - start) / 1e9;
                            if (starter) {
                                var report = context.getBean(RetortTenants.class).startupReport();
                                if (report.total() != tenants || !report.succeeded()) throw new IllegalStateException(report.summary());
                                if (run > 0) own.add(report.elapsed().toNanos() / 1e9);
                            }
                            if (run > 0) (starter ? with : without).add(s);
                            System.err.printf(Locale.ROOT, "run %d/%d %s %.3f s%n", run, runs, starter ? "with" : "without", s);
                        }
                    }
                }
                double w = FanOutBenchmark.median(with);
                double wo = FanOutBenchmark.median(without);
                System.out.printf(Locale.ROOT, "starter-startup tenants=%d tables=%d without=%.3f with=%.3f added=%.3f retort=%.3f%n",
                        tenants, tables, wo, w, w - wo, FanOutBenchmark.median(own));
            }
        } finally {
            if (embedded != null) embedded.close();
        }
    }
}
