package dev.retort.compare;

import dev.retort.MetaData;
import dev.retort.SqlType;
import dev.retort.operations.Operation;

import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks a diff the way a migration would be checked: apply it, look at the result, diff again. */
final class RoundTrip {
    private RoundTrip() {
    }

    /**
     * Diffs, applies the operations to an in-memory copy of {@code database} (with {@code emptySchemas}
     * existing besides those holding something), and asserts that the result looks like the model in the
     * managed schemas, names included, and that a second diff finds nothing.
     */
    static Diff check(MetaData model, MetaData database, CompareOptions options, String... emptySchemas) {
        return check(model, database, options, true, emptySchemas);
    }

    /**
     * As {@link #check(MetaData, MetaData, CompareOptions, String...)}, but constraints and indexes may
     * keep the database's names when {@code withNames} is false (after a rename, say).
     */
    static Diff check(MetaData model, MetaData database, CompareOptions options, boolean withNames, String... emptySchemas) {
        Diff diff = Differ.compare(model, database, options);
        InMemoryDatabase applied = InMemoryDatabase.of(database, emptySchemas).apply(diff.operations());
        MetaData after = applied.toMetaData();
        assertThat(Shapes.of(after, options::manages, withNames)).as("after applying %s", diff)
                .isEqualTo(Shapes.of(model, options::manages, withNames));
        assertThat(enums(applied.enums(), options)).as("enum types after applying %s", diff)
                .isEqualTo(enums(model.enums().stream().collect(Collectors.toMap(SqlType.Enum::key, e -> e)), options));
        assertThat(Differ.compare(model, after, options).operations()).as("diff after applying %s", diff).isEmpty();
        return diff;
    }

    static Diff check(MetaData model, MetaData database) {
        return check(model, database, CompareOptions.everySchema());
    }

    private static Map<String, SqlType.Enum> enums(Map<String, SqlType.Enum> all, CompareOptions options) {
        return all.entrySet().stream().filter(e -> options.manages(e.getValue().schema()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The operations' descriptions, for order assertions that read like the migration. */
    static java.util.List<String> described(Diff diff) {
        return diff.operations().stream().map(Operation::describe).toList();
    }
}
