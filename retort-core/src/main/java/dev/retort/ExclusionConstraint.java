package dev.retort;

import java.util.List;
import java.util.regex.Pattern;

/**
 * An exclusion constraint: no two rows may have keys that all compare true under their operators
 * ({@code EXCLUDE USING gist (room WITH =, during WITH &&)}).
 *
 * @param method    the index access method; null means btree
 * @param elements  the keys, columns or expressions, as an index has them
 * @param operators one operator per key ({@code =}, {@code &&}), in key order
 * @param include   non-key columns carried in the index (INCLUDE)
 * @param where     the predicate of a partial constraint, or null
 */
public record ExclusionConstraint(String name, String method, List<Index.Element> elements, List<String> operators,
                                  List<String> include, String where, boolean deferrable, boolean initiallyDeferred)
        implements Constraint {

    /** Operator names as PostgreSQL spells them, or {@code OPERATOR(schema.op)}: nothing else reaches SQL. */
    private static final Pattern OPERATOR = Pattern.compile("[+\\-*/<>=~!@#%^&|`?]{1,63}"
            + "|OPERATOR\\(\\s*[A-Za-z_][A-Za-z0-9_$]*\\s*\\.\\s*[+\\-*/<>=~!@#%^&|`?]{1,63}\\s*\\)");

    public ExclusionConstraint {
        Identifiers.check("exclusion constraint", name);
        elements = List.copyOf(elements);
        operators = operators.stream().map(String::strip).toList();
        include = include == null ? List.of() : List.copyOf(include);
        if (method != null && method.isBlank()) method = null;
        if (where != null && where.isBlank()) where = null;
        if (elements.isEmpty()) throw new IllegalArgumentException("exclusion constraint " + name + " has no keys");
        if (elements.size() != operators.size()) {
            throw new IllegalArgumentException("exclusion constraint " + name + " has " + elements.size() + " keys but "
                    + operators.size() + " operators");
        }
        for (String op : operators) {
            if (!OPERATOR.matcher(op).matches()) {
                throw new IllegalArgumentException("exclusion constraint " + name + ": '" + op + "' is not an operator");
            }
        }
        if (initiallyDeferred && !deferrable) {
            throw new IllegalArgumentException("exclusion constraint " + name + " is initially deferred but not deferrable");
        }
    }

    /** Column keys and INCLUDE columns (expressions left out). */
    @Override
    public List<String> columns() {
        List<String> out = new java.util.ArrayList<>();
        elements.stream().filter(e -> e.column() != null).forEach(e -> out.add(e.column()));
        out.addAll(include);
        return out;
    }

    /** The same constraint with column {@code from} renamed to {@code to}; expressions keep their text. */
    public ExclusionConstraint withColumnRenamed(String from, String to) {
        return new ExclusionConstraint(name, method,
                elements.stream().map(e -> from.equals(e.column()) ? e.withColumn(to) : e).toList(), operators,
                include.stream().map(c -> c.equals(from) ? to : c).toList(), where, deferrable, initiallyDeferred);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("exclude ").append(name);
        if (method != null) s.append(" using ").append(method);
        s.append('(');
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) s.append(", ");
            s.append(elements.get(i)).append(" with ").append(operators.get(i));
        }
        s.append(')');
        if (!include.isEmpty()) s.append(" include(").append(String.join(", ", include)).append(')');
        if (where != null) s.append(" where ").append(where);
        if (deferrable) s.append(initiallyDeferred ? " deferrable initially deferred" : " deferrable");
        return s.toString();
    }
}
