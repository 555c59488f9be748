package dev.retort.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.util.ArrayList;
import java.util.List;

/** {@code retort current}: the revisions the schema, or every tenant, is at. */
@Mojo(name = "current", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class CurrentMojo extends RetortMojo {

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
        List<String> args = new ArrayList<>(List.of("current"));
        args.addAll(fanOut(this, tenants, allTenants, null, null, null));
        return args;
    }
}
