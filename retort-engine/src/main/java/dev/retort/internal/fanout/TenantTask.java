package dev.retort.internal.fanout;

import dev.retort.api.Shard;

import java.sql.Connection;

/**
 * The work done for one tenant, e.g. bringing its schema to a revision. It runs on a pooled
 * connection in auto-commit mode, on one of the fan-out's threads, at the same time as the tasks of
 * other tenants; it owns its transactions (one per revision, or one for the tenant) and must leave
 * the session as it found it (locks released, no {@code SET search_path}): the connection serves
 * another tenant next. A connection whose task failed or threw is closed rather than reused.
 *
 * <p>Throwing is the same as returning {@link TenantResult#failed}: the exception's message, cut to
 * one line without any password, becomes the tenant's error. It never stops the other tenants, except
 * under fail-fast.
 */
@FunctionalInterface
public interface TenantTask {
    TenantResult run(Connection connection, Shard shard, String tenant) throws Exception;
}
