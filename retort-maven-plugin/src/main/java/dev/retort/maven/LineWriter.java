package dev.retort.maven;

import java.io.Writer;
import java.util.function.Consumer;

/** A writer that hands each complete line to a consumer (Maven's log), without its line break. */
final class LineWriter extends Writer {
    private final Consumer<String> lines;
    private final StringBuilder current = new StringBuilder();

    LineWriter(Consumer<String> lines) {
        this.lines = lines;
    }

    @Override
    public synchronized void write(char[] buffer, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            char c = buffer[i];
            if (c == '\n') {
                emit();
            } else if (c != '\r') {
                current.append(c);
            }
        }
    }

    private void emit() {
        lines.accept(current.toString());
        current.setLength(0);
    }

    @Override
    public void flush() {
        // Lines go out when they end; a partial line waits for its end or for close.
    }

    @Override
    public synchronized void close() {
        if (current.length() > 0) emit();
    }
}
