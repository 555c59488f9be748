package dev.retort.api;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status page: what it says, and what a browser makes of it. The browser test renders the page
 * of 10,000 tenants in headless Chromium (Debian's {@code chromium}, which {@code .ci/run} installs);
 * it skips, saying so, only where no Chromium is installed and {@value #REQUIRE} is unset.
 */
class StatusPageTest {
    static final String REQUIRE = "RETORT_REQUIRE_CHROMIUM";
    static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
    static final String SHARD = "postgresql://db1:5432/app";

    /** 10,000 tenants: most at head, 700 a revision behind, 250 failed, 50 without a version table, one with a hostile name. */
    static Map<String, List<TenantVersion>> fleet() {
        List<TenantVersion> tenants = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            String name = "tenant_" + i;
            if (i < 250) {
                tenants.add(new TenantVersion(name, true, true, List.of("a1"), false,
                        new LastFailure("upgrade", "b2", AT, "schema " + name + ": revision b2 (add note) failed and was rolled back: ERROR: column \"note\" already exists")));
            } else if (i < 950) {
                tenants.add(new TenantVersion(name, true, true, List.of("a1"), false, null));
            } else if (i < 1000) {
                tenants.add(new TenantVersion(name, true, false, List.of(), false, null));
            } else {
                tenants.add(new TenantVersion(name, true, true, List.of("b2"), true, null));
            }
        }
        tenants.add(0, new TenantVersion("<script>alert(1)</script>", true, true, List.of("a1"), false, null));
        return Map.of(SHARD, tenants);
    }

    @Test
    void thePageCountsAndAggregatesTheFleetAndEscapesEveryText() {
        String html = StatusPage.of(List.of("b2"), fleet()).generatedAt(AT).html();
        assertThat(html).startsWith("<!DOCTYPE html>")
                .contains("10001 tenants on 1 shard · head b2 · generated 2026-12-01T10:00:00Z")
                .contains("<div class=\"card at-head\" id=\"card-at-head\"><b>9000</b>")
                .contains("<div class=\"card behind\" id=\"card-behind\"><b>701</b>")
                .contains("<div class=\"card failed\" id=\"card-failed\"><b>250</b>")
                .contains("<div class=\"card untracked\" id=\"card-untracked\"><b>50</b>")
                .contains("<span class=\"label\">b2 (head)</span>")
                .contains("Failed last run (250)").contains("and 150 more: search below.")
                .contains("upgrade to b2 failed at 2026-12-01T10:00:00Z: schema tenant_0: revision b2 (add note) failed")
                .contains("<tr><td>&lt;script&gt;alert(1)&lt;/script&gt;</td>")
                .contains("[\"\\u003cscript\\u003ealert(1)\\u003c/script\\u003e\",")
                .doesNotContain("<script>alert(1)</script>")
                .doesNotContain("http://").doesNotContain("https://");
        // the only script elements are the page's own two
        assertThat(html.split("<script", -1)).hasSize(3);
    }

    @Test
    void manyRevisionsAreAggregatedIntoOneBar() {
        List<TenantVersion> tenants = new ArrayList<>();
        for (int i = 0; i < 30; i++) tenants.add(new TenantVersion("t" + i, true, true, List.of("r" + i), i == 0, null));
        String html = StatusPage.of(List.of("r0"), Map.of(SHARD, tenants)).html();
        assertThat(html.split("class=\"bar", -1)).hasSize(StatusPage.BARS + 1);
        assertThat(html).contains("19 other revisions");
    }

    @Test
    void chromiumRendersTheFleetAndItsSearch(@TempDir Path dir) throws Exception {
        Optional<Path> chromium = chromium();
        if (chromium.isEmpty()) {
            assertThat(System.getenv(REQUIRE)).as(REQUIRE + " is set, but no Chromium was found on the PATH").isNull();
            Assumptions.abort("no Chromium installed: the status page is not rendered (apt-get install chromium; .ci/run installs it)");
        }
        Path page = dir.resolve("status.html");
        Files.writeString(page, StatusPage.of(List.of("b2"), fleet()).generatedAt(AT).html());
        assertThat(Files.size(page)).isLessThan(2_000_000);

        String dom = dumpDom(chromium.get(), dir, page.toUri() + "#q=_424");
        // the search ran in the browser over the page's own data: tenant_424 and tenant_4240..4249
        assertThat(dom).contains("<p id=\"found\">11 tenants match</p>")
                .contains("<tr class=\"state-head\"><td>tenant_4242</td><td>postgresql://db1:5432/app</td><td>head</td><td>b2</td><td></td></tr>");
        String failed = dumpDom(chromium.get(), dir, page.toUri() + "#q=tenant_17");
        assertThat(failed).contains("<tr class=\"state-failed\"><td>tenant_17</td>");
        String hostile = dumpDom(chromium.get(), dir, page.toUri() + "#q=alert");
        assertThat(hostile).contains("<p id=\"found\">1 tenant matches</p>").contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>");
        String empty = dumpDom(chromium.get(), dir, page.toUri().toString());
        assertThat(empty).contains("<p id=\"found\">10001 tenants: type part of a name</p>");
    }

    /** The page's DOM after its scripts ran. */
    private static String dumpDom(Path chromium, Path dir, String url) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "dom", ".html");
        Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--user-data-dir=" + dir.resolve("profile"), "--dump-dom", url)
                .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("Chromium did not finish within 120 s");
        }
        assertThat(p.exitValue()).as("chromium's exit code").isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /** Debian's chromium (or another build of it) on the PATH. */
    static Optional<Path> chromium() {
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        return Stream.of("chromium", "chromium-browser", "google-chrome")
                .flatMap(name -> Stream.of(path.split(java.io.File.pathSeparator)).map(d -> Path.of(d, name)))
                .filter(Files::isExecutable).findFirst();
    }
}
