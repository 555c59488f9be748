package dev.retort.cli.config;

import java.nio.file.Path;

/** How paths appear in messages and listings. */
final class Display {
    private Display() {
    }

    /** Relative to {@code base} when under it (shorter, and what the user typed), else absolute. */
    static String path(Path base, Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path from = base.toAbsolutePath().normalize();
        if (absolute.equals(from)) return ".";
        return absolute.startsWith(from) ? from.relativize(absolute).toString() : absolute.toString();
    }
}
