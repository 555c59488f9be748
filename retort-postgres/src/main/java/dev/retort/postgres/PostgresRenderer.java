package dev.retort.postgres;

import dev.retort.CheckConstraint;
import dev.retort.Column;
import dev.retort.Constraint;
import dev.retort.Domain;
import dev.retort.ExclusionConstraint;
import dev.retort.ForeignKey;
import dev.retort.Identity;
import dev.retort.Index;
import dev.retort.PrimaryKey;
import dev.retort.Sequence;
import dev.retort.SqlType;
import dev.retort.Table;
import dev.retort.UniqueConstraint;
import dev.retort.operations.Change;
import dev.retort.operations.ColumnOps;
import dev.retort.operations.ConstraintOps;
import dev.retort.operations.DomainOps;
import dev.retort.operations.EnumOps;
import dev.retort.operations.IndexOps;
import dev.retort.operations.Operation;
import dev.retort.operations.SchemaOps;
import dev.retort.operations.SequenceOps;
import dev.retort.operations.Sql;
import dev.retort.internal.sql.SqlTemplate;
import dev.retort.operations.TableOps;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import static dev.retort.postgres.PostgresSql.literal;
import static dev.retort.postgres.PostgresSql.qualify;
import static dev.retort.postgres.PostgresSql.quote;

/**
 * Operations as PostgreSQL DDL. Names always pass through {@link PostgresSql#quote}; expressions
 * (defaults, checks, index expressions, predicates) are SQL written in the model and go in as they are.
 */
final class PostgresRenderer {
    private static final Pattern INDEX_METHOD = Pattern.compile("[a-z_][a-z0-9_]*");

    List<String> render(Operation operation, String targetSchema) {
        Objects.requireNonNull(operation, "operation");
        Operation op = targetSchema == null ? operation : operation.rebind(null, targetSchema);
        if (op instanceof SchemaOps.CreateSchema o) return List.of("CREATE SCHEMA " + quote(requireSchema(o.schema(), o)));
        if (op instanceof SchemaOps.DropSchema o) return List.of("DROP SCHEMA " + quote(requireSchema(o.schema(), o)) + " CASCADE");
        if (op instanceof TableOps.CreateTable o) return createTable(o.table());
        if (op instanceof TableOps.DropTable o) return List.of("DROP TABLE " + qualify(o.table().schema(), o.table().name()));
        if (op instanceof TableOps.RenameTable o) return List.of("ALTER TABLE " + qualify(o.schema(), o.from()) + " RENAME TO " + quote(o.to()));
        if (op instanceof TableOps.SetTableComment o) return List.of(tableComment(o.schema(), o.table(), o.comment().to()));
        if (op instanceof ColumnOps.AddColumn o) return addColumn(o);
        if (op instanceof ColumnOps.DropColumn o) return List.of(alterTable(o.schema(), o.table()) + " DROP COLUMN " + quote(o.column().name()));
        if (op instanceof ColumnOps.RenameColumn o) {
            return List.of(alterTable(o.schema(), o.table()) + " RENAME COLUMN " + quote(o.from()) + " TO " + quote(o.to()));
        }
        if (op instanceof ColumnOps.AlterColumn o) return alterColumn(o);
        if (op instanceof IndexOps.CreateIndex o) {
            List<String> out = new ArrayList<>(indexWithComment(o.schema(), o.table(), o.index()));
            if (o.concurrently()) out.set(0, out.get(0).replaceFirst("^CREATE (UNIQUE )?INDEX ", "CREATE $1INDEX CONCURRENTLY "));
            return out;
        }
        if (op instanceof IndexOps.SetIndexComment o) return List.of(indexComment(o.schema(), o.index(), o.comment().to()));
        if (op instanceof IndexOps.DropIndex o) {
            return List.of("DROP INDEX " + (o.concurrently() ? "CONCURRENTLY " : "") + qualify(o.schema(), o.index().name()));
        }
        if (op instanceof ConstraintOps.AddConstraint o) {
            return List.of(alterTable(o.schema(), o.table()) + " ADD " + constraint(o.constraint(), o.schema()));
        }
        if (op instanceof ConstraintOps.DropConstraint o) {
            return List.of(alterTable(o.schema(), o.table()) + " DROP CONSTRAINT " + quote(o.constraint().name()));
        }
        if (op instanceof ConstraintOps.AlterConstraint o) {
            String table = alterTable(o.schema(), o.table());
            if (o.validates()) return List.of(table + " VALIDATE CONSTRAINT " + quote(o.constraint().to().name()));
            return List.of(table + " DROP CONSTRAINT " + quote(o.constraint().from().name()),
                    table + " ADD " + constraint(o.constraint().to(), o.schema()));
        }
        if (op instanceof EnumOps.CreateEnum o) return List.of(createEnum(o.type()));
        if (op instanceof DomainOps.CreateDomain o) return createDomain(o.domain());
        if (op instanceof DomainOps.DropDomain o) return List.of("DROP DOMAIN " + qualify(o.domain().schema(), o.domain().name()));
        if (op instanceof DomainOps.AlterDomain o) return alterDomain(o.domain().from(), o.domain().to());
        if (op instanceof EnumOps.DropEnum o) return List.of("DROP TYPE " + qualify(o.type().schema(), o.type().name()));
        if (op instanceof EnumOps.AddEnumValue o) {
            return List.of("ALTER TYPE " + qualify(o.schema(), o.enumName()) + " ADD VALUE IF NOT EXISTS " + literal(o.value())
                    + (o.before() == null ? "" : " BEFORE " + literal(o.before())));
        }
        if (op instanceof EnumOps.RemoveEnumValue o) return List.of(removeEnumValue(o));
        if (op instanceof SequenceOps.CreateSequence o) return List.of(createSequence(o.sequence()));
        if (op instanceof SequenceOps.DropSequence o) return List.of("DROP SEQUENCE " + qualify(o.sequence().schema(), o.sequence().name()));
        if (op instanceof SequenceOps.AlterSequence o) return alterSequence(o.sequence());
        if (op instanceof SequenceOps.SetSequenceOwner o) {
            Sequence.Owner owner = o.owner().to();
            return List.of("ALTER SEQUENCE " + qualify(o.schema(), o.sequence()) + " OWNED BY "
                    + (owner == null ? "NONE" : qualify(o.schema(), owner.table()) + "." + quote(owner.column())));
        }
        if (op instanceof Sql o) return sql(o, targetSchema);
        List<String> program = ProgramRenderer.render(op);
        if (program != null) return program;
        throw new IllegalArgumentException("PostgreSQL cannot render " + op.describe());
    }

