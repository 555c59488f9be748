package dev.retort.jpa;

import dev.retort.Constraint;
import dev.retort.Index;
import dev.retort.MetaData;
import dev.retort.Table;

import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares models by value. Columns must match in order; constraints and indexes are compared as sets
 * (sorted by name), since their order carries no meaning.
 */
final class Expect {
    private Expect() {
    }

    static void sameModel(MetaData actual, MetaData expected) {
        assertThat(actual.tables().keySet()).as("tables").containsExactlyInAnyOrderElementsOf(expected.tables().keySet());
        for (Table e : expected.tables().values()) {
            assertThat(normal(actual.get(e.key()))).as("table " + e.key()).isEqualTo(normal(e));
        }
        assertThat(actual.sequences()).as("sequences").isEqualTo(expected.sequences());
    }

    private static Table normal(Table t) {
        return new Table(t.schema(), t.name(), t.columns(), t.primaryKey(), sorted(t.uniques()), sorted(t.foreignKeys()),
                sorted(t.checks()), t.indexes().stream().sorted(Comparator.comparing(Index::name)).toList(), t.comment(), t.renamedFrom());
    }

    private static <C extends Constraint> List<C> sorted(List<C> list) {
        return list.stream().sorted(Comparator.comparing(Constraint::name)).toList();
    }
}
