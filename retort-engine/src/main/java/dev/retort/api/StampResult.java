package dev.retort.api;

import java.util.List;

/**
 * What a stamp recorded: the version table says the schema is at {@code headsAfter}; nothing else ran.
 *
 * @param schemaCreated whether the schema did not exist and was created (with its version table)
 */
public record StampResult(String schema, boolean schemaCreated, List<String> headsBefore, List<String> headsAfter) {
    public StampResult {
        headsBefore = List.copyOf(headsBefore);
        headsAfter = List.copyOf(headsAfter);
    }
}
