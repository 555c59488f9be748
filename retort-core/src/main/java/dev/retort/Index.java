package dev.retort;

import java.util.List;

/**
 * An index over columns or expressions.
 *
 * @param where            the predicate of a partial index, or null
 * @param method           the access method ({@code btree}, {@code gin}, ...); null means the default, btree
 * @param include          non-key columns carried in the index (PostgreSQL's INCLUDE)
 * @param nullsNotDistinct a unique index that treats nulls as equal (PostgreSQL 15's NULLS NOT DISTINCT)
 * @param options          storage parameters as {@code name=value} ({@code fillfactor=70}); empty for none
 * @param comment          the index's comment, or null
 */
public record Index(String name, List<Element> elements, boolean unique, String where, String method,
                    List<String> include, boolean nullsNotDistinct, List<String> options, String comment) {

    /**
     * One key of the index: a column or an expression, ascending or descending.
     *
     * @param nullsFirst null for the default (nulls last ascending, first descending), else where nulls sort
     * @param opclass    an operator class other than the type's default ({@code text_pattern_ops}), or null
     * @param collation  a collation other than the column's, or null
     */
    public record Element(String column, String expression, boolean descending, Boolean nullsFirst, String opclass,
                          String collation) {

        /** A key with the default null ordering, operator class and collation. */
        public Element(String column, String expression, boolean descending) {
            this(column, expression, descending, null, null, null);
        }

        public Element {
            if ((column == null) == (expression == null)) {
                throw new IllegalArgumentException("an index element is either a column or an expression");
            }
            if (column != null) Identifiers.check("index column", column);
            if (nullsFirst != null && nullsFirst == descending) nullsFirst = null;
            if (opclass != null && opclass.isBlank()) opclass = null;
            if (collation != null && collation.isBlank()) collation = null;
        }

        public static Element column(String name) {
            return new Element(name, null, false);
        }

        public static Element expression(String sql) {
            return new Element(null, sql, false);
        }

        /** The same key on another column. */
        public Element withColumn(String newColumn) {
            return new Element(newColumn, null, descending, nullsFirst, opclass, collation);
        }

        @Override
        public String toString() {
            return (column != null ? column : "(" + expression + ")") + (collation != null ? " collate " + collation : "")
                    + (opclass != null ? " " + opclass : "") + (descending ? " desc" : "")
                    + (nullsFirst == null ? "" : nullsFirst ? " nulls first" : " nulls last");
        }
    }

    /** An index with nulls distinct and no storage parameters. */
    public Index(String name, List<Element> elements, boolean unique, String where, String method, List<String> include) {
        this(name, elements, unique, where, method, include, false, List.of());
    }

    /** An index without a comment. */
    public Index(String name, List<Element> elements, boolean unique, String where, String method, List<String> include,
                 boolean nullsNotDistinct, List<String> options) {
        this(name, elements, unique, where, method, include, nullsNotDistinct, options, null);
    }

    public Index {
        Identifiers.check("index", name);
        elements = List.copyOf(elements);
        include = include == null ? List.of() : List.copyOf(include);
        options = options == null ? List.of() : List.copyOf(options);
        if (elements.isEmpty()) throw new IllegalArgumentException("index " + name + " has no columns");
        if (method != null && method.isBlank()) method = null;
        if (nullsNotDistinct && !unique) throw new IllegalArgumentException("index " + name + ": nulls not distinct needs a unique index");
        for (String o : options) {
            if (o.indexOf('=') <= 0) throw new IllegalArgumentException("index " + name + ": storage parameter '" + o + "' is not name=value");
        }
    }

    /** The same index over other keys. */
    public Index withElements(List<Element> newElements) {
        return new Index(name, newElements, unique, where, method, include, nullsNotDistinct, options, comment);
    }

    public Index withComment(String newComment) {
        return new Index(name, elements, unique, where, method, include, nullsNotDistinct, options, newComment);
    }

    /** Column names among the keys (expressions left out). */
    public List<String> columnNames() {
        return elements.stream().filter(e -> e.column() != null).map(Element::column).toList();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(unique ? "unique index " : "index ").append(name);
        if (method != null) s.append(" using ").append(method);
        s.append('(').append(String.join(", ", elements.stream().map(Element::toString).toList())).append(')');
        if (!include.isEmpty()) s.append(" include(").append(String.join(", ", include)).append(')');
        if (nullsNotDistinct) s.append(" nulls not distinct");
        if (!options.isEmpty()) s.append(" with(").append(String.join(", ", options)).append(')');
        if (where != null) s.append(" where ").append(where);
        if (comment != null) s.append(" comment '").append(comment).append('\'');
        return s.toString();
    }
}
