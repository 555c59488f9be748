package dev.retort.postgres.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** What became of every case of a run, and the table docs/conformance.md shows. */
final class Outcomes {
    static final String START = "<!-- conformance-table:start -->";
    static final String END = "<!-- conformance-table:end -->";

    enum Kind { PASSED, FAILED, SKIPPED }

    record Outcome(String file, String name, Kind kind, String reason) {
    }

    private final List<Outcome> all = new ArrayList<>();

    synchronized void add(Corpus.Case c, Kind kind, String reason) {
        all.add(new Outcome(c.file(), c.name(), kind, reason));
    }

    synchronized long count(Kind kind) {
        return all.stream().filter(o -> o.kind() == kind).count();
    }

    /** Passed over passed and failed: skipped cases (out of scope or not applicable) are not counted. */
    synchronized double passRate() {
        long passed = count(Kind.PASSED);
        long inScope = passed + count(Kind.FAILED);
        return inScope == 0 ? 1.0 : (double) passed / inScope;
    }

    synchronized String summary(int serverMajor) {
        long passed = count(Kind.PASSED);
        long failed = count(Kind.FAILED);
        return String.format(Locale.ROOT, "%d cases on PostgreSQL %d: %d in scope, %d passed (%.1f%%), %d failed; %d skipped",
                all.size(), serverMajor, passed + failed, passed, 100 * passRate(), failed, count(Kind.SKIPPED));
    }

    /** The Markdown table: counts per file, then every skip and failure with its reason. */
    synchronized String table(int serverMajor) {
        Map<String, List<Outcome>> byFile = new TreeMap<>();
        all.forEach(o -> byFile.computeIfAbsent(o.file(), f -> new ArrayList<>()).add(o));
        StringBuilder s = new StringBuilder();
        s.append("**").append(summary(serverMajor)).append(".**\n\n");
        s.append("| file | cases | passed | failed | skipped |\n|---|---:|---:|---:|---:|\n");
        byFile.forEach((file, list) -> s.append("| ").append(file).append(" | ").append(list.size())
                .append(" | ").append(list.stream().filter(o -> o.kind() == Kind.PASSED).count())
                .append(" | ").append(list.stream().filter(o -> o.kind() == Kind.FAILED).count())
                .append(" | ").append(list.stream().filter(o -> o.kind() == Kind.SKIPPED).count()).append(" |\n"));
        s.append("| **all** | ").append(all.size()).append(" | ").append(count(Kind.PASSED)).append(" | ")
                .append(count(Kind.FAILED)).append(" | ").append(count(Kind.SKIPPED)).append(" |\n");
        for (Kind kind : List.of(Kind.FAILED, Kind.SKIPPED)) {
            s.append("\n### ").append(kind == Kind.FAILED ? "Failed" : "Skipped").append("\n");
            byFile.forEach((file, list) -> {
                List<Outcome> these = list.stream().filter(o -> o.kind() == kind).toList();
                if (these.isEmpty()) return;
                s.append("\n").append(file).append(":\n\n");
                these.forEach(o -> s.append("- `").append(o.name()).append("`: ").append(o.reason()).append('\n'));
            });
        }
        return s.toString();
    }

    /** Replaces the table between the markers of the document, keeping the prose around it. */
    synchronized void writeInto(Path doc, int serverMajor) throws IOException {
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        if (start < 0 || end < start) throw new IOException(doc + " lacks the markers " + START + " and " + END);
        String updated = text.substring(0, start + START.length()) + "\n" + table(serverMajor) + "\n" + text.substring(end);
        Files.writeString(doc, updated, StandardCharsets.UTF_8);
    }
}
