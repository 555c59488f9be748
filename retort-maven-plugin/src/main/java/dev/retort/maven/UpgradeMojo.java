package dev.retort.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code retort upgrade}: brings the schema, or every tenant ({@code tenants}, {@code allTenants}), to
 * {@code target}. Over tenants the build fails when a tenant failed, after the others finished
 * (unless {@code failFast}), naming it.
 */
@Mojo(name = "upgrade", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class UpgradeMojo extends RetortMojo {
    static final Setting TARGET = new Setting("target");
    static final Setting FORCE = new Setting("force");

    /** head, heads, a revision id or prefix, +N. */
    @Parameter
    String target;

    /** Accept applied revisions whose files were edited since. */
    @Parameter
    Boolean force;

    /** The tenant schemas: a,b,c, pattern:GLOB or query:SQL. */
    @Parameter
    String tenants;

    /** Every tenant of retort.yaml's tenants: section (its shards too). */
    @Parameter
    Boolean allTenants;

    /** Tenants migrated at once per shard. */
    @Parameter
    Integer jobs;

    /** Stop at the first failed tenant. */
    @Parameter
    Boolean failFast;

    /** Write each tenant's outcome to this JSON file. */
    @Parameter
    File report;

    /** How long to wait for another Retort runner's lock on a schema (30s, 2m); not a bound on waits for the application's locks. */
    @Parameter
    String lockTimeout;

    @Override
    List<Setting> settings() {
        List<Setting> out = new ArrayList<>(List.of(TARGET, FORCE, LOCK_TIMEOUT));
        out.addAll(FAN_OUT);
        return out;
    }

    @Override
    List<String> command() {
        List<String> args = new ArrayList<>(List.of("upgrade"));
        String t = value(TARGET, target);
        if (t != null) args.add(t);
        if (flag(FORCE, force)) args.add("--force");
        String lock = value(LOCK_TIMEOUT, lockTimeout);
        if (lock != null) args.addAll(List.of("--runner-lock-timeout", lock));
        args.addAll(fanOut(this, tenants, allTenants, jobs, failFast, report));
        return args;
    }
}
