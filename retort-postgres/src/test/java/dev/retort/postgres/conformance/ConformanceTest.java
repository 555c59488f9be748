package dev.retort.postgres.conformance;

import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * sqldef's PostgreSQL corpus, one dynamic test per case (see docs/conformance.md).
 *
 * <ul>
 *   <li>A case that does not apply ({@link Applicability}) or is out of scope
 *       ({@code conformance/skips.yaml}) is skipped, with its reason.</li>
 *   <li>A case listed in {@code conformance/known-failures.yaml} may fail: it is then reported as
 *       aborted with its reason, and does not fail the build. Any other case must pass.</li>
 *   <li>The last test fails when fewer than {@value #BAR_PERCENT}% of the cases in scope pass, and,
 *       with {@code -Dretort.conformance.report=true}, writes the outcome table into docs/conformance.md.</li>
 * </ul>
 */
class ConformanceTest {
    static final int BAR_PERCENT = 90;
    static final String REPORT_PROPERTY = "retort.conformance.report";

    @TestFactory
    Stream<DynamicNode> sqldefPostgresCorpus() {
        var dir = Corpus.locate();
        if (dir.isEmpty()) {
            String message = "conformance corpus not found at " + Corpus.expectedPlace();
            return Stream.of(DynamicTest.dynamicTest("corpus", () -> {
                // CI always has the corpus beside the clone: its absence there is an error, not a skip.
                if ("true".equalsIgnoreCase(System.getenv("CI"))) fail(message);
                Assumptions.abort(message);
            }));
        }
        List<Corpus.Case> cases = Corpus.load(dir.get());
        Map<String, String> skips = CaseList.read("/conformance/skips.yaml");
        Map<String, String> known = CaseList.read("/conformance/known-failures.yaml");
        Set<String> ids = cases.stream().map(Corpus.Case::id).collect(Collectors.toSet());
        List<String> stale = new ArrayList<>();
        skips.keySet().stream().filter(id -> !ids.contains(id)).forEach(id -> stale.add("skips.yaml: " + id));
        known.keySet().stream().filter(id -> !ids.contains(id)).forEach(id -> stale.add("known-failures.yaml: " + id));
        known.keySet().stream().filter(skips::containsKey).forEach(id -> stale.add("in both lists: " + id));

        Run run = new Run();
        Map<String, List<DynamicNode>> byFile = new LinkedHashMap<>();
        for (Corpus.Case c : cases) {
            byFile.computeIfAbsent(c.file(), f -> new ArrayList<>())
                    .add(DynamicTest.dynamicTest(c.name(), () -> run.one(c, skips, known)));
        }
        Stream<DynamicNode> files = byFile.entrySet().stream()
                .map(e -> DynamicContainer.dynamicContainer(e.getKey(), e.getValue().stream()));
        DynamicTest lists = DynamicTest.dynamicTest("skip and known-failure lists name existing cases",
                () -> assertThat(stale).isEmpty());
        DynamicTest bar = DynamicTest.dynamicTest("at least " + BAR_PERCENT + "% of the cases in scope pass", run::finish);
        return Stream.concat(Stream.of(lists), Stream.concat(files, Stream.of(bar)));
    }

    /** The state of one run: the two databases, opened on first use, and the outcomes so far. */
    private static final class Run {
        private final Outcomes outcomes = new Outcomes();
        /** Every failure in full, written to target/conformance-failures.txt at the end. */
        private final StringBuilder details = new StringBuilder();
        private Convergence convergence;
        private int serverMajor;

        private Convergence convergence() throws SQLException {
            if (convergence == null) {
                TestDatabase server = TestDatabase.postgres();
                var a = TestDatabase.dataSource(server.createDatabase("conformance_a")).getConnection();
                var b = TestDatabase.dataSource(server.createDatabase("conformance_b")).getConnection();
                serverMajor = Convergence.serverMajor(a);
                convergence = new Convergence(a, b);
            }
            return convergence;
        }

        void one(Corpus.Case c, Map<String, String> skips, Map<String, String> known) throws SQLException {
            Convergence conv = convergence();
            String reason = Applicability.notApplicable(c, serverMajor);
            if (reason == null) reason = skips.get(c.id());
            if (reason != null) {
                outcomes.add(c, Outcomes.Kind.SKIPPED, reason);
                Assumptions.abort(reason);
            }
            Convergence.Result result = conv.run(c);
            if (!result.passed()) details.append("== ").append(c.id()).append('\n').append(result.detail()).append("\n\n");
            String knownReason = known.get(c.id());
            if (result.passed()) {
                outcomes.add(c, Outcomes.Kind.PASSED, null);
                if (knownReason != null) {
                    System.out.println("conformance: " + c.id() + " passes now; take it off known-failures.yaml");
                }
                return;
            }
            if (knownReason != null) {
                outcomes.add(c, Outcomes.Kind.FAILED, knownReason);
                Assumptions.abort("known failure (" + knownReason + "): " + firstLine(result.detail()));
            }
            outcomes.add(c, Outcomes.Kind.FAILED, "not a known failure: " + firstLine(result.detail()));
            fail(c.id() + " fails:\n" + result.detail());
        }

        void finish() throws Exception {
            if (convergence != null) convergence.close();
            System.out.println("conformance: " + outcomes.summary(serverMajor));
            Path target = Path.of("target");
            if (Files.isDirectory(target)) Files.writeString(target.resolve("conformance-failures.txt"), details);
            String report = System.getProperty(REPORT_PROPERTY);
            if (report != null && !report.equals("false")) {
                Path doc = report.equals("true") || report.isBlank()
                        ? Corpus.repositoryRoot().resolve("docs/conformance.md") : Path.of(report);
                outcomes.writeInto(doc, serverMajor);
                System.out.println("conformance: table written to " + doc);
            }
            assertThat(outcomes.passRate() * 100).as(outcomes.summary(serverMajor)).isGreaterThanOrEqualTo(BAR_PERCENT);
        }

        private static String firstLine(String s) {
            int nl = s.indexOf('\n');
            return nl < 0 ? s : s.substring(0, nl);
        }
    }
}
