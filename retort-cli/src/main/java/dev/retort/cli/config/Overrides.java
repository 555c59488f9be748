package dev.retort.cli.config;

import java.nio.file.Path;

/**
 * What the command line says about the configuration; each field null when not given.
 *
 * @param config the {@code --config} file, relative to the working directory
 * @param url    {@code --url}, over {@code RETORT_URL} and the file
 * @param schema {@code --schema}, over {@code TARGET_SCHEMA} and the file
 */
public record Overrides(Path config, String url, String schema) {
    public static final String CONFIG_OPTION = "--config";
    public static final String URL_OPTION = "--url";
    public static final String SCHEMA_OPTION = "--schema";

    public static Overrides none() {
        return new Overrides(null, null, null);
    }

    @Override
    public String toString() {
        return "Overrides[config=" + config + ", url=" + JdbcUrls.mask(url) + ", schema=" + schema + "]";
    }
}
