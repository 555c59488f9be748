package dev.retort.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/** {@code retort downgrade}: takes the schema, or every tenant, down to {@code target} (base, an id, -1). */
@Mojo(name = "downgrade", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class DowngradeMojo extends RetortMojo {

    /** base, a revision id or prefix, -N: required. */
    @Parameter
    String target;

    /** Accept applied revisions whose files were edited since. */
    @Parameter
    Boolean force;

    /** The tenant schemas: a,b,c, pattern:GLOB or query:SQL. */
    @Parameter
    String tenants;

    /** Every tenant of retort.yaml's tenants: section. */
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

    /** How long to wait for another Retort runner's lock on a schema; not a bound on waits for the application's locks. */
    @Parameter
    String lockTimeout;

    @Override
    List<Setting> settings() {
        List<Setting> out = new ArrayList<>(List.of(UpgradeMojo.TARGET, UpgradeMojo.FORCE, LOCK_TIMEOUT));
        out.addAll(FAN_OUT);
        return out;
    }

    @Override
    List<String> command() throws MojoFailureException {
        String t = value(UpgradeMojo.TARGET, target);
        if (t == null) throw new MojoFailureException("retort:downgrade needs a target: -Dretort.target=base (or an id, or -1)");
        List<String> args = new ArrayList<>(List.of("downgrade", t));
        if (flag(UpgradeMojo.FORCE, force)) args.add("--force");
        String lock = value(LOCK_TIMEOUT, lockTimeout);
        if (lock != null) args.addAll(List.of("--runner-lock-timeout", lock));
        args.addAll(fanOut(this, tenants, allTenants, jobs, failFast, report));
        return args;
    }
}
