package dev.retort.compare;

import dev.retort.Column;
import dev.retort.ForeignKey;
import dev.retort.Index;
import dev.retort.PrimaryKey;
import dev.retort.Table;
import dev.retort.UniqueConstraint;

import java.util.List;
import java.util.Objects;

/** The rewrites of table values the differ needs; Table has no wither for most of its parts. */
final class TableEdits {
    private TableEdits() {
    }

    static Table withForeignKeys(Table t, List<ForeignKey> fks) {
        return new Table(t.schema(), t.name(), t.columns(), t.primaryKey(), t.uniques(), fks, t.checks(), t.indexes(),
                t.comment(), t.renamedFrom(), t.exclusions());
    }

    /** The table as it is created: renamedFrom is an instruction to the differ, not part of the schema. */
    static Table withoutRenames(Table t) {
        List<Column> cols = t.columns().stream().map(c -> c.renamedFrom() == null ? c : c.withRenamedFrom(null)).toList();
        return new Table(t.schema(), t.name(), cols, t.primaryKey(), t.uniques(), t.foreignKeys(), t.checks(),
                t.indexes(), t.comment(), null, t.exclusions());
    }

    static Column withoutRename(Column c) {
        return c.renamedFrom() == null ? c : c.withRenamedFrom(null);
    }

    /** What the database does to a table when one of its columns is renamed; expressions keep their text. */
    static Table renameColumn(Table t, String from, String to) {
        List<Column> cols = t.columns().stream().map(c -> c.name().equals(from) ? c.withName(to) : c).toList();
        PrimaryKey pk = t.primaryKey() == null ? null : t.primaryKey().withColumns(rename(t.primaryKey().columns(), from, to));
        List<UniqueConstraint> uniques = t.uniques().stream()
                .map(u -> u.withColumns(rename(u.columns(), from, to))).toList();
        List<ForeignKey> fks = t.foreignKeys().stream()
                .map(f -> new ForeignKey(f.name(), rename(f.columns(), from, to), f.referredSchema(), f.referredTable(),
                        f.referredColumns(), f.onDelete(), f.onUpdate(), f.deferrable(), f.initiallyDeferred(), f.matchFull(),
                        f.notValid()))
                .toList();
        List<Index> indexes = t.indexes().stream().map(i -> new Index(i.name(),
                i.elements().stream().map(e -> from.equals(e.column()) ? e.withColumn(to) : e).toList(),
                i.unique(), i.where(), i.method(), rename(i.include(), from, to), i.nullsNotDistinct(), i.options(), i.comment())).toList();
        return new Table(t.schema(), t.name(), cols, pk, uniques, fks, t.checks(), indexes, t.comment(), t.renamedFrom(),
                t.exclusions().stream().map(x -> x.withColumnRenamed(from, to)).toList());
    }

    /** Foreign keys of {@code t} that refer to table {@code schema.from} follow its rename to {@code to}. */
    static Table retargetTable(Table t, String schema, String from, String to) {
        return withForeignKeys(t, t.foreignKeys().stream().map(f -> refersTo(f, schema, from)
                ? new ForeignKey(f.name(), f.columns(), f.referredSchema(), to, f.referredColumns(), f.onDelete(),
                f.onUpdate(), f.deferrable(), f.initiallyDeferred(), f.matchFull(), f.notValid())
                : f).toList());
    }

    /** Foreign keys of {@code t} into {@code schema.table} follow the rename of its column {@code from}. */
    static Table retargetColumn(Table t, String schema, String table, String from, String to) {
        return withForeignKeys(t, t.foreignKeys().stream().map(f -> refersTo(f, schema, table)
                ? new ForeignKey(f.name(), f.columns(), f.referredSchema(), f.referredTable(),
                rename(f.referredColumns(), from, to), f.onDelete(), f.onUpdate(), f.deferrable(), f.initiallyDeferred(),
                f.matchFull(), f.notValid())
                : f).toList());
    }

    static boolean refersTo(ForeignKey f, String schema, String table) {
        return Objects.equals(f.referredSchema(), schema) && f.referredTable().equals(table);
    }

    private static List<String> rename(List<String> names, String from, String to) {
        return names.stream().map(n -> n.equals(from) ? to : n).toList();
    }
}
