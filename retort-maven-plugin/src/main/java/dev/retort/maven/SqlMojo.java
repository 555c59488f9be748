package dev.retort.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of an upgrade (or, with {@code downgrade}, of a downgrade) for the schema, without a
 * database: {@code retort upgrade RANGE --sql}. Written to {@code output}, or to the log.
 */
@Mojo(name = "sql", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class SqlMojo extends RetortMojo {
    static final Setting RANGE = new Setting("range");
    static final Setting DOWNGRADE = new Setting("downgrade");
    static final Setting OUTPUT = new Setting("output");

    /** TARGET (from base, or from the heads for a downgrade) or FROM:TARGET; default head. */
    @Parameter
    String range;

    /** The SQL of a downgrade instead. */
    @Parameter
    Boolean downgrade;

    /** The file to write the SQL to; default: the log. */
    @Parameter
    File output;

    private final List<String> lines = new ArrayList<>();
    private Path file;

    @Override
    List<Setting> settings() {
        return List.of(RANGE, DOWNGRADE, OUTPUT);
    }

    @Override
    List<String> command() throws MojoFailureException {
        boolean down = flag(DOWNGRADE, downgrade);
        String r = value(RANGE, range);
        if (r == null && down) throw new MojoFailureException("retort:sql with downgrade needs a range: -Dretort.range=base");
        String o = value(OUTPUT, output);
        file = o == null ? null : project.getBasedir().toPath().resolve(o);
        return List.of(down ? "downgrade" : "upgrade", r == null ? "head" : r, "--sql");
    }

    @Override
    void output(String line) {
        if (file == null) super.output(line);
        else lines.add(line);
    }

    @Override
    void outputDone() throws MojoFailureException {
        if (file == null || lines.isEmpty()) return;
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoFailureException("cannot write " + file + ": " + e.getMessage(), e);
        }
        getLog().info("retort: wrote " + file);
    }
}
