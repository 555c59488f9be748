package dev.retort.cli.migrate;

import dev.retort.api.CheckResult;
import dev.retort.api.TenantVersion;
import dev.retort.api.TenantNames;
import dev.retort.api.LastFailure;

import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How {@code current} and {@code check} print many tenants: compact, counts first, names only where something is wrong. */
final class TenantReports {
    /** Names listed per group before "and N more": the counts say the rest. */
    static final int NAMES_LISTED = 20;

    private TenantReports() {
    }

    /**
     * The matrix: how many tenants at each revision (heads marked), without a version table, or
     * missing; then the names of those behind head, of those without a version table and of the
     * missing ones; last, the
     * tenants whose last run failed (a run that committed since clears the record), each with its error.
     */
    static void current(PrintWriter out, Map<String, List<TenantVersion>> byShard) {
        long total = 0;
        Map<String, Long> rows = new LinkedHashMap<>();
        List<String> behind = new ArrayList<>();
        List<String> untracked = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<String> partly = new ArrayList<>();
        for (Map.Entry<String, List<TenantVersion>> e : byShard.entrySet()) {
            for (TenantVersion v : e.getValue()) {
                total++;
                String row;
                if (!v.schemaExists()) {
                    row = "schema does not exist";
                    missing.add(name(byShard, e.getKey(), v.tenant()));
                } else if (!v.tracked()) {
                    row = "no version table";
                    untracked.add(name(byShard, e.getKey(), v.tenant()));
                } else {
                    row = "at " + (v.heads().isEmpty() ? "base" : String.join(", ", v.heads())) + (v.atHead() ? " (head)" : "");
                    if (!v.atHead()) behind.add(name(byShard, e.getKey(), v.tenant()));
                }
                rows.merge(row, 1L, Long::sum);
                for (String p : v.partial()) partly.add(name(byShard, e.getKey(), v.tenant()) + ": " + p);
                if (v.lastFailure() != null) {
                    failed.add(name(byShard, e.getKey(), v.tenant()) + " (" + when(v.lastFailure()) + "): " + v.lastFailure().error());
                }
            }
        }
        out.println(total + (total == 1 ? " tenant" : " tenants") + " on " + shards(byShard.size()));
        int width = String.valueOf(rows.values().stream().mapToLong(Long::longValue).max().orElse(0)).length();
        rows.forEach((row, n) -> out.println("  " + " ".repeat(width - String.valueOf(n).length()) + n + " " + row));
        if (!behind.isEmpty()) out.println("behind head: " + listed(behind));
        if (!untracked.isEmpty()) out.println("without a version table: " + listed(untracked));
        if (!missing.isEmpty()) out.println("schema does not exist: " + listed(missing));
        if (!partly.isEmpty()) {
            out.println("partly applied: " + partly.size() + (partly.size() == 1 ? " revision" : " revisions"));
            partly.stream().limit(NAMES_LISTED).forEach(line -> out.println("  " + line));
            if (partly.size() > NAMES_LISTED) out.println("  and " + (partly.size() - NAMES_LISTED) + " more");
        }
        if (!failed.isEmpty()) {
            out.println("failed last: " + failed.size() + (failed.size() == 1 ? " tenant" : " tenants"));
            failed.stream().limit(NAMES_LISTED).forEach(line -> out.println("  " + line));
            if (failed.size() > NAMES_LISTED) out.println("  and " + (failed.size() - NAMES_LISTED) + " more");
        }
    }

    /** When a failure was recorded, to the second, in UTC. */
    static String when(LastFailure failure) {
        return failure.failedAt() == null ? "time unknown"
                : DateTimeFormatter.ISO_INSTANT.format(failure.failedAt().truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * Each tenant's problems, one line each, then the counts. Returns whether every tenant was clean.
     */
    static boolean check(PrintWriter out, Map<String, List<CheckResult>> byShard) {
        long total = 0;
        long clean = 0;
        long drifted = 0;
        long behind = 0;
        for (Map.Entry<String, List<CheckResult>> e : byShard.entrySet()) {
            for (CheckResult r : e.getValue()) {
                total++;
                if (r.clean()) {
                    clean++;
                    continue;
                }
                if (r.drift() != null && !r.drift().isEmpty()) drifted++;
                if (!r.pending().isEmpty()) behind++;
                String name = name(byShard, e.getKey(), r.schema());
                r.problems().forEach(p -> out.println(name + ": " + p));
            }
        }
        long other = total - clean - drifted - behind;
        out.println(total + (total == 1 ? " tenant" : " tenants") + " on " + shards(byShard.size()) + ": " + clean + " clean, "
                + drifted + " drifted, " + behind + " behind head" + (other > 0 ? ", " + other + " with other problems" : ""));
        return clean == total;
    }

    /** The tenant as messages show it, with its shard when there are several. */
    private static String name(Map<String, ?> byShard, String shard, String tenant) {
        return TenantNames.display(tenant) + (byShard.size() > 1 ? " on " + shard : "");
    }

    private static String shards(int n) {
        return n + (n == 1 ? " shard" : " shards");
    }

    private static String listed(List<String> names) {
        if (names.size() <= NAMES_LISTED) return String.join(", ", names);
        return String.join(", ", names.subList(0, NAMES_LISTED)) + " and " + (names.size() - NAMES_LISTED) + " more";
    }
}
