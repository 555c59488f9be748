package dev.retort.loader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Retort's own files beside retort.yaml ({@value ModelRequest#STATE_DIRECTORY}): caches and the embedded
 * server's data. It is made with a .gitignore of its own, so that it never ends up in the user's
 * repository whatever their .gitignore says.
 */
public final class StateDirectory {
    private StateDirectory() {
    }

    /** Makes the directory when it is missing and returns it. */
    public static Path create(Path directory) {
        try {
            Files.createDirectories(directory);
            Path ignore = directory.resolve(".gitignore");
            if (!Files.exists(ignore)) {
                Files.writeString(ignore, "# Retort's caches and the embedded server's data.\n*\n", StandardCharsets.UTF_8);
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory + ": " + e.getMessage(), e);
        }
    }
}
