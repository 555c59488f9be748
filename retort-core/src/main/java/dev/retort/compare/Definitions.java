package dev.retort.compare;

import dev.retort.CheckConstraint;
import dev.retort.Column;
import dev.retort.Constraint;
import dev.retort.ExclusionConstraint;
import dev.retort.ForeignKey;
import dev.retort.Index;
import dev.retort.PrimaryKey;
import dev.retort.Sequence;
import dev.retort.SqlType;
import dev.retort.UniqueConstraint;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Equality of definitions as the database sees them: every text and type goes through the
 * {@link Normaliser} on both sides, so a model and a reflected schema built from it compare equal.
 * Names are not part of a definition.
 */
final class Definitions {
    private final Normaliser normaliser;

    Definitions(Normaliser normaliser) {
        this.normaliser = normaliser;
    }

    /**
     * Types after normalisation. An enum type is compared by its name only: its labels are the enum
     * type's business ({@link EnumDiff}), not the column's.
     */
    boolean sameType(SqlType a, SqlType b) {
        SqlType x = normaliser.normaliseType(a);
        SqlType y = normaliser.normaliseType(b);
        if (x instanceof SqlType.Enum ex && y instanceof SqlType.Enum ey) return ex.key().equals(ey.key());
        if (x instanceof SqlType.Array ax && y instanceof SqlType.Array ay) return sameType(ax.element(), ay.element());
        return x.equals(y);
    }

    String serialSequenceName(String table, String column) {
        return normaliser.serialSequenceName(table, column);
    }

    String nextValue(String sequence) {
        return normaliser.nextValue(sequence);
    }

    Normaliser.Conversion conversion(SqlType from, SqlType to) {
        return normaliser.conversion(from, to);
    }

    boolean sameDefault(Column a, Column b) {
        return Objects.equals(normaliser.normaliseDefault(a.serverDefault(), a.type()),
                normaliser.normaliseDefault(b.serverDefault(), b.type()));
    }

    /** Identity and serial columns are NOT NULL whatever the definition says. */
    static boolean nullable(Column c) {
        return c.nullable() && c.identity() == null && !c.autoIncrement();
    }

    boolean sameIdentity(Column a, Column b) {
        return Objects.equals(normaliser.normaliseIdentity(a.identity()), normaliser.normaliseIdentity(b.identity()));
    }

    boolean sameComputed(Column a, Column b) {
        return Objects.equals(expression(a.computed()), expression(b.computed()));
    }

    /** An empty comment is no comment: {@code COMMENT ... IS ''} removes it. */
    static boolean sameComment(String a, String b) {
        return Objects.equals(blankToNull(a), blankToNull(b));
    }

    static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    boolean sameConstraint(Constraint a, Constraint b) {
        if (a instanceof PrimaryKey x && b instanceof PrimaryKey y) {
            return x.columns().equals(y.columns()) && x.deferrable() == y.deferrable()
                    && x.initiallyDeferred() == y.initiallyDeferred();
        }
        if (a instanceof UniqueConstraint x && b instanceof UniqueConstraint y) {
            return x.columns().equals(y.columns()) && x.deferrable() == y.deferrable()
                    && x.initiallyDeferred() == y.initiallyDeferred() && x.nullsNotDistinct() == y.nullsNotDistinct();
        }
        if (a instanceof CheckConstraint x && b instanceof CheckConstraint y) {
            return Objects.equals(expression(x.expression()), expression(y.expression())) && x.noInherit() == y.noInherit()
                    && x.notValid() == y.notValid();
        }
        if (a instanceof ExclusionConstraint x && b instanceof ExclusionConstraint y) {
            return exclusionMethod(x).equals(exclusionMethod(y))
                    && sameElements(x.elements(), y.elements()) && x.operators().equals(y.operators())
                    && x.include().equals(y.include()) && Objects.equals(expression(x.where()), expression(y.where()))
                    && x.deferrable() == y.deferrable() && x.initiallyDeferred() == y.initiallyDeferred();
        }
        if (a instanceof ForeignKey x && b instanceof ForeignKey y) {
            return x.columns().equals(y.columns()) && Objects.equals(x.referredSchema(), y.referredSchema())
                    && x.referredTable().equals(y.referredTable()) && x.referredColumns().equals(y.referredColumns())
                    && x.onDelete() == y.onDelete() && x.onUpdate() == y.onUpdate()
                    && x.deferrable() == y.deferrable() && x.initiallyDeferred() == y.initiallyDeferred()
                    && x.matchFull() == y.matchFull() && x.notValid() == y.notValid();
        }
        return false;
    }

    /** The constraint marked validated: only checks and foreign keys can be anything else. */
    static Constraint validated(Constraint c) {
        if (c instanceof CheckConstraint ck) return ck.withNotValid(false);
        if (c instanceof ForeignKey fk) return fk.withNotValid(false);
        return c;
    }

    boolean sameIndex(Index a, Index b) {
        return a.unique() == b.unique()
                && method(a).equals(method(b))
                && Objects.equals(expression(a.where()), expression(b.where()))
                && a.include().equals(b.include())
                && a.nullsNotDistinct() == b.nullsNotDistinct()
                && options(a).equals(options(b))
                && sameElements(a.elements(), b.elements());
    }

    /** Storage parameters as the database keeps them: {@code name=value}, the name lower case, no quotes or spaces, sorted. */
    private static List<String> options(Index index) {
        return index.options().stream().map(o -> {
            int eq = o.indexOf('=');
            String value = o.substring(eq + 1).strip();
            if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) value = value.substring(1, value.length() - 1);
            return o.substring(0, eq).strip().toLowerCase(java.util.Locale.ROOT) + "=" + value;
        }).sorted().toList();
    }

    private boolean sameElements(List<Index.Element> a, List<Index.Element> b) {
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) {
            Index.Element x = a.get(i);
            Index.Element y = b.get(i);
            if (x.descending() != y.descending() || !Objects.equals(x.column(), y.column())
                    || !Objects.equals(x.nullsFirst(), y.nullsFirst())
                    || !Objects.equals(lower(x.opclass()), lower(y.opclass()))
                    || !Objects.equals(x.collation(), y.collation())
                    || !Objects.equals(expression(x.expression()), expression(y.expression()))) {
                return false;
            }
        }
        return true;
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(java.util.Locale.ROOT);
    }

    private String method(Index index) {
        return index.method() == null ? normaliser.defaultIndexMethod() : index.method();
    }

    private String exclusionMethod(ExclusionConstraint x) {
        return x.method() == null ? normaliser.defaultIndexMethod() : x.method().toLowerCase(java.util.Locale.ROOT);
    }

    boolean sameSequence(Sequence a, Sequence b) {
        return normaliser.normaliseSequence(a).equals(normaliser.normaliseSequence(b));
    }

    private String expression(String sql) {
        return sql == null ? null : normaliser.normaliseExpression(sql);
    }

    /**
     * Whether an expression may refer to a column. A plain word match, quoted or not, ignoring case: a
     * false hit only costs dropping and re-adding a check or index that did not need it.
     */
    static boolean mentions(String expression, String column) {
        if (expression == null) return false;
        Pattern word = Pattern.compile("(?<![\\w$])\"?" + Pattern.quote(column) + "\"?(?![\\w$])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return word.matcher(expression).find();
    }
}
