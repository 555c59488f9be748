package dev.retort.internal.revision;

import java.util.List;

/**
 * Where one operation of a revision file is, and the lint rules it silences ({@code lint: {ignore:
 * [ID], reason: ...}} beside the operation). Not part of the revision or its checksum: silencing a
 * rule changes nothing the revision does.
 *
 * @param line   the operation's line in the file (1-based; 0 when unknown)
 * @param ignore the ids of the rules it silences, each a {@link LintRule}'s
 * @param reason why; never null when {@code ignore} is not empty
 */
public record OperationSource(int line, List<String> ignore, String reason) {
    public OperationSource {
        ignore = List.copyOf(ignore);
    }

    public static OperationSource at(int line) {
        return new OperationSource(line, List.of(), null);
    }

    public boolean ignores(LintRule rule) {
        return ignore.contains(rule.id());
    }
}