    private static String requireSchema(String schema, Operation op) {
        if (schema == null) throw new IllegalArgumentException(op.describe() + ": no schema given");
        return schema;
    }

    private static String alterTable(String schema, String table) {
        return "ALTER TABLE " + qualify(schema, table);
    }

    // ---- tables and columns

    private List<String> createTable(Table t) {
        List<String> parts = new ArrayList<>();
        for (Column c : t.columns()) parts.add(columnDefinition(c));
        // CREATE TABLE marks every constraint valid whatever it says (the table is empty): a NOT VALID one
        // is added after, as it was in the database it comes from.
        for (Constraint c : t.constraints()) {
            if (!c.notValid()) parts.add(constraint(c, t.schema()));
        }
        List<String> out = new ArrayList<>();
        out.add("CREATE TABLE " + qualify(t.schema(), t.name()) + " (\n    " + String.join(",\n    ", parts) + "\n)");
        for (Constraint c : t.constraints()) {
            if (c.notValid()) out.add(alterTable(t.schema(), t.name()) + " ADD " + constraint(c, t.schema()));
        }
        for (Index ix : t.indexes()) out.addAll(indexWithComment(t.schema(), t.name(), ix));
        if (t.comment() != null) out.add(tableComment(t.schema(), t.name(), t.comment()));
        for (Column c : t.columns()) {
            if (c.comment() != null) out.add(columnComment(t.schema(), t.name(), c.name(), c.comment()));
        }
        return out;
    }

    private static String tableComment(String schema, String table, String comment) {
        return "COMMENT ON TABLE " + qualify(schema, table) + " IS " + (comment == null ? "NULL" : literal(comment));
    }

    private static String columnComment(String schema, String table, String column, String comment) {
        return "COMMENT ON COLUMN " + qualify(schema, table) + "." + quote(column) + " IS "
                + (comment == null ? "NULL" : literal(comment));
    }

