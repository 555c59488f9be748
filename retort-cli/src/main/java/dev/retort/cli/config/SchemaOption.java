package dev.retort.cli.config;

import picocli.CommandLine.Option;

/** {@code --schema S}, for every command that works on one schema: {@code @Mixin SchemaOption schema;}. */
public final class SchemaOption {

    @Option(names = Overrides.SCHEMA_OPTION, paramLabel = "SCHEMA",
            description = "The tenant schema, over TARGET_SCHEMA and the configuration's schema.")
    String schema;

    /** The schema given, or null. */
    public String value() {
        return schema;
    }
}
