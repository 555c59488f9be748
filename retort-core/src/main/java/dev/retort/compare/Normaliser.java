package dev.retort.compare;

import dev.retort.Identity;
import dev.retort.Sequence;
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

    /** How a database converts a column's values when its type changes. */
    enum Conversion {
        /** On its own: the type change needs nothing more. */
        ASSIGNMENT,
        /** Only when told to ({@code USING col::type}); it may fail on values that do not convert. */
        EXPLICIT,
        /** Not at all: the column is dropped and added again, its values lost. */
        NONE
    }

    /**
     * How the database converts values of one column type into another. The default, for models that
     * never met a database, assumes it just does.
     */
    default Conversion conversion(SqlType from, SqlType to) {
        return Conversion.ASSIGNMENT;
    }

    /**
     * The name the database gives the sequence behind a serial column of {@code table}, or null when it
     * has no such rule: a model sequence of that name, where the serial column goes, is that sequence
     * kept rather than a new one.
     */
    default String serialSequenceName(String table, String column) {
        return null;
    }

    /**
     * A column default that draws the next value of a sequence of the column's schema, as the database
     * writes a serial column's default; null when it has none (and no serial columns).
     */
    default String nextValue(String sequence) {
        return null;
    }

    /** The index method when none is given. */
    default String defaultIndexMethod() {
        return "btree";
    }

    /**
     * The sequence with every option the database fills in when it is omitted made explicit, so that a
     * model's {@code Sequence.of("s")} equals what reflection reads back ({@code start 1, increment 1,
     * ...}). The default applies the SQL standard's rules (an ascending sequence runs from 1 to the
     * type's maximum, a descending one from -1 down to its minimum, starting at the end it moves away
     * from) and PostgreSQL's cache of 1; a dialect with other defaults overrides it.
     */
    default Sequence normaliseSequence(Sequence sequence) {
        SqlType type = normaliseType(sequence.type());
        long increment = sequence.increment() == null ? 1 : sequence.increment();
        long typeMax = type == SqlType.Simple.SMALLINT ? Short.MAX_VALUE
                : type == SqlType.Simple.INTEGER ? Integer.MAX_VALUE : Long.MAX_VALUE;
        long typeMin = type == SqlType.Simple.SMALLINT ? Short.MIN_VALUE
                : type == SqlType.Simple.INTEGER ? Integer.MIN_VALUE : Long.MIN_VALUE;
        long min = sequence.minValue() != null ? sequence.minValue() : increment > 0 ? 1 : typeMin;
        long max = sequence.maxValue() != null ? sequence.maxValue() : increment > 0 ? typeMax : -1;
        long start = sequence.start() != null ? sequence.start() : increment > 0 ? min : max;
        long cache = sequence.cache() == null ? 1 : sequence.cache();
        return new Sequence(sequence.schema(), sequence.name(), type, start, increment, min, max, cache, sequence.cycle());
    }

    /**
     * The identity with its start, increment, cache and the bounds that do not depend on the column's
     * type made explicit (null means the database default), by the same rules as
     * {@link #normaliseSequence}; null stays null.
     */
    default Identity normaliseIdentity(Identity identity) {
        if (identity == null) return null;
        long increment = identity.increment() == null ? 1 : identity.increment();
        // The bounds that depend on the column's type (an ascending maximum, a descending minimum) are
        // left as given; the others are made explicit.
        Long min = identity.minValue() != null ? identity.minValue() : increment > 0 ? Long.valueOf(1) : null;
        Long max = identity.maxValue() != null ? identity.maxValue() : increment > 0 ? null : Long.valueOf(-1);
        long start = identity.start() != null ? identity.start() : increment > 0 ? min : max;
        long cache = identity.cache() == null ? 1 : identity.cache();
        return new Identity(identity.always(), start, increment, min, max, cache, identity.cycle());
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
