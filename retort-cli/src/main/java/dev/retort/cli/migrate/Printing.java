package dev.retort.cli.migrate;

import dev.retort.revision.Revision;
import dev.retort.api.AppliedStep;

import java.util.List;

/** How the migration commands write revisions and states: concise, one line per thing. */
final class Printing {
    private Printing() {
    }

    /** {@code 3f9c2a1b7d4e initial}: the id and the message's first line. */
    static String revision(Revision r) {
        String message = r.message().lines().findFirst().orElse("");
        return message.isBlank() ? r.id() : r.id() + " " + message;
    }

    /** {@code upgraded tenant_a: 3f9c2a1b7d4e initial (45 ms)}. */
    static String step(String verb, String schema, AppliedStep step) {
        return verb + " " + schema + ": " + revision(step.revision()) + " (" + step.millis() + " ms)";
    }

    /** {@code base}, or the heads joined. */
    static String heads(List<String> heads) {
        return heads.isEmpty() ? "base" : String.join(", ", heads);
    }
}
