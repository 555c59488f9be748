package dev.retort.cli.config;

import dev.retort.MetaData;
import jakarta.persistence.Entity;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Compiles a few classes, as a user's project would hold them, against Retort's core. */
public final class JavaSources {
    private JavaSources() {
    }

    /**
     * Compiles {@code sources} (class name to source text) into {@code classes}.
     *
     * @return {@code classes}
     */
    public static Path compile(Path classes, Map<String, String> sources) throws IOException {
        Path sourceDir = Files.createTempDirectory(Files.createDirectories(classes.getParent()), "src");
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "--release", "17",
                "-cp", Path.of(codeSource(MetaData.class)) + File.pathSeparator + Path.of(codeSource(Entity.class))
                        + File.pathSeparator + Path.of(codeSource(jakarta.validation.constraints.NotNull.class))));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = sourceDir.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            arguments.add(file.toString());
        }
        Files.createDirectories(classes);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int exit = compiler.run(null, null, errors, arguments.toArray(String[]::new));
        if (exit != 0) throw new IllegalStateException("javac failed: " + errors.toString(StandardCharsets.UTF_8));
        return classes;
    }

    static java.net.URI codeSource(Class<?> type) {
        try {
            return type.getProtectionDomain().getCodeSource().getLocation().toURI();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
