package dev.retort.cli.authoring;

import dev.retort.api.RevisionInfo;
import dev.retort.cli.config.Settings;
import dev.retort.operations.Operation;
import dev.retort.revision.Revision;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** How the authoring commands print revisions: one line each, or a block for {@code show}. */
final class Listing {
    private Listing() {
    }

    /**
     * Alembic's history line: {@code PARENTS -> ID MARKERS, MESSAGE}, with {@code <base>} for no
     * parent, markers {@code (head)}, {@code (branchpoint)}, {@code (mergepoint)}, and the message's first line.
     */
    static String line(RevisionInfo info) {
        Revision r = info.revision();
        String parents = r.isBase() ? "<base>" : String.join(", ", r.downRevisions());
        return parents + " -> " + r.id() + markers(info) + ", " + firstLine(r.message());
    }

    /** {@code ID MARKERS, MESSAGE}: a head as {@code heads} lists it. */
    static String head(RevisionInfo info) {
        return info.id() + markers(info) + ", " + firstLine(info.revision().message());
    }

    /** Each revision on its {@code line}, or with {@code verbose} as {@link #block}s a blank line apart. */
    static void print(PrintWriter out, List<RevisionInfo> infos, Settings settings, boolean verbose,
                      Function<RevisionInfo, String> line) {
        for (int i = 0; i < infos.size(); i++) {
            if (!verbose) {
                out.println(line.apply(infos.get(i)));
            } else {
                if (i > 0) out.println();
                block(out, infos.get(i), settings);
            }
        }
        out.flush();
    }

    static String markers(RevisionInfo info) {
        StringBuilder out = new StringBuilder();
        if (info.head()) out.append(" (head)");
        if (info.branchPoint()) out.append(" (branchpoint)");
        if (info.mergePoint()) out.append(" (mergepoint)");
        return out.toString();
    }

    /**
     * The block {@code show} prints: the revision's place in the graph, its file, its message, and its
     * operations one per line ({@code !} marks the destructive ones; a downgrade operation that cannot
     * bring back what its upgrade removed carries the note the file has as a comment).
     */
    static void block(PrintWriter out, RevisionInfo info, Settings settings) {
        Revision r = info.revision();
        out.println("Rev: " + r.id() + markers(info));
        out.println("Parent: " + (r.isBase() ? "<base>" : String.join(", ", r.downRevisions())));
        if (!info.children().isEmpty()) {
            out.println((info.branchPoint() ? "Branches into: " : "Child: ") + String.join(", ", info.children()));
        }
        if (r.path() != null) out.println("Path: " + settings.display(r.path()));
        out.println("Created: " + r.created());
        out.println("Checksum: " + r.checksum());
        out.println();
        if (!r.message().isEmpty()) {
            r.message().lines().forEach(l -> out.println(("    " + l).stripTrailing()));
            out.println();
        }
        operations(out, "upgrade", r.upgrade(), false);
        operations(out, "downgrade", r.downgrade(), true);
    }

    private static void operations(PrintWriter out, String title, List<Operation> ops, boolean downgrade) {
        if (ops.isEmpty()) {
            out.println(title + ": (none)");
            return;
        }
        out.println(title + ":");
        for (Operation op : ops) {
            out.println(described(op));
            String note = downgrade ? Revision.downgradeLossNote(op) : null;
            if (note != null) out.println("    # " + note);
        }
    }

    /** {@code Diff.describe()}'s form: {@code ! } before a destructive operation, two spaces otherwise. */
    static String described(Operation op) {
        return (op.destructive() ? "! " : "  ") + op.describe();
    }

    static List<String> described(List<Operation> ops) {
        List<String> out = new ArrayList<>();
        ops.forEach(op -> out.add(described(op)));
        return out;
    }

    static String firstLine(String message) {
        return message.lines().findFirst().orElse("");
    }
}
