package dev.retort.api;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One thing {@code retort lint} found in a revision: an operation that may lose data, fail on the rows
 * a tenant already has, or hold a lock that stalls the application (docs/safety.md lists the rules).
 *
 * @param rule        the rule's stable id, e.g. {@code drop-column}
 * @param severity    how bad it is; {@code --fail-on} compares with it
 * @param category    what the rule protects against: {@code data loss}, {@code may fail on existing rows}, {@code locks}
 * @param revision    the revision's id
 * @param file        its file ({@code classpath:...} for a class-path location); null when it has none
 * @param line        the operation's line in the file; 0 when unknown
 * @param operation   the operation, described ({@code drop column orders.legacy})
 * @param explanation what it risks, in one line
 * @param alternative the safe way to do the same
 * @param ignored     why the revision silences the rule ({@code lint: {ignore: [...], reason: ...}}); null when it does not
 * @param weight      the table it is about, measured across tenants ({@link Retort#lintTenants}); null otherwise
 */
public record LintFinding(String rule, Severity severity, String category, String revision, Path file, int line,
                          String operation, String explanation, String alternative, String ignored, Weight weight) {

    /**
     * The table a finding is about, as the tenants hold it: the rows a lock or a rewrite would hold up,
     * read from the database's statistics.
     *
     * @param table            the table's name
     * @param tenants          the tenants looked at
     * @param tenantsWithTable how many of them hold the table
     * @param rows             its estimated rows, summed over them
     * @param bytes            its size on disk with indexes, summed over them
     * @param largestTenant    the tenant holding the most rows; null when none holds the table
     * @param largestRows      that tenant's estimated rows
     */
    public record Weight(String table, int tenants, int tenantsWithTable, long rows, long bytes, String largestTenant,
                         long largestRows) {
    }

    /** How bad a finding is, in increasing order. */
    public enum Severity {
        WARNING, ERROR;

        /** The lower-case name used on the command line and in output. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public LintFinding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
    }

    /** The same finding with its weight across tenants. */
    public LintFinding withWeight(Weight newWeight) {
        return new LintFinding(rule, severity, category, revision, file, line, operation, explanation, alternative, ignored, newWeight);
    }

    /** Whether the revision silences it. */
    public boolean isIgnored() {
        return ignored != null;
    }

    /** Whether it counts at {@code failOn}: not silenced, and at least that severe. */
    public boolean reaches(Severity failOn) {
        return !isIgnored() && severity.compareTo(failOn) >= 0;
    }

    /** {@code FILE:LINE} (or the revision's id when it has no file). */
    public String where() {
        return file == null ? revision : file + ":" + line;
    }
}
