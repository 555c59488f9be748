package dev.retort.internal.fanout;

import dev.retort.api.ConfigurationException;
import dev.retort.api.Jobs;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.retort.api.DatabaseException;
import dev.retort.spi.Dialect;
import dev.retort.spi.Dialects;
import dev.retort.api.Shard;
import dev.retort.internal.tenants.ShardTenants;
import dev.retort.internal.tenants.TenantResolver;
import dev.retort.internal.tenants.TenantRules;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One HikariCP pool per shard, each of {@code jobs} connections. Each pool connects through the
 * shard's dialect ({@link ConnectingDataSource}), so the pool never sees a URL or password. Opening
 * connects to every shard once, so an unreachable server stops the command before any tenant runs.
 */
public final class ShardPools implements AutoCloseable {

    /** A shard with its dialect, pool and password remover. */
    record Pool(Shard shard, Dialect dialect, HikariDataSource dataSource, Redactor redactor) {
    }

    private final Map<String, Pool> pools;
    private final int jobs;

    private ShardPools(Map<String, Pool> pools, int jobs) {
        this.pools = pools;
        this.jobs = jobs;
    }

    /** Pools for the shards, each with the dialect its URL calls for. */
    public static ShardPools open(List<Shard> shards, int jobs) {
        return open(shards, jobs, s -> Dialects.forUrl(s.database().url()));
    }

    /**
     * @throws ConfigurationException when two shards have one name, or jobs is out of range
     * @throws DatabaseException        naming the shard, when one cannot be connected to
     */
    public static ShardPools open(List<Shard> shards, int jobs, Function<Shard, Dialect> dialects) {
        Jobs.check(jobs);
        Set<String> names = new HashSet<>();
        for (Shard s : shards) {
            if (!names.add(s.name())) throw new ConfigurationException("shard " + s.name() + " is given twice");
        }
        Map<String, Pool> pools = new LinkedHashMap<>();
        try {
            for (Shard shard : shards) {
                Dialect dialect = dialects.apply(shard);
                pools.put(shard.name(), new Pool(shard, dialect, pool(shard, dialect, jobs), Redactor.of(shard.database())));
            }
        } catch (RuntimeException e) {
            pools.values().forEach(p -> p.dataSource().close());
            throw e;
        }
        return new ShardPools(pools, jobs);
    }

    private static HikariDataSource pool(Shard shard, Dialect dialect, int jobs) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("retort " + shard.name());
        config.setDataSource(new ConnectingDataSource(dialect, shard.database(), shard.name()));
        config.setMaximumPoolSize(jobs);
        config.setMinimumIdle(jobs);
        config.setAutoCommit(true);
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new DatabaseException("shard " + shard.name() + ": " + rootMessage(e), e);
        }
    }

    /** The message of the innermost cause that has one: the dialect's line rather than the pool's wrapper. */
    private static String rootMessage(Throwable e) {
        String message = e.getMessage();
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof DatabaseException && t.getMessage() != null) return t.getMessage();
            if (t.getMessage() != null) message = t.getMessage();
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }

    public int jobs() {
        return jobs;
    }

    public List<Shard> shards() {
        return pools.values().stream().map(Pool::shard).toList();
    }

    public DataSource dataSource(Shard shard) {
        return pool(shard).dataSource();
    }

    public Dialect dialect(Shard shard) {
        return pool(shard).dialect();
    }

    Pool pool(Shard shard) {
        Pool p = pools.get(shard.name());
        if (p == null) throw new IllegalArgumentException("shard " + shard.name() + " has no pool");
        return p;
    }

    /**
     * Every shard's tenants, read from each database in turn; all are read before any tenant is worked
     * on, so a bad name anywhere stops the command with nothing done.
     *
     * @param rules what the tenants must satisfy
     * @throws ConfigurationException for a name the database cannot hold, a system schema, a name outside
     *                                the pattern or a spec that matches nothing, naming the shard
     * @throws DatabaseException        when a shard's catalog or query cannot be read
     */
    public List<ShardTenants> resolveTenants(TenantRules rules) {
        List<ShardTenants> out = new ArrayList<>();
        for (Pool p : pools.values()) {
            try (Connection c = p.dataSource().getConnection()) {
                out.add(new TenantResolver(p.dialect(), rules).resolve(c, p.shard()));
            } catch (SQLException e) {
                throw new DatabaseException("shard " + p.shard().name() + ": " + p.redactor().apply(e.getMessage()), e);
            }
        }
        return out;
    }

    @Override
    public void close() {
        pools.values().forEach(p -> p.dataSource().close());
    }
}
