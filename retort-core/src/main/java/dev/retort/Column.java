package dev.retort;

import java.util.Objects;

/**
 * One column of a table.
 *
 * @param serverDefault the default as an SQL expression ({@code now()}, {@code 'x'}, {@code 0}), or null
 * @param identity      identity generation, or null
 * @param autoIncrement a serial column: a sequence owned by the column supplies its default
 * @param computed      the expression of a stored generated column, or null
 * @param collation     a collation name, or null for the database default
 * @param renamedFrom   the column's previous name: only with it does autogenerate emit a rename
 */
public record Column(String name, SqlType type, boolean nullable, String serverDefault, String comment,
                     Identity identity, boolean autoIncrement, String computed, String collation,
                     String renamedFrom) {

    public Column {
        Identifiers.check("column", name);
        Objects.requireNonNull(type, () -> "column " + name + " has no type");
        if (renamedFrom != null) Identifiers.check("column " + name + " renamed-from", renamedFrom);
        if (identity != null && autoIncrement) {
            throw new IllegalArgumentException("column " + name + " cannot be both identity and auto-increment");
        }
        if (computed != null && (serverDefault != null || identity != null || autoIncrement)) {
            throw new IllegalArgumentException("generated column " + name + " cannot also have a default");
        }
    }

    /** A nullable column with nothing else set. */
    public static Column of(String name, SqlType type) {
        return new Column(name, type, true, null, null, null, false, null, null, null);
    }

    public Column withName(String newName) {
        return new Column(newName, type, nullable, serverDefault, comment, identity, autoIncrement, computed, collation, renamedFrom);
    }

    public Column withType(SqlType newType) {
        return new Column(name, newType, nullable, serverDefault, comment, identity, autoIncrement, computed, collation, renamedFrom);
    }

    public Column withNullable(boolean newNullable) {
        return new Column(name, type, newNullable, serverDefault, comment, identity, autoIncrement, computed, collation, renamedFrom);
    }

    public Column withServerDefault(String newDefault) {
        return new Column(name, type, nullable, newDefault, comment, identity, autoIncrement, computed, collation, renamedFrom);
    }

    public Column withComment(String newComment) {
        return new Column(name, type, nullable, serverDefault, newComment, identity, autoIncrement, computed, collation, renamedFrom);
    }

    public Column withIdentity(Identity newIdentity) {
        return new Column(name, type, nullable, serverDefault, comment, newIdentity, autoIncrement, computed, collation, renamedFrom);
    }

    public Column withAutoIncrement(boolean newAutoIncrement) {
        return new Column(name, type, nullable, serverDefault, comment, identity, newAutoIncrement, computed, collation, renamedFrom);
    }

    public Column withComputed(String newComputed) {
        return new Column(name, type, nullable, serverDefault, comment, identity, autoIncrement, newComputed, collation, renamedFrom);
    }

    public Column withCollation(String newCollation) {
        return new Column(name, type, nullable, serverDefault, comment, identity, autoIncrement, computed, newCollation, renamedFrom);
    }

    public Column withRenamedFrom(String previousName) {
        return new Column(name, type, nullable, serverDefault, comment, identity, autoIncrement, computed, collation, previousName);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(name).append(' ').append(type);
        if (!nullable) s.append(" not null");
        if (autoIncrement) s.append(" auto-increment");
        if (identity != null) s.append(' ').append(identity);
        if (serverDefault != null) s.append(" default ").append(serverDefault);
        if (computed != null) s.append(" generated as (").append(computed).append(')');
        if (collation != null) s.append(" collate ").append(collation);
        if (comment != null) s.append(" comment '").append(comment).append('\'');
        if (renamedFrom != null) s.append(" (renamed from ").append(renamedFrom).append(')');
        return s.toString();
    }
}
