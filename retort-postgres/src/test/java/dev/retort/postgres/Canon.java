package dev.retort.postgres;

import dev.retort.CheckConstraint;
import dev.retort.Column;
import dev.retort.ForeignKey;
import dev.retort.Index;
import dev.retort.MetaData;
import dev.retort.SqlType;
import dev.retort.Table;
import dev.retort.UniqueConstraint;
import dev.retort.compare.Normaliser;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Brings a table to the form in which a model and its reflection must be equal: every expression and
 * type through the normaliser, constraints and indexes in name order, and what a database does not keep
 * (a previous name) left out.
 */
final class Canon {
    private static final Normaliser N = new PostgresNormaliser();

    private Canon() {
    }

    static Table table(Table t) {
        List<Column> columns = t.columns().stream().map(Canon::column).toList();
        List<UniqueConstraint> uniques = t.uniques().stream().sorted(Comparator.comparing(UniqueConstraint::name)).toList();
        List<ForeignKey> fks = t.foreignKeys().stream().sorted(Comparator.comparing(ForeignKey::name)).toList();
        List<CheckConstraint> checks = t.checks().stream()
                .map(c -> new CheckConstraint(c.name(), N.normaliseExpression(c.expression())))
                .sorted(Comparator.comparing(CheckConstraint::name)).toList();
        List<Index> indexes = t.indexes().stream().map(Canon::index).sorted(Comparator.comparing(Index::name)).toList();
        return new Table(t.schema(), t.name(), columns, t.primaryKey(), uniques, fks, checks, indexes, t.comment(), null);
    }

    static Column column(Column c) {
        SqlType type = N.normaliseType(c.type());
        return new Column(c.name(), type, c.nullable(), N.normaliseDefault(c.serverDefault(), type), c.comment(),
                c.identity(), c.autoIncrement(), N.normaliseExpression(c.computed()), c.collation(), null);
    }

    static Index index(Index ix) {
        List<Index.Element> elements = ix.elements().stream()
                .map(e -> e.column() != null ? e : new Index.Element(null, N.normaliseExpression(e.expression()), e.descending()))
                .toList();
        String method = ix.method() == null || ix.method().equalsIgnoreCase(N.defaultIndexMethod()) ? null : ix.method().toLowerCase();
        return new Index(ix.name(), elements, ix.unique(), N.normaliseExpression(ix.where()), method, ix.include());
    }

    /** Every table of a model, canonical, by key. */
    static Map<String, Table> tables(MetaData md) {
        Map<String, Table> out = new TreeMap<>();
        md.tables().forEach((k, t) -> out.put(k, table(t)));
        return out;
    }
}
