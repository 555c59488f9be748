package dev.retort.internal.revision;

import dev.retort.revision.Revision;
import dev.retort.CheckConstraint;
import dev.retort.Column;
import dev.retort.Constraint;
import dev.retort.ForeignKey;
import dev.retort.Identity;
import dev.retort.Index;
import dev.retort.PrimaryKey;
import dev.retort.Sequence;
import dev.retort.SqlType;
import dev.retort.Table;
import dev.retort.Types;
import dev.retort.UniqueConstraint;
import dev.retort.operations.Change;
import dev.retort.operations.ColumnOps;
import dev.retort.operations.ConstraintOps;
import dev.retort.operations.EnumOps;
import dev.retort.operations.IndexOps;
import dev.retort.operations.Operation;
import dev.retort.operations.SchemaOps;
import dev.retort.operations.SequenceOps;
import dev.retort.operations.Sql;
import dev.retort.operations.TableOps;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** Generators of revisions with every kind of operation and strings that are hard to write in YAML. */
final class RevisionArbitraries {
    private RevisionArbitraries() {
    }

    /** Pieces that YAML treats specially somewhere: indicators, line breaks, words it reads as non-strings. */
    private static final List<String> TRICKY = List.of(
            "\n", "\r\n", "\r", "\t", " ", "  ", "'", "\"", "\\", "#", " #", ": ", ":", "- ", "-", "? ", "?",
            "{", "}", "[", "]", ",", "&a", "*a", "!x", "!!str", "|", ">", "%", "@", "`", "~", "null", "Null",
            "true", "no", "on", "yes", "0", "012", "1.5", "1e3", "0x1F", ".inf", "1_000", "12:30", "2026-11-25",
            "${schema}", "é", "日本", "😀", "\u0085", "\u2028", "\u00a0", "\u0000", "\u0007", "\u007f", "\ufeff",
            "---", "...", "<<", "=");

    static Arbitrary<String> text() {
        Arbitrary<String> word = Arbitraries.strings().withCharRange('a', 'z').withChars("_() .*<>=0123456789")
                .ofMinLength(1).ofMaxLength(8);
        return Arbitraries.oneOf(word, Arbitraries.of(TRICKY)).list().ofMaxSize(6).map(parts -> String.join("", parts));
    }

    /**
     * Hand-written SQL: one statement, as a revision must hold, carrying any text in a dollar quote
     * (where placeholders may stand) so that every tricky character still reaches the file.
     */
    static Arbitrary<String> sql() {
        return text().map(t -> "SELECT $q$" + t + "$q$");
    }

