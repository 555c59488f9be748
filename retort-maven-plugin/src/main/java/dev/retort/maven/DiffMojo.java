package dev.retort.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code retort diff}: what makes schema {@code fromSchema} match {@code toSchema}. Differences fail
 * the build only with {@code failOnDifferences}.
 */
@Mojo(name = "diff", threadSafe = true)
public class DiffMojo extends RetortMojo {
    static final Setting FROM_SCHEMA = new Setting("fromSchema");
    static final Setting TO_SCHEMA = new Setting("toSchema");
    static final Setting FROM_URL = new Setting("fromUrl");
    static final Setting TO_URL = new Setting("toUrl");
    static final Setting NO_DROPS = new Setting("noDrops");
    static final Setting SQL = new Setting("sql");
    static final Setting FAIL_ON_DIFFERENCES = new Setting("failOnDifferences");
    static final Setting MANAGED_ONLY = new Setting("managedOnly");

    /** The schema to change: required. */
    @Parameter
    String fromSchema;

    /** The schema to match: required. */
    @Parameter
    String toSchema;

    /** The database of fromSchema (default: url's). */
    @Parameter
    String fromUrl;

    /** The database of toSchema (default: url's). */
    @Parameter
    String toUrl;

    /** Leave out what only fromSchema has. */
    @Parameter
    Boolean noDrops;

    /** Print the SQL for fromSchema instead of the operations. */
    @Parameter
    Boolean sql;

    /** Fail the build when the schemas differ. */
    @Parameter
    Boolean failOnDifferences;

    /** Count only differences of the kinds Retort migrates: objects listed as not managed do not fail the build. */
    @Parameter
    Boolean managedOnly;

    @Override
    List<Setting> settings() {
        return List.of(FROM_SCHEMA, TO_SCHEMA, FROM_URL, TO_URL, NO_DROPS, SQL, FAIL_ON_DIFFERENCES, MANAGED_ONLY);
    }

    @Override
    List<String> command() throws MojoFailureException {
        String from = value(FROM_SCHEMA, fromSchema);
        String to = value(TO_SCHEMA, toSchema);
        if (from == null || to == null) {
            throw new MojoFailureException("retort:diff needs both schemas: -Dretort.fromSchema=A -Dretort.toSchema=B");
        }
        List<String> args = new ArrayList<>(List.of("diff", "--from-schema", from, "--to-schema", to));
        String fu = value(FROM_URL, fromUrl);
        if (fu != null) args.addAll(List.of("--from-url", fu));
        String tu = value(TO_URL, toUrl);
        if (tu != null) args.addAll(List.of("--to-url", tu));
        if (flag(NO_DROPS, noDrops)) args.add("--no-drops");
        if (flag(SQL, sql)) args.add("--sql");
        if (flag(MANAGED_ONLY, managedOnly)) args.add("--managed-only");
        return args;
    }

    @Override
    void differences(List<String> output) throws MojoFailureException {
        if (flag(FAIL_ON_DIFFERENCES, failOnDifferences)) {
            throw new MojoFailureException("retort diff: " + fromSchema() + " differs from " + toSchema() + ": " + String.join("; ", output));
        }
    }

    private String fromSchema() {
        return value(FROM_SCHEMA, fromSchema);
    }

    private String toSchema() {
        return value(TO_SCHEMA, toSchema);
    }
}
