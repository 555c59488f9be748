package dev.retort.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code retort check}: fails the build when the schema, or a tenant, has drifted from the model, has
 * pending revisions or an edited applied revision, naming each.
 */
@Mojo(name = "check", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class CheckMojo extends RetortMojo {
    /** How many of the tenants found wanting the build's message names; the log has them all. */
    static final int NAMED = 20;

    /** The tenant schemas: a,b,c, pattern:GLOB or query:SQL. */
    @Parameter
    String tenants;

    /** Every tenant of retort.yaml's tenants: section. */
    @Parameter
    Boolean allTenants;

    @Override
    List<Setting> settings() {
        return List.of(TENANTS, ALL_TENANTS);
    }

    @Override
    List<String> command() {
        List<String> args = new ArrayList<>(List.of("check"));
        args.addAll(fanOut(this, tenants, allTenants, null, null, null));
        return args;
    }

    @Override
    void differences(List<String> output) throws MojoFailureException {
        List<String> problems = output.stream().filter(l -> !l.isBlank() && !l.startsWith(" ")).toList();
        List<String> named = problems.size() > NAMED + 1 ? problems.subList(problems.size() - NAMED - 1, problems.size()) : problems;
        throw new MojoFailureException("retort check: " + String.join("; ", named));
    }
}
