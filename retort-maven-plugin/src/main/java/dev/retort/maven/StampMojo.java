package dev.retort.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/** {@code retort stamp}: records {@code target} as applied in the schema, or every tenant, without running it. */
@Mojo(name = "stamp", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class StampMojo extends RetortMojo {

    /** head, heads, base, a revision id or prefix: required. */
    @Parameter
    String target;

    /** The tenant schemas: a,b,c, pattern:GLOB or query:SQL. */
    @Parameter
    String tenants;

    /** Every tenant of retort.yaml's tenants: section. */
    @Parameter
    Boolean allTenants;

    /** Tenants stamped at once per shard. */
    @Parameter
    Integer jobs;

    /** Stop at the first failed tenant. */
    @Parameter
    Boolean failFast;

    /** Write each tenant's outcome to this JSON file. */
    @Parameter
    File report;

    @Override
    List<Setting> settings() {
        List<Setting> out = new ArrayList<>(List.of(UpgradeMojo.TARGET));
        out.addAll(FAN_OUT);
        return out;
    }

    @Override
    List<String> command() throws MojoFailureException {
        String t = value(UpgradeMojo.TARGET, target);
        if (t == null) throw new MojoFailureException("retort:stamp needs a target: -Dretort.target=head (or an id)");
        List<String> args = new ArrayList<>(List.of("stamp", t));
        args.addAll(fanOut(this, tenants, allTenants, jobs, failFast, report));
        return args;
    }
}
