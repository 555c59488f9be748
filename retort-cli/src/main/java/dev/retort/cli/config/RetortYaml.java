package dev.retort.cli.config;

import dev.retort.api.DdlTimeouts;

import dev.retort.loader.ModelSource;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What one retort.yaml says, before the environment and the command line have their say
 * ({@link SettingsLoader} combines them). Every field is null when its key is absent or has no value;
 * {@link #lines} gives the line of each key that is present, for messages.
 *
 * @param name        the file as messages name it
 * @param ddlTimeouts the defaults with the file's {@code ddl_lock_timeout}, {@code statement_timeout} and
 *                    {@code ddl_attempts} over them; null when it gives none of them
 */
public record RetortYaml(String name, Map<Key, Integer> lines,
                         String url, String user, Secret password, String migrations, ModelSource model,
                         List<String> classpath, String versionTable, String schema, String tenantNamePattern,
                         TenantSettings tenants, DdlTimeouts ddlTimeouts) {

    public RetortYaml {
        lines = Map.copyOf(lines);
        classpath = classpath == null ? null : List.copyOf(classpath);
    }

    /** No file: every key absent. */
    public static RetortYaml empty(String name) {
        return new RetortYaml(name, new EnumMap<>(Key.class), null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Reads and checks the shape of a retort.yaml. */
    public static RetortYaml read(Path file, String name) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new ConfigException(name + ": not UTF-8 text");
        } catch (IOException e) {
            throw new ConfigException(name + ": cannot be read: " + e.getMessage(), e);
        }
        return parse(new StringReader(text), name);
    }

    /** Parses retort.yaml text; {@code name} names it in messages. */
    public static RetortYaml parse(Reader text, String name) {
        return new RetortYamlParser(name).parse(text);
    }

    /** Whether the file gives the key a value. */
    public boolean has(Key key) {
        return lines.containsKey(key);
    }

    /** Where the key is given; only for keys the file {@link #has}. */
    public Source source(Key key) {
        Integer line = lines.get(key);
        if (line == null) throw new IllegalArgumentException(name + " does not give " + key.yamlName());
        return Source.file(name, line);
    }

    @Override
    public String toString() {
        return "RetortYaml[name=" + name + ", url=" + JdbcUrls.mask(url) + ", user=" + user
                + ", password=" + password + ", migrations=" + migrations + ", model=" + model
                + ", classpath=" + classpath + ", versionTable=" + versionTable + ", schema=" + schema
                + ", tenantNamePattern=" + tenantNamePattern + ", tenants=" + tenants + ", ddlTimeouts=" + ddlTimeouts + "]";
    }
}
