package dev.retort.api;

import dev.retort.compare.Diff;
import dev.retort.revision.Revision;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a schema is at the head of the revision graph and matches the model.
 *
 * @param schema       the schema
 * @param schemaExists whether it exists at all
 * @param heads        the schema's applied heads
 * @param pending      the revisions to apply to reach every head of the graph, in order
 * @param edited       applied revisions whose files changed since
 * @param unknown      applied revisions with no file in the migrations directory
 * @param drift        the operations that would make the schema match the model; null when the schema
 *                     was not compared (it does not exist, or revisions are pending, whose changes
 *                     would all show up as drift)
 */
public record CheckResult(String schema, boolean schemaExists, List<String> heads, List<Revision> pending,
                          List<EditedRevision> edited, List<String> unknown, Diff drift) {
    public CheckResult {
        heads = List.copyOf(heads);
        pending = List.copyOf(pending);
        edited = List.copyOf(edited);
        unknown = List.copyOf(unknown);
    }

    /** At head, no file edited or missing, and the schema matches the model. */
    public boolean clean() {
        return schemaExists && pending.isEmpty() && edited.isEmpty() && unknown.isEmpty() && drift != null && drift.isEmpty();
    }

    /** One line per problem, for people; empty when {@link #clean()}. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (!schemaExists) out.add("schema " + schema + " does not exist");
        for (Revision r : pending) out.add("pending: " + r);
        for (EditedRevision e : edited) out.add("edited after it was applied: " + e.describe());
        for (String id : unknown) out.add("applied but not in the migrations directory: " + id);
        if (drift != null) {
            for (String line : drift.describe()) out.add("drift: " + line.strip());
        }
        return out;
    }
}
