package dev.retort.api;

import java.util.List;

/**
 * A tenant schema created and brought to head in one transaction.
 *
 * @param method     how its tables were made ({@link CreateMethod#REPLAY}, {@link CreateMethod#MODEL} or {@link CreateMethod#POOL})
 * @param heads      the revisions it is at
 * @param statements how many statements created its objects (version table excluded; none when taken from the pool)
 * @param millis     the transaction's time, from the first statement to the commit
 */
public record CreateResult(String schema, CreateMethod method, List<String> heads, int statements, long millis) {
    public CreateResult {
        heads = List.copyOf(heads);
    }
}