    private static String columnDefinition(Column c) {
        StringBuilder s = new StringBuilder(quote(c.name())).append(' ');
        if (c.autoIncrement()) {
            if (c.serverDefault() != null) {
                throw new IllegalArgumentException("column " + c.name() + " is auto-increment and also has a default");
            }
            s.append(PostgresTypes.serial(c.type(), c.name()));
        } else {
            s.append(PostgresTypes.render(c.type()));
        }
        if (c.collation() != null) s.append(" COLLATE ").append(quote(c.collation()));
        if (c.computed() != null) s.append(" GENERATED ALWAYS AS (").append(c.computed()).append(") STORED");
        if (c.identity() != null) s.append(' ').append(identity(c.identity()));
        if (c.serverDefault() != null) s.append(" DEFAULT ").append(c.serverDefault());
        if (!c.nullable()) s.append(" NOT NULL");
        return s.toString();
    }

    private static String identity(Identity id) {
        String s = "GENERATED " + (id.always() ? "ALWAYS" : "BY DEFAULT") + " AS IDENTITY";
        List<String> options = new ArrayList<>();
        if (id.start() != null) options.add("START WITH " + id.start());
        if (id.increment() != null) options.add("INCREMENT BY " + id.increment());
        if (id.minValue() != null) options.add("MINVALUE " + id.minValue());
        if (id.maxValue() != null) options.add("MAXVALUE " + id.maxValue());
        if (id.cache() != null) options.add("CACHE " + id.cache());
        if (id.cycle()) options.add("CYCLE");
        return options.isEmpty() ? s : s + " (" + String.join(" ", options) + ")";
    }

    private List<String> addColumn(ColumnOps.AddColumn o) {
        List<String> out = new ArrayList<>();
        out.add(alterTable(o.schema(), o.table()) + " ADD COLUMN " + columnDefinition(o.column()));
        if (o.column().comment() != null) out.add(columnComment(o.schema(), o.table(), o.column().name(), o.column().comment()));
        return out;
    }

    /**
     * One statement per change, in an order that lets each succeed: the old default and identity go
     * before the type changes (a default often cannot be cast), the new ones come after it, and
     * nullability sits between (an identity column must be NOT NULL).
     */
    private List<String> alterColumn(ColumnOps.AlterColumn o) {
        String prefix = alterTable(o.schema(), o.table()) + " ALTER COLUMN " + quote(o.column()) + " ";
        List<String> out = new ArrayList<>();
        Change<String> dflt = changed(o.serverDefault());
        if (dflt == null && o.serverDefault() != null && o.serverDefault().from() != null && needsCast(o)) {
            // ALTER ... TYPE converts the default too, and a default that needs a cast does not convert.
            dflt = o.serverDefault();
        }
        Change<Identity> id = changed(o.identity());
        Change<String> collation = changed(o.collation());
        if (dflt != null && dflt.from() != null) out.add(prefix + "DROP DEFAULT");
        if (id != null && id.from() != null && id.to() == null) out.add(prefix + "DROP IDENTITY");
        if (o.type() != null && (o.type().changed() || collation != null)) {
            // A type change resets the collation unless it is given, so a kept one is written too.
            out.add(prefix + typeChange(o, collation != null ? collation : o.collation()));
        } else if (collation != null) {
            throw new IllegalArgumentException("alter column " + o.table() + "." + o.column()
                    + ": a collation change needs the column's type (give an unchanged type change)");
        }
        Change<Boolean> serial = o.autoIncrement();
        if (serial != null && Boolean.TRUE.equals(serial.from()) && !Boolean.TRUE.equals(serial.to())) {
            out.add(prefix + "DROP DEFAULT");
            out.add(ownedSequence(o, "DROP SEQUENCE %s"));
        } else if (serial != null && Boolean.TRUE.equals(serial.to()) && !Boolean.TRUE.equals(serial.from())) {
            String sequence = qualify(o.schema(), serialSequenceName(o.table(), o.column()));
            SqlType type = o.type() != null ? o.type().to() : null;
            out.add("CREATE SEQUENCE " + sequence + (type == null ? "" : " AS " + PostgresTypes.render(type))
                    + " OWNED BY " + qualify(o.schema(), o.table()) + "." + quote(o.column()));
            // Past the values the column already holds, as a fresh serial column would be.
            out.add("SELECT pg_catalog.setval(" + literal(sequence) + "::regclass, COALESCE(MAX(" + quote(o.column())
                    + "), 0) + 1, false) FROM " + qualify(o.schema(), o.table()));
            out.add(prefix + "SET DEFAULT nextval(" + literal(sequence) + "::regclass)");
        } else if (serial != null && o.type() != null && o.type().changed()) {
            out.add(ownedSequence(o, "ALTER SEQUENCE %s AS " + PostgresTypes.render(o.type().to())));
        }
        if (dflt != null && dflt.to() != null) out.add(prefix + "SET DEFAULT " + dflt.to());
        // An identity needs NOT NULL first; dropping NOT NULL needs the identity gone (done above).
        Change<Boolean> nullable = changed(o.nullable());
        if (nullable != null) out.add(prefix + (Boolean.FALSE.equals(nullable.to()) ? "SET NOT NULL" : "DROP NOT NULL"));
        if (id != null && id.to() != null) {
            if (id.from() == null) {
                out.add(prefix + "ADD " + identity(id.to()));
            } else {
                out.add(prefix + identityChange(id.from(), id.to()));
            }
        }
        Change<String> comment = changed(o.comment());
        if (comment != null) out.add(columnComment(o.schema(), o.table(), o.column(), comment.to()));
        return out;
    }