    /** Names: mostly ordinary identifiers, sometimes anything a quoted identifier could be. */
    static Arbitrary<String> name() {
        Arbitrary<String> plain = Arbitraries.strings().withCharRange('a', 'z').withChars('_').ofMinLength(1).ofMaxLength(10);
        Arbitrary<String> odd = text().filter(s -> !s.isBlank() && s.indexOf('\0') < 0
                && s.getBytes(StandardCharsets.UTF_8).length <= 63);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, plain), net.jqwik.api.Tuple.of(1, odd));
    }

    static Arbitrary<String> optional(Arbitrary<String> a) {
        return a.injectNull(0.4);
    }

    static Arbitrary<String> id() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("0123456789abcdef").ofLength(12),
                Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars('_').ofMinLength(1).ofMaxLength(8))
                .filter(s -> !RevisionIds.RESERVED.contains(s));
    }

    static Arbitrary<SqlType.Enum> enumType() {
        return Combinators.combine(optional(name()), name(), text().list().ofMinSize(1).ofMaxSize(4).uniqueElements())
                .as(SqlType.Enum::new);
    }

    static Arbitrary<SqlType> type() {
        Arbitrary<SqlType> simple = Arbitraries.of(SqlType.Simple.class).map(s -> s);
        Arbitrary<SqlType> numeric = Combinators.combine(Arbitraries.integers().between(1, 1000),
                Arbitraries.integers().between(0, 1000).injectNull(0.3))
                .as((p, s) -> new SqlType.Numeric(p, s == null ? null : s % (p + 1)));
        Arbitrary<SqlType> varchar = Arbitraries.integers().between(1, 10_000).injectNull(0.2).map(SqlType.Varchar::new);
        Arbitrary<SqlType> chars = Arbitraries.integers().between(1, 100).map(SqlType.Char::new);
        Arbitrary<SqlType> nativeType = Arbitraries.of("tsvector", "inet", "int4range", "geometry(Point, 4326)")
                .map(SqlType.Native::new);
        Arbitrary<SqlType> scalar = Arbitraries.oneOf(simple, numeric, varchar, chars, nativeType, enumType().map(e -> e));
        return Arbitraries.oneOf(scalar, scalar.map(SqlType.Array::new));
    }

    static Arbitrary<Identity> identity() {
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.longs().injectNull(0.5),
                Arbitraries.longs().filter(l -> l != 0).injectNull(0.5), Arbitraries.longs().injectNull(0.8),
                Arbitraries.longs().injectNull(0.8), Arbitraries.longs().between(1, 100).injectNull(0.8), Arbitraries.of(true, false))
                .as(Identity::new);
    }

    /** Flat combinations only: jqwik's flatMap memoises generators and gets very slow on nested ones. */
    static Arbitrary<Column> column() {
        Arbitrary<Column> base = Combinators.combine(name(), type(), Arbitraries.of(true, false))
                .as((n, t, nullable) -> Column.of(n, t).withNullable(nullable));
        return Combinators.combine(base, optional(text()), optional(text()), Arbitraries.integers().between(0, 3),
                optional(text()), identity(), text()).as((c, comment, collation, kind, dflt, identity, computed) -> {
            Column col = c.withComment(comment).withCollation(collation);
            return switch (kind) {
                case 0 -> col.withServerDefault(dflt);
                case 1 -> col.withIdentity(identity);
                case 2 -> col.withAutoIncrement(true);
                default -> col.withComputed(computed);
            };
        });
    }

    static Arbitrary<Index> index(List<String> columns) {
        Arbitrary<Index.Element> element = Arbitraries.oneOf(
                Combinators.combine(Arbitraries.of(columns), Arbitraries.of(true, false))
                        .as((c, d) -> new Index.Element(c, null, d)),
                Combinators.combine(text().filter(s -> !s.isEmpty()), Arbitraries.of(true, false))
                        .as((e, d) -> new Index.Element(null, e, d)));
        return Combinators.combine(name(), element.list().ofMinSize(1).ofMaxSize(3), Arbitraries.of(true, false),
                optional(text()), Arbitraries.of("btree", "gin", "hash").injectNull(0.6),
                Arbitraries.of(columns).list().ofMaxSize(2)).as(Index::new);
    }

    static Arbitrary<ForeignKey> foreignKey(List<String> columns) {
        return Combinators.combine(name(), Arbitraries.of(columns).list().ofMinSize(1).ofMaxSize(2), optional(name()),
                name(), Arbitraries.of(ForeignKey.Action.class), Arbitraries.of(ForeignKey.Action.class),
                Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 3)).as((n, cols, rs, rt, del, upd, defer, flags) ->
                new ForeignKey(n, cols, rs, rt, cols.stream().map(c -> c + "_ref").toList(), del, upd, defer > 0, defer > 1,
                        (flags & 1) != 0, (flags & 2) != 0));
    }

    static Arbitrary<Constraint> constraint(List<String> columns) {
        return Arbitraries.oneOf(
                Combinators.combine(name(), Arbitraries.of(columns).list().ofMinSize(1).ofMaxSize(3).uniqueElements(),
                        Arbitraries.integers().between(0, 2)).as((n, c, defer) -> new PrimaryKey(n, c, defer > 0, defer > 1)),
                Combinators.combine(name(), Arbitraries.of(columns).list().ofMinSize(1).ofMaxSize(3).uniqueElements(),
                        Arbitraries.integers().between(0, 2), Arbitraries.of(true, false))
                        .as((n, c, defer, nnd) -> new UniqueConstraint(n, c, defer > 0, defer > 1, nnd)),
                foreignKey(columns).map(f -> f),
                Combinators.combine(name(), text().filter(s -> !s.isBlank()), Arbitraries.of(true, false), Arbitraries.of(true, false))
                        .as(CheckConstraint::new));
    }

    private static final List<String> SLOTS = List.of("0", "1", "2", "3");

    /**
     * Tables whose constraints and indexes name only their own columns, each under a distinct name.
     * Constraints are generated over column slots "0".."3", mapped to the generated columns at the end.
     */
    static Arbitrary<Table> table() {
        Arbitrary<List<Column>> columns = column().list().ofMinSize(1).ofMaxSize(4).uniqueElements(Column::name);
        Arbitrary<List<String>> where = Combinators.combine(optional(name()), name(), optional(text())).as(Arrays::asList);
        Arbitrary<PrimaryKey> pk = Combinators.combine(name(), Arbitraries.integers().between(0, 2))
                .as((n, defer) -> new PrimaryKey("pk_" + n, List.of("0"), defer > 0, defer > 1)).injectNull(0.3);
        Arbitrary<List<UniqueConstraint>> uniques = Combinators.combine(name(), Arbitraries.of(SLOTS).list().ofMinSize(1).ofMaxSize(2).uniqueElements())
                .as((n, c) -> new UniqueConstraint("uq_" + n, c)).list().ofMaxSize(2).uniqueElements(UniqueConstraint::name);
        Arbitrary<List<ForeignKey>> fks = foreignKey(SLOTS).list().ofMaxSize(2).uniqueElements(ForeignKey::name);
        Arbitrary<List<CheckConstraint>> checks = Combinators.combine(name(), text().filter(s -> !s.isBlank()),
                        Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as((n, e, ni, nv) -> new CheckConstraint("ck_" + n, e, ni, nv)).list().ofMaxSize(2).uniqueElements(CheckConstraint::name);
        Arbitrary<List<Index>> indexes = index(SLOTS).list().ofMaxSize(2).uniqueElements(Index::name);
        return Combinators.combine(columns, where, pk, uniques, fks, checks, indexes)
                .as((cols, w, key, uqs, fs, cks, ixs) -> {
                    List<Column> tableColumns = new ArrayList<>(cols);
                    tableColumns.set(0, cols.get(0).withNullable(false));
                    List<String> names = cols.stream().map(Column::name).toList();
                    UnaryOperator<String> col = slot -> names.get(Integer.parseInt(slot) % names.size());
                    Function<List<String>, List<String>> cs = l -> l.stream().map(col).distinct().toList();
                    return new Table(w.get(0), w.get(1), tableColumns,
                            key == null ? null : key.withColumns(List.of(names.get(0))),
                            uqs.stream().map(u -> new UniqueConstraint(u.name(), cs.apply(u.columns()))).toList(),
                            fs.stream().map(f -> new ForeignKey("fk_" + f.name(), f.columns().stream().map(col).toList(),
                                    f.referredSchema(), f.referredTable(), f.referredColumns(), f.onDelete(), f.onUpdate(),
                                    f.deferrable(), f.initiallyDeferred(), f.matchFull(), f.notValid())).toList(),
                            cks,
                            ixs.stream().map(i -> new Index("ix_" + i.name(), i.elements().stream()
                                    .map(e -> e.column() == null ? e : new Index.Element(col.apply(e.column()), null, e.descending()))
                                    .toList(), i.unique(), i.where(), i.method(), cs.apply(i.include()))).toList(),
                            w.get(2), null);
                });
    }

    static <T> Arbitrary<Change<T>> change(Arbitrary<T> values) {
        return Combinators.combine(values.injectNull(0.3), values.injectNull(0.3)).as(Change::new);
    }

    /** For attributes that always have a value: a column's type, its nullability. */
    static <T> Arbitrary<Change<T>> changeOfValues(Arbitrary<T> values) {
        return Combinators.combine(values, values).as(Change::new);
    }

    static Arbitrary<Sequence> sequence() {
        Arbitrary<Long> opt = Arbitraries.longs().injectNull(0.5);
        Arbitrary<Sequence> named = Combinators.combine(optional(name()), name(),
                Arbitraries.of(Types.SMALLINT, Types.INTEGER, Types.BIGINT))
                .as((schema, name, type) -> new Sequence(schema, name, type, null, null, null, null, null, false));
        return Combinators.combine(named, opt, Arbitraries.longs().filter(l -> l != 0).injectNull(0.5), opt, opt, opt,
                Arbitraries.of(true, false)).as((s, start, inc, min, max, cache, cycle) ->
                new Sequence(s.schema(), s.name(), s.type(), start, inc, min, max, cache, cycle));
    }

    @SuppressWarnings("unchecked")
    static Arbitrary<Operation> operation() {
        Arbitrary<String> schema = optional(name());
        return Arbitraries.oneOf(List.of(
                schema.map(SchemaOps.CreateSchema::new),
                schema.map(SchemaOps.DropSchema::new),
                table().map(TableOps.CreateTable::new),
                table().map(TableOps.DropTable::new),
                Combinators.combine(schema, name(), name()).as(TableOps.RenameTable::new),
                Combinators.combine(schema, name(), change(text())).as(TableOps.SetTableComment::new),
                Combinators.combine(schema, name(), column()).as(ColumnOps.AddColumn::new),
                Combinators.combine(schema, name(), column()).as(ColumnOps.DropColumn::new),
                Combinators.combine(schema, name(), name(), name()).as(ColumnOps.RenameColumn::new),
                Combinators.combine(Combinators.combine(schema, name(), name()).as(Arrays::asList), changeOfValues(type()).injectNull(0.5),
                        changeOfValues(Arbitraries.of(true, false)).injectNull(0.5), change(text()).injectNull(0.5),
                        change(identity()).injectNull(0.5), change(text()).injectNull(0.5),
                        Combinators.combine(change(name()).injectNull(0.5), optional(text()),
                                changeOfValues(Arbitraries.of(true, false)).injectNull(0.5)).as(Arrays::asList))
                        .as((where, ty, nu, de, id, co, rest) -> new ColumnOps.AlterColumn(where.get(0), where.get(1),
                                where.get(2), ty, nu, de, id, co, (Change<String>) rest.get(0), (String) rest.get(1),
                                (Change<Boolean>) rest.get(2))),
                Combinators.combine(schema, name(), index(List.of("a", "b"))).as(IndexOps.CreateIndex::new),
                Combinators.combine(schema, name(), index(List.of("a", "b"))).as(IndexOps.DropIndex::new),
                Combinators.combine(schema, name(), constraint(List.of("a", "b"))).as(ConstraintOps.AddConstraint::new),
                Combinators.combine(schema, name(), constraint(List.of("a", "b"))).as(ConstraintOps.DropConstraint::new),
                Combinators.combine(schema, name(), foreignKey(List.of("a", "b")), Arbitraries.of(true, false))
                        .as((s, t, fk, validates) -> new ConstraintOps.AlterConstraint(s, t,
                                new Change<>(fk.withNotValid(validates), fk.withNotValid(!validates)))),
                enumType().map(EnumOps.CreateEnum::new),
                enumType().map(EnumOps.DropEnum::new),
                Combinators.combine(schema, name(), text(), optional(text())).as(EnumOps.AddEnumValue::new),
                Combinators.combine(schema, name(), text(), optional(text())).as(EnumOps.RemoveEnumValue::new),
                sequence().map(SequenceOps.CreateSequence::new),
                sequence().map(SequenceOps.DropSequence::new),
                Combinators.combine(schema, name(), Combinators.combine(name(), name()).as(Sequence.Owner::new).injectNull(0.5),
                        Combinators.combine(name(), name()).as(Sequence.Owner::new).injectNull(0.5))
                        .as((s, n, from, to) -> new SequenceOps.SetSequenceOwner(s, n, new Change<>(from, to))),
                changeOfValues(sequence()).map(SequenceOps.AlterSequence::new),
                Combinators.combine(sql(), optional(sql())).as(Sql::new)));
    }

    static Arbitrary<Revision> revision() {
        return Combinators.combine(id(), id().list().ofMaxSize(3).uniqueElements(), text(),
                Arbitraries.longs().between(0, 4_000_000_000L).map(Instant::ofEpochSecond),
                operation().list().ofMaxSize(5), operation().list().ofMaxSize(3), Arbitraries.of(true, false))
                .as((id, downs, message, created, up, extraDown, inverse) -> Revision.of(id,
                        downs.stream().filter(d -> !d.equals(id)).toList(), message, created, up,
                        inverse ? Revision.inverse(up) : extraDown));
    }
}
