package dev.retort.operations;

import dev.retort.Column;
import dev.retort.Identity;
import dev.retort.SqlType;

import java.util.ArrayList;
import java.util.List;

public final class ColumnOps {
    private ColumnOps() {
    }

    public record AddColumn(String schema, String table, Column column) implements Operation {
        public boolean destructive() { return false; }
        public Operation inverse() { return new DropColumn(schema, table, column); }
        public Operation rebind(String f, String t) { return new AddColumn(Binding.schema(schema, f, t), table, Binding.column(column, f, t)); }
        public String describe() { return "add column " + table + "." + column.name(); }
    }

    public record DropColumn(String schema, String table, Column column) implements Operation {
        public boolean destructive() { return true; }
        public Operation inverse() { return new AddColumn(schema, table, column); }
        public String lossNote() { return "the values of column " + table + "." + column.name() + " are not restored"; }
        public Operation rebind(String f, String t) { return new DropColumn(Binding.schema(schema, f, t), table, Binding.column(column, f, t)); }
        public String describe() { return "drop column " + table + "." + column.name(); }
    }

    public record RenameColumn(String schema, String table, String from, String to) implements Operation {
        public boolean destructive() { return false; }
        public Operation inverse() { return new RenameColumn(schema, table, to, from); }
        public Operation rebind(String f, String t) { return new RenameColumn(Binding.schema(schema, f, t), table, from, to); }
        public String describe() { return "rename column " + table + "." + from + " to " + to; }
    }

    /**
     * Changes to one column; each {@link Change} is null when that attribute stays as it is.
     *
     * <p>A renderer applies the parts in an order the database accepts: {@code SET NOT NULL} and the
     * removal of a serial default before an identity is added, the identity dropped before
     * {@code DROP NOT NULL}.
     *
     * @param using         an expression converting existing values on a type change ({@code USING}), or null
     * @param autoIncrement a serial column gaining or losing the sequence that supplies its default; an
     *                      unchanged {@code true -> true} with a type change says the column stays serial,
     *                      so its sequence follows the new type
     */
    public record AlterColumn(String schema, String table, String column, Change<SqlType> type,
                              Change<Boolean> nullable, Change<String> serverDefault, Change<Identity> identity,
                              Change<String> comment, Change<String> collation, String using,
                              Change<Boolean> autoIncrement) implements Operation {

        /** An alteration that leaves auto-increment alone. */
        public AlterColumn(String schema, String table, String column, Change<SqlType> type,
                           Change<Boolean> nullable, Change<String> serverDefault, Change<Identity> identity,
                           Change<String> comment, Change<String> collation, String using) {
            this(schema, table, column, type, nullable, serverDefault, identity, comment, collation, using, null);
        }

        /** True when the type changes to one that cannot hold every value of the old one. */
        public boolean narrowsType() {
            return type != null && type.changed() && !TypeWidening.isWidening(type.from(), type.to());
        }

        public boolean destructive() {
            return (type != null && !TypeWidening.isWidening(type.from(), type.to()))
                    || (serverDefault != null && serverDefault.from() != null && serverDefault.to() == null)
                    || (identity != null && identity.from() != null && identity.to() == null)
                    // Losing the serial default breaks inserts that rely on it, as dropping a default does.
                    || (autoIncrement != null && Boolean.TRUE.equals(autoIncrement.from()) && !Boolean.TRUE.equals(autoIncrement.to()));
        }

        public Operation inverse() {
            return new AlterColumn(schema, table, column, rev(type), rev(nullable), rev(serverDefault), rev(identity),
                    rev(comment), rev(collation), null, rev(autoIncrement));
        }

        public String lossNote() {
            if (type != null && !TypeWidening.isWidening(type.from(), type.to())) {
                return "values of " + table + "." + column + " changed by the type change " + type + " are not restored";
            }
            if (autoIncrement != null && Boolean.TRUE.equals(autoIncrement.from()) && !Boolean.TRUE.equals(autoIncrement.to())) {
                return "the position of the sequence behind " + table + "." + column + " is not restored";
            }
            return null;
        }

        public Operation rebind(String f, String t) {
            Change<SqlType> bound = type == null ? null : new Change<>(Binding.type(type.from(), f, t), Binding.type(type.to(), f, t));
            return new AlterColumn(Binding.schema(schema, f, t), table, column, bound, nullable, serverDefault, identity,
                    comment, collation, using, autoIncrement);
        }

        public String describe() {
            List<String> what = new ArrayList<>();
            if (type != null && type.changed()) what.add("type " + type);
            if (nullable != null) what.add(Boolean.TRUE.equals(nullable.to()) ? "drop not null" : "set not null");
            if (serverDefault != null) what.add("default " + serverDefault);
            if (identity != null) what.add("identity " + identity);
            if (autoIncrement != null && autoIncrement.changed()) {
                what.add(Boolean.TRUE.equals(autoIncrement.to()) ? "add auto-increment" : "drop auto-increment");
            }
            if (comment != null) what.add("comment");
            if (collation != null) what.add("collation " + collation);
            return "alter column " + table + "." + column + ": " + String.join(", ", what);
        }

        private static <T> Change<T> rev(Change<T> c) {
            return c == null ? null : c.reversed();
        }
    }
}