    /**
     * A statement on the sequence a serial column owns, found at run time: PostgreSQL chose its name when
     * the column was created, and the model does not record it. {@code format} takes the sequence as {@code %s}.
     */
    private static String ownedSequence(ColumnOps.AlterColumn o, String format) {
        // None when the sequence was released from the column earlier in the same diff, to be kept.
        String body = "\nDECLARE\n    s text := pg_get_serial_sequence(" + literal(qualify(o.schema(), o.table())) + ", "
                + literal(o.column()) + ");\nBEGIN\n    IF s IS NOT NULL THEN\n        EXECUTE format(" + literal(format)
                + ", s);\n    END IF;\nEND\n";
        return "DO " + PostgresSql.dollarQuote(body);
    }

    /** PostgreSQL's own name for a serial column's sequence, {@code table_column_seq}, cut to 63 bytes as it would. */
    static String serialSequenceName(String table, String column) {
        String name = table + "_" + column + "_seq";
        while (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 63) {
            if (table.length() >= column.length()) table = table.substring(0, table.length() - 1);
            else column = column.substring(0, column.length() - 1);
            name = table + "_" + column + "_seq";
        }
        return name;
    }

    private static String typeChange(ColumnOps.AlterColumn o, Change<String> collation) {
        SqlType to = o.type().to();
        StringBuilder s = new StringBuilder("TYPE ").append(PostgresTypes.render(to));
        if (collation != null) s.append(" COLLATE ").append(quote(collation.to() == null ? "default" : collation.to()));
        if (o.using() != null) {
            s.append(" USING ").append(o.using());
        } else if (o.type().changed() && (to instanceof SqlType.Enum || to instanceof SqlType.Array a && a.element() instanceof SqlType.Enum)) {
            // No cast leads from text (or another enum) to an enum without going through text.
            s.append(" USING ").append(quote(o.column())).append(to instanceof SqlType.Array ? "::text[]::" : "::text::")
                    .append(PostgresTypes.render(to));
        } else if (needsCast(o)) {
            s.append(" USING ").append(quote(o.column())).append("::").append(PostgresTypes.render(to));
        }
        return s.toString();
    }

    /**
     * Whether the type change needs a cast that ALTER ... TYPE does not make on its own: there is no
     * assignment cast between the types ({@link PostgresCasts}).
     */
    private static boolean needsCast(ColumnOps.AlterColumn o) {
        return o.type() != null && o.type().changed() && o.using() == null
                && PostgresCasts.conversion(o.type().from(), o.type().to()) != dev.retort.compare.Normaliser.Conversion.ASSIGNMENT;
    }

    private static String identityChange(Identity from, Identity to) {
        List<String> parts = new ArrayList<>();
        if (from.always() != to.always()) parts.add("SET GENERATED " + (to.always() ? "ALWAYS" : "BY DEFAULT"));
        long increment = to.increment() == null ? 1 : to.increment();
        if (!Objects.equals(from.increment(), to.increment())) parts.add("SET INCREMENT BY " + increment);
        if (!Objects.equals(from.minValue(), to.minValue())) parts.add(to.minValue() == null ? "SET NO MINVALUE" : "SET MINVALUE " + to.minValue());
        if (!Objects.equals(from.maxValue(), to.maxValue())) parts.add(to.maxValue() == null ? "SET NO MAXVALUE" : "SET MAXVALUE " + to.maxValue());
        if (!Objects.equals(from.start(), to.start()) || !Objects.equals(from.minValue(), to.minValue())
                || !Objects.equals(from.maxValue(), to.maxValue())) {
            // A default start is the bound the sequence moves away from, so it follows a changed bound.
            long start = to.start() != null ? to.start() : increment > 0 ? (to.minValue() != null ? to.minValue() : 1)
                    : (to.maxValue() != null ? to.maxValue() : -1);
            parts.add("SET START WITH " + start);
        }
        if (!Objects.equals(from.cache(), to.cache())) parts.add("SET CACHE " + (to.cache() == null ? 1 : to.cache()));
        if (from.cycle() != to.cycle()) parts.add(to.cycle() ? "SET CYCLE" : "SET NO CYCLE");
        if (parts.isEmpty()) throw new IllegalArgumentException("identity change " + from + " -> " + to + " changes nothing");
        return String.join(" ", parts);
    }

