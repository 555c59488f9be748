package dev.retort.jpa;

import jakarta.persistence.CheckConstraint;
import jakarta.persistence.Column;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OrderColumn;

/**
 * What {@code @Column} and its relatives ({@code @JoinColumn}, {@code @MapKeyColumn},
 * {@code @OrderColumn}) say about one column, with the specification's defaults when absent. Empty
 * strings mean "not given".
 */
record ColumnAnn(String name, boolean nullable, boolean unique, boolean insertable, boolean updatable, int length,
                 int precision, int scale, int secondPrecision, String columnDefinition, String comment,
                 String table, CheckConstraint[] checks) {

    static final ColumnAnn DEFAULT = new ColumnAnn("", true, false, true, true, 255, 0, 0, -1, "", "", "", new CheckConstraint[0]);

    static ColumnAnn of(Column c) {
        if (c == null) return DEFAULT;
        return new ColumnAnn(c.name(), c.nullable(), c.unique(), c.insertable(), c.updatable(), c.length(),
                c.precision(), c.scale(), c.secondPrecision(), c.columnDefinition(), c.comment(), c.table(), c.check());
    }

    static ColumnAnn of(JoinColumn c) {
        if (c == null) return DEFAULT;
        return new ColumnAnn(c.name(), c.nullable(), c.unique(), c.insertable(), c.updatable(), 255, 0, 0, -1,
                c.columnDefinition(), c.comment(), c.table(), c.check());
    }

    static ColumnAnn of(MapKeyColumn c) {
        if (c == null) return DEFAULT;
        return new ColumnAnn(c.name(), c.nullable(), c.unique(), c.insertable(), c.updatable(), c.length(),
                c.precision(), c.scale(), -1, c.columnDefinition(), "", c.table(), new CheckConstraint[0]);
    }

    static ColumnAnn of(OrderColumn c) {
        if (c == null) return DEFAULT;
        return new ColumnAnn(c.name(), c.nullable(), false, c.insertable(), c.updatable(), 255, 0, 0, -1,
                c.columnDefinition(), "", "", new CheckConstraint[0]);
    }

    /** Mapped by another attribute that writes it: Hibernate's {@code insertable=false, updatable=false}. */
    boolean readOnly() {
        return !insertable && !updatable;
    }

    ColumnAnn withLength(int newLength) {
        return new ColumnAnn(name, nullable, unique, insertable, updatable, newLength, precision, scale,
                secondPrecision, columnDefinition, comment, table, checks);
    }

    ColumnAnn withPrecision(int newPrecision, int newScale) {
        return new ColumnAnn(name, nullable, unique, insertable, updatable, length, newPrecision, newScale,
                secondPrecision, columnDefinition, comment, table, checks);
    }

    ColumnAnn withName(String newName) {
        return new ColumnAnn(newName, nullable, unique, insertable, updatable, length, precision, scale,
                secondPrecision, columnDefinition, comment, table, checks);
    }
}
