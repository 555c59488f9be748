package dev.retort.cli.demo;

import dev.retort.MetaData;
import dev.retort.Table;

import java.io.PrintWriter;
import java.util.List;

import static dev.retort.cli.demo.PythonRepr.repr;

/** What the demonstrations print, every value read from the objects and formatted by {@link PythonRepr}. */
final class DemoOutput {
    private final PrintWriter out;

    DemoOutput(PrintWriter out) {
        this.out = out;
    }

    void heading(String text) {
        out.println(text);
        out.println();
    }

    /** Java code, indented, its {@code //} comments aligned, with a blank line after it. */
    void code(String... lines) {
        int width = 0;
        for (String line : lines) {
            if (line.contains("//")) width = Math.max(width, codePart(line).length());
        }
        for (String line : lines) {
            int comment = line.indexOf("//");
            String text = comment < 0 ? line : String.format("%-" + width + "s   %s", codePart(line), line.substring(comment));
            out.println("    " + text);
        }
        out.println();
    }

    private static String codePart(String line) {
        int comment = line.indexOf("//");
        return (comment < 0 ? line : line.substring(0, comment)).stripTrailing();
    }

    void line(String text) {
        out.println(text);
    }

    void blank() {
        out.println();
    }

    /** The seed's three lines: the default schema, the table keys, and the first table's schema. */
    void state(MetaData metadata) {
        state("", metadata);
    }

    /** The three lines, each prefixed (e.g. {@code "  other consumer: "}). */
    void state(String prefix, MetaData metadata) {
        out.println(prefix + "metadata.schema: " + repr(metadata.schema()));
        out.println(prefix + "metadata.tables keys: " + repr(List.copyOf(metadata.tables().keySet())));
        out.println(prefix + "Table.schema: " + tableSchema(metadata));
    }

    private static String tableSchema(MetaData metadata) {
        Table first = metadata.tables().values().stream().findFirst().orElse(null);
        return first == null ? "(the model has no table)" : repr(first.schema());
    }

    /** A Java string literal, for code shown with the demonstration's own values. */
    static String literal(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
