package dev.retort.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code retort revision}: writes a new revision, empty or ({@code -Dretort.autogenerate}) what makes
 * the schema match the model, loaded from the project's compile class path: compile first
 * ({@code mvn compile retort:revision}).
 */
@Mojo(name = "revision", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class RevisionMojo extends RetortMojo {
    static final Setting MESSAGE = new Setting("message");
    static final Setting AUTOGENERATE = new Setting("autogenerate");
    static final Setting PIN_SCHEMA = new Setting("pinSchema");

    /** What the revision is for: required. */
    @Parameter
    String message;

    /** Compare the schema with the model and write the difference. */
    @Parameter
    Boolean autogenerate;

    /** With autogenerate: write the schema into every operation. */
    @Parameter
    Boolean pinSchema;

    @Override
    List<Setting> settings() {
        return List.of(MESSAGE, AUTOGENERATE, PIN_SCHEMA);
    }

    @Override
    List<String> command() throws MojoFailureException {
        String m = value(MESSAGE, message);
        if (m == null || m.isBlank()) throw new MojoFailureException("retort:revision needs a message: -Dretort.message=\"add orders\"");
        List<String> args = new ArrayList<>(List.of("revision", "-m", m));
        if (flag(AUTOGENERATE, autogenerate)) args.add("--autogenerate");
        if (flag(PIN_SCHEMA, pinSchema)) args.add("--pin-schema");
        return args;
    }
}
