package dev.retort.compare;

import dev.retort.SqlType;
import dev.retort.Types;

import java.util.Locale;

/**
 * A small stand-in for a dialect's normaliser, enough to show that the differ compares what it
 * returns: case and spacing ignored, {@code ::casts} dropped, one pair of outer parentheses dropped,
 * {@code CURRENT_TIMESTAMP} read as {@code now()}, unbounded varchar read as text.
 */
final class TestNormaliser implements Normaliser {
    static final TestNormaliser INSTANCE = new TestNormaliser();

    @Override
    public String normaliseDefault(String expression, SqlType type) {
        return expression == null ? null : normaliseExpression(expression);
    }

    @Override
    public String normaliseExpression(String expression) {
        if (expression == null) return null;
        String s = expression.strip().toLowerCase(Locale.ROOT).replaceAll("::[a-z ]+", "").replaceAll("\\s+", " ");
        if (s.startsWith("(") && s.endsWith(")")) s = s.substring(1, s.length() - 1).strip();
        return s.equals("current_timestamp") ? "now()" : s;
    }

    @Override
    public SqlType normaliseType(SqlType type) {
        return type.equals(Types.VARCHAR) ? Types.TEXT : type;
    }
}