    private static <T> Change<T> changed(Change<T> c) {
        return c != null && c.changed() ? c : null;
    }

    // ---- constraints and indexes

    private static String constraint(Constraint c, String tableSchema) {
        String head = "CONSTRAINT " + quote(c.name()) + " ";
        if (c instanceof PrimaryKey pk) {
            return head + "PRIMARY KEY " + columnList(pk.columns())
                    + (pk.deferrable() ? " DEFERRABLE INITIALLY " + (pk.initiallyDeferred() ? "DEFERRED" : "IMMEDIATE") : "");
        }
        if (c instanceof UniqueConstraint u) {
            return head + "UNIQUE " + (u.nullsNotDistinct() ? "NULLS NOT DISTINCT " : "") + columnList(u.columns())
                    + (u.deferrable() ? " DEFERRABLE INITIALLY " + (u.initiallyDeferred() ? "DEFERRED" : "IMMEDIATE") : "");
        }
        if (c instanceof CheckConstraint ck) {
            return head + "CHECK (" + ck.expression() + ")" + (ck.noInherit() ? " NO INHERIT" : "") + (ck.notValid() ? " NOT VALID" : "");
        }
        if (c instanceof ExclusionConstraint x) {
            StringBuilder s = new StringBuilder(head).append("EXCLUDE");
            if (x.method() != null) s.append(" USING ").append(indexMethod(x.name(), x.method()));
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < x.elements().size(); i++) keys.add(indexKey(x.elements().get(i)) + " WITH " + x.operators().get(i));
            s.append(" (").append(String.join(", ", keys)).append(')');
            if (!x.include().isEmpty()) s.append(" INCLUDE ").append(columnList(x.include()));
            if (x.where() != null) s.append(" WHERE (").append(x.where()).append(')');
            if (x.deferrable()) s.append(" DEFERRABLE INITIALLY ").append(x.initiallyDeferred() ? "DEFERRED" : "IMMEDIATE");
            return s.toString();
        }
        if (c instanceof ForeignKey fk) {
            StringBuilder s = new StringBuilder(head).append("FOREIGN KEY ").append(columnList(fk.columns()))
                    .append(" REFERENCES ").append(qualify(fk.referredSchema(), fk.referredTable()))
                    .append(' ').append(columnList(fk.referredColumns()));
            if (fk.matchFull()) s.append(" MATCH FULL");
            if (fk.onDelete() != ForeignKey.Action.NO_ACTION) s.append(" ON DELETE ").append(fk.onDelete().sql());
            if (fk.onUpdate() != ForeignKey.Action.NO_ACTION) s.append(" ON UPDATE ").append(fk.onUpdate().sql());
            if (fk.deferrable()) s.append(" DEFERRABLE INITIALLY ").append(fk.initiallyDeferred() ? "DEFERRED" : "IMMEDIATE");
            if (fk.notValid()) s.append(" NOT VALID");
            return s.toString();
        }
        throw new IllegalArgumentException("PostgreSQL cannot render constraint " + c);
    }

    private static String columnList(List<String> columns) {
        return "(" + String.join(", ", columns.stream().map(PostgresSql::quote).toList()) + ")";
    }

    /** The index, then its comment when it has one. */
    static List<String> indexWithComment(String schema, String table, Index ix) {
        if (ix.comment() == null) return List.of(createIndex(schema, table, ix));
        return List.of(createIndex(schema, table, ix), indexComment(schema, ix.name(), ix.comment()));
    }

    private static String indexComment(String schema, String index, String comment) {
        return "COMMENT ON INDEX " + qualify(schema, index) + " IS " + (comment == null || comment.isEmpty() ? "NULL" : literal(comment));
    }

    static String createIndex(String schema, String table, Index ix) {
        StringBuilder s = new StringBuilder(ix.unique() ? "CREATE UNIQUE INDEX " : "CREATE INDEX ")
                .append(quote(ix.name())).append(" ON ").append(qualify(schema, table));
        if (ix.method() != null) s.append(" USING ").append(indexMethod(ix.name(), ix.method()));
        List<String> keys = new ArrayList<>();
        for (Index.Element e : ix.elements()) keys.add(indexKey(e));
        s.append(" (").append(String.join(", ", keys)).append(')');
        if (!ix.include().isEmpty()) s.append(" INCLUDE ").append(columnList(ix.include()));
        if (ix.nullsNotDistinct()) s.append(" NULLS NOT DISTINCT");
        if (!ix.options().isEmpty()) {
            List<String> options = new ArrayList<>();
            for (String o : ix.options()) {
                int eq = o.indexOf('=');
                String key = o.substring(0, eq).strip().toLowerCase(Locale.ROOT);
                String value = o.substring(eq + 1).strip();
                if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) value = value.substring(1, value.length() - 1);
                if (!INDEX_METHOD.matcher(key).matches()) {
                    throw new IllegalArgumentException("index " + ix.name() + ": '" + key + "' is not a storage parameter name");
                }
                options.add(key + " = " + literal(value));
            }
            s.append(" WITH (").append(String.join(", ", options)).append(')');
        }
        if (ix.where() != null) s.append(" WHERE ").append(ix.where());
        return s.toString();
    }

    private static String indexKey(Index.Element e) {
        StringBuilder k = new StringBuilder(e.column() != null ? quote(e.column()) : "(" + e.expression() + ")");
        if (e.collation() != null) k.append(" COLLATE ").append(quote(e.collation()));
        if (e.opclass() != null) k.append(' ').append(quote(e.opclass()));
        if (e.descending()) k.append(" DESC");
        if (e.nullsFirst() != null) k.append(e.nullsFirst() ? " NULLS FIRST" : " NULLS LAST");
        return k.toString();
    }

    /** Access methods are plain lower-case names (btree, gin, ...); anything else is refused, not pasted. */
    private static String indexMethod(String index, String method) {
        String m = method.strip().toLowerCase(Locale.ROOT);
        if (!INDEX_METHOD.matcher(m).matches()) {
            throw new IllegalArgumentException("index " + index + ": '" + method + "' is not an index method name");
        }
        return m;
    }

    // ---- enum types

    private static List<String> createDomain(Domain d) {
        StringBuilder s = new StringBuilder("CREATE DOMAIN ").append(qualify(d.schema(), d.name())).append(" AS ")
                .append(PostgresTypes.render(d.type()));
        if (d.collation() != null) s.append(" COLLATE ").append(quote(d.collation()));
        if (d.defaultExpr() != null) s.append(" DEFAULT ").append(d.defaultExpr());
        if (d.notNull()) s.append(" NOT NULL");
        for (CheckConstraint c : d.checks()) s.append(" CONSTRAINT ").append(quote(c.name())).append(" CHECK (").append(c.expression()).append(')');
        List<String> out = new ArrayList<>();
        out.add(s.toString());
        if (d.comment() != null) out.add(domainComment(d, d.comment()));
        return out;
    }

    /** What changes in place; base type and collation are the same on both sides (the differ makes the domain again otherwise). */
    private static List<String> alterDomain(Domain from, Domain to) {
        String head = "ALTER DOMAIN " + qualify(to.schema(), to.name());
        List<String> out = new ArrayList<>();
        for (CheckConstraint c : from.checks()) {
            if (!to.checks().contains(c)) out.add(head + " DROP CONSTRAINT " + quote(c.name()));
        }
        if (!Objects.equals(from.defaultExpr(), to.defaultExpr())) {
            out.add(head + (to.defaultExpr() == null ? " DROP DEFAULT" : " SET DEFAULT " + to.defaultExpr()));
        }
        if (from.notNull() != to.notNull()) out.add(head + (to.notNull() ? " SET NOT NULL" : " DROP NOT NULL"));
        for (CheckConstraint c : to.checks()) {
            if (!from.checks().contains(c)) out.add(head + " ADD CONSTRAINT " + quote(c.name()) + " CHECK (" + c.expression() + ")");
        }
        if (!Objects.equals(from.comment(), to.comment())) out.add(domainComment(to, to.comment()));
        return out;
    }

    private static String domainComment(Domain d, String comment) {
        return "COMMENT ON DOMAIN " + qualify(d.schema(), d.name()) + " IS " + (comment == null || comment.isEmpty() ? "NULL" : literal(comment));
    }

    private static String createEnum(SqlType.Enum e) {
        return "CREATE TYPE " + qualify(e.schema(), e.name()) + " AS ENUM ("
                + String.join(", ", e.labels().stream().map(PostgresSql::literal).toList()) + ")";
    }

    /**
     * PostgreSQL cannot drop an enum label, so the type is rebuilt: renamed aside, created again without
     * the label, and every table column using it (arrays too, in any schema) converted through text; the
     * indexes on those columns follow their table. Check constraints and indexes whose expressions name the type (a label cast to it, as PostgreSQL stores
     * {@code status IN ('a', 'b')}) would block the conversion: they are dropped first and created again
     * after, their text pointing at the new type. A row holding the removed label makes the conversion,
     * and so the operation, fail: nothing is lost silently. Which objects use the type is known only to
     * the database, hence a DO block.
     */
    private static String removeEnumValue(EnumOps.RemoveEnumValue o) {
        String type = literal(qualify(o.schema(), o.enumName()));
        String body = """

                DECLARE
                    old_type oid := %1$s::regtype::oid;
                    old_array oid;
                    old_name text;
                    new_name text;
                    labels text;
                    col record;
                    dep record;
                    dflt text;
                    recreate text[] := '{}';
                    stmt text;
                BEGIN
                    SELECT typarray INTO old_array FROM pg_type WHERE oid = old_type;
                    SELECT string_agg(quote_literal(enumlabel), ', ' ORDER BY enumsortorder) INTO labels
                        FROM pg_enum WHERE enumtypid = old_type AND enumlabel <> %2$s;
                    IF labels IS NULL THEN
                        RAISE EXCEPTION 'enum type %% would have no labels left', old_type::regtype;
                    END IF;
                    EXECUTE format('ALTER TYPE %%s RENAME TO %%I', old_type::regtype, 'retort_old_' || old_type);
                    EXECUTE format('CREATE TYPE %%s AS ENUM (%%s)', %1$s, labels);
                    old_name := old_type::regtype::text;
                    new_name := %1$s::regtype::text;
                    FOR dep IN
                        SELECT format('ALTER TABLE %%s DROP CONSTRAINT %%I', c.conrelid::regclass, c.conname) AS drop_it,
                               format('ALTER TABLE %%s ADD CONSTRAINT %%I %%s', c.conrelid::regclass, c.conname,
                                      pg_get_constraintdef(c.oid)) AS create_it
                        FROM pg_constraint c
                        WHERE c.contype = 'c' AND EXISTS (
                            SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_constraint'::regclass AND d.objid = c.oid
                              AND d.refclassid = 'pg_type'::regclass AND d.refobjid IN (old_type, old_array))
                        UNION ALL
                        SELECT format('DROP INDEX %%s', i.indexrelid::regclass), pg_get_indexdef(i.indexrelid)
                        FROM pg_index i
                        WHERE NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u', 'x'))
                          AND EXISTS (
                            SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = i.indexrelid
                              AND d.refclassid = 'pg_type'::regclass AND d.refobjid IN (old_type, old_array))
                    LOOP
                        EXECUTE dep.drop_it;
                        recreate := recreate || replace(dep.create_it, old_name, new_name);
                    END LOOP;
                    FOR col IN
                        SELECT a.attrelid::regclass AS tbl, a.attname, a.atttypid = old_array AS is_array,
                               pg_get_expr(d.adbin, d.adrelid) AS dflt
                        FROM pg_attribute a JOIN pg_class r ON r.oid = a.attrelid AND r.relkind IN ('r', 'p')
                        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                        WHERE a.atttypid IN (old_type, old_array) AND a.attnum > 0 AND NOT a.attisdropped
                    LOOP
                        IF col.dflt IS NOT NULL THEN
                            EXECUTE format('ALTER TABLE %%s ALTER COLUMN %%I DROP DEFAULT', col.tbl, col.attname);
                        END IF;
                        EXECUTE format('ALTER TABLE %%s ALTER COLUMN %%I TYPE %%s USING %%I::text%%s::%%s',
                            col.tbl, col.attname, %1$s || CASE WHEN col.is_array THEN '[]' ELSE '' END,
                            col.attname, CASE WHEN col.is_array THEN '[]' ELSE '' END,
                            %1$s || CASE WHEN col.is_array THEN '[]' ELSE '' END);
                        IF col.dflt IS NOT NULL THEN
                            dflt := replace(col.dflt, old_name, new_name);
                            EXECUTE format('ALTER TABLE %%s ALTER COLUMN %%I SET DEFAULT %%s', col.tbl, col.attname, dflt);
                        END IF;
                    END LOOP;
                    FOREACH stmt IN ARRAY recreate LOOP
                        EXECUTE stmt;
                    END LOOP;
                    EXECUTE format('DROP TYPE %%s', old_type::regtype);
                END
                """.formatted(type, literal(o.value()));
        return "DO " + PostgresSql.dollarQuote(body);
    }

    // ---- sequences

    private static String createSequence(Sequence q) {
        StringBuilder s = new StringBuilder("CREATE SEQUENCE ").append(qualify(q.schema(), q.name()))
                .append(" AS ").append(sequenceType(q));
        if (q.increment() != null) s.append(" INCREMENT BY ").append(q.increment());
        if (q.minValue() != null) s.append(" MINVALUE ").append(q.minValue());
        if (q.maxValue() != null) s.append(" MAXVALUE ").append(q.maxValue());
        if (q.start() != null) s.append(" START WITH ").append(q.start());
        if (q.cache() != null) s.append(" CACHE ").append(q.cache());
        if (q.cycle()) s.append(" CYCLE");
        return s.toString();
    }

    private static String sequenceType(Sequence q) {
        SqlType t = q.type();
        if (t == SqlType.Simple.SMALLINT || t == SqlType.Simple.INTEGER || t == SqlType.Simple.BIGINT) return PostgresTypes.render(t);
        throw new IllegalArgumentException("sequence " + q.name() + ": a sequence is smallint, integer or bigint, not " + t);
    }

    private static List<String> alterSequence(Change<Sequence> change) {
        Sequence from = change.from();
        Sequence to = change.to();
        if (!Objects.equals(from.name(), to.name()) || !Objects.equals(from.schema(), to.schema())) {
            throw new IllegalArgumentException("alter sequence cannot rename " + from.key() + " to " + to.key());
        }
        List<String> parts = new ArrayList<>();
        if (!Objects.equals(from.type(), to.type())) parts.add("AS " + sequenceType(to));
        long increment = to.increment() == null ? 1 : to.increment();
        if (!Objects.equals(from.increment(), to.increment())) parts.add("INCREMENT BY " + increment);
        if (!Objects.equals(from.minValue(), to.minValue())) parts.add(to.minValue() == null ? "NO MINVALUE" : "MINVALUE " + to.minValue());
        if (!Objects.equals(from.maxValue(), to.maxValue())) parts.add(to.maxValue() == null ? "NO MAXVALUE" : "MAXVALUE " + to.maxValue());
        if (!Objects.equals(from.start(), to.start())) {
            // The default start is the lower bound for an ascending sequence, the upper for a descending one.
            long start = to.start() != null ? to.start()
                    : increment > 0 ? (to.minValue() != null ? to.minValue() : 1) : (to.maxValue() != null ? to.maxValue() : -1);
            parts.add("START WITH " + start);
        }
        if (!Objects.equals(from.cache(), to.cache())) parts.add("CACHE " + (to.cache() == null ? 1 : to.cache()));
        if (from.cycle() != to.cycle()) parts.add(to.cycle() ? "CYCLE" : "NO CYCLE");
        if (parts.isEmpty()) return List.of();
        return List.of("ALTER SEQUENCE " + qualify(to.schema(), to.name()) + " " + String.join(" ", parts));
    }

    // ---- hand-written SQL

    private static List<String> sql(Sql o, String targetSchema) {
        if (o.sql().isBlank()) return List.of();
        if (SqlTemplate.usesPlaceholders(o.sql()) && targetSchema == null) {
            throw new IllegalArgumentException("hand-written SQL uses a schema placeholder but no target schema was given");
        }
        try {
            return List.of(targetSchema == null ? SqlTemplate.render(o.sql(), null, null)
                    : SqlTemplate.render(o.sql(), quote(targetSchema), literal(targetSchema)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("hand-written SQL: " + e.getMessage(), e);
        }
    }
}
