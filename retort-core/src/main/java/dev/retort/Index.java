package dev.retort;

import java.util.List;

/**
 * An index over columns or expressions.
 *
 * @param where   the predicate of a partial index, or null
 * @param method  the access method ({@code btree}, {@code gin}, ...); null means the default, btree
 * @param include non-key columns carried in the index (PostgreSQL's INCLUDE)
 */
public record Index(String name, List<Element> elements, boolean unique, String where, String method,
                    List<String> include) {

    /** One key of the index: a column or an expression, ascending or descending. */
    public record Element(String column, String expression, boolean descending) {
        public Element {
            if ((column == null) == (expression == null)) {
                throw new IllegalArgumentException("an index element is either a column or an expression");
            }
            if (column != null) Identifiers.check("index column", column);
        }

        public static Element column(String name) {
            return new Element(name, null, false);
        }

        public static Element expression(String sql) {
            return new Element(null, sql, false);
        }

        @Override
        public String toString() {
            return (column != null ? column : "(" + expression + ")") + (descending ? " desc" : "");
        }
    }

    public Index {
        Identifiers.check("index", name);
        elements = List.copyOf(elements);
        include = include == null ? List.of() : List.copyOf(include);
        if (elements.isEmpty()) throw new IllegalArgumentException("index " + name + " has no columns");
        if (method != null && method.isBlank()) method = null;
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
        if (where != null) s.append(" where ").append(where);
        return s.toString();
    }
}
