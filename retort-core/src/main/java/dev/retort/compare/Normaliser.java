package dev.retort.compare;

import dev.retort.SqlType;

/**
 * What a dialect tells the differ so that equal things compare equal: the database rewrites
 * expressions ({@code now()} is stored as {@code now()}, {@code CURRENT_TIMESTAMP} as
 * {@code CURRENT_TIMESTAMP}, {@code 'x'} as {@code 'x'::character varying}), so the model's text and the
 * catalog's text are each brought to one canonical form before they are compared. Implementations
 * are pure functions of their arguments: no database access.
 */
public interface Normaliser {

    /** Canonical form of a column default of the given type; null stays null. */
    String normaliseDefault(String expression, SqlType type);

    /** Canonical form of a check expression, index expression or partial-index predicate. */
    String normaliseExpression(String expression);

    /** The type as the database would store it (e.g. an alias folded into its canonical type). */
    default SqlType normaliseType(SqlType type) {
        return type;
    }

    /** The index method when none is given. */
    default String defaultIndexMethod() {
        return "btree";
    }

    /** Compares text as written, after trimming: for models that never met a database. */
    Normaliser LITERAL = new Normaliser() {
        @Override
        public String normaliseDefault(String expression, SqlType type) {
            return expression == null ? null : expression.strip();
        }

        @Override
        public String normaliseExpression(String expression) {
            return expression == null ? null : expression.strip();
        }
    };
}
