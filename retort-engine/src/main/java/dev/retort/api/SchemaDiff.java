package dev.retort.api;

import dev.retort.compare.Diff;

import java.util.List;

/**
 * What makes one live schema match another ({@link Retort#diff}).
 *
 * @param schema the schema to change
 * @param target the schema it is to match
 * @param diff   the operations, bound to {@code schema}, destructive ones flagged; empty when it matches
 * @param sql    the statements that carry them out on {@code schema}: a first block that makes the
 *               names the target's expressions leave unqualified resolve in {@code schema}, then one
 *               block per operation, its description as the comment (marked {@code !} when it can lose
 *               data); nothing runs in a transaction of its own
 * @param notManaged objects of kinds Retort does not migrate that differ between the two schemas, one
 *                   line each ({@code not managed: domain posint (only in tenant_b)}); the diff cannot
 *                   make them match, but they are not passed over
 */
public record SchemaDiff(String schema, String target, Diff diff, SqlScript sql, List<String> notManaged) {

    public SchemaDiff {
        notManaged = List.copyOf(notManaged);
    }

    /** A comparison that found nothing outside what Retort migrates. */
    public SchemaDiff(String schema, String target, Diff diff, SqlScript sql) {
        this(schema, target, diff, sql, List.of());
    }

    /** True when {@code schema} already matches {@code target}: no operation, and no object Retort does not manage that differs. */
    public boolean isEmpty() {
        return diff.isEmpty() && notManaged.isEmpty();
    }

    /** True when what Retort migrates matches, whatever objects of other kinds differ. */
    public boolean isManagedEmpty() {
        return diff.isEmpty();
    }

    /** One line per operation, destructive ones marked {@code !}: {@link Diff#describe()}. */
    public List<String> describe() {
        return diff.describe();
    }
}
