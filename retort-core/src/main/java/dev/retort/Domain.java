package dev.retort;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A domain: a named type over a base type, with an optional default, NOT NULL and named checks that
 * refer to the value as {@code VALUE}. A column uses it through its name as a native type
 * ({@link Types#domain(String)}).
 *
 * @param schema    the schema, or null for a schema-agnostic domain
 * @param type      the base type
 * @param defaultExpr the default as an SQL expression, or null
 * @param checks    named checks; their expressions say {@code VALUE} for the value
 * @param collation a collation other than the base type's, or null
 */
public record Domain(String schema, String name, SqlType type, String defaultExpr, boolean notNull,
                     List<CheckConstraint> checks, String collation, String comment) {

    public Domain {
        Identifiers.check("domain", name);
        if (schema != null) Identifiers.check("schema", schema);
        Objects.requireNonNull(type, () -> "domain " + name + " has no base type");
        checks = List.copyOf(checks);
        if (defaultExpr != null && defaultExpr.isBlank()) defaultExpr = null;
        if (collation != null && collation.isBlank()) collation = null;
        Set<String> names = new HashSet<>();
        for (CheckConstraint c : checks) {
            if (!names.add(c.name())) throw new IllegalArgumentException("domain " + name + " has two checks named " + c.name());
        }
    }

    /** {@code schema.name}, or {@code name}. */
    public String key() {
        return schema == null ? name : schema + "." + name;
    }

    public Domain withSchema(String newSchema) {
        return new Domain(newSchema, name, rebind(type, schema, newSchema), defaultExpr, notNull, checks, collation, comment);
    }

    public Domain withComment(String newComment) {
        return new Domain(schema, name, type, defaultExpr, notNull, checks, collation, newComment);
    }

    /** An enum base type of the domain's own schema moves with it. */
    private static SqlType rebind(SqlType t, String from, String to) {
        if (t instanceof SqlType.Array a) return new SqlType.Array(rebind(a.element(), from, to));
        if (t instanceof SqlType.Enum e && Objects.equals(e.schema(), from)) return e.withSchema(to);
        return t;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("domain ").append(key()).append(" as ").append(type);
        if (collation != null) s.append(" collate ").append(collation);
        if (defaultExpr != null) s.append(" default ").append(defaultExpr);
        if (notNull) s.append(" not null");
        checks.forEach(c -> s.append(' ').append(c));
        if (comment != null) s.append(" comment '").append(comment).append('\'');
        return s.toString();
    }
}
