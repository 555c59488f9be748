package dev.retort.jpa;

import dev.retort.Column;
import jakarta.persistence.CheckConstraint;

import java.util.List;

/**
 * A column made from an attribute, with what else its annotation asks for.
 *
 * @param logical the name before the naming strategy, as annotations elsewhere may refer to it
 * @param check   the values an enum column may hold, or null
 */
record MappedColumn(Column column, String logical, ColumnAnn ann, JavaTypes.EnumCheck check) {

    MappedColumn withColumn(Column c) {
        return new MappedColumn(c, logical, ann, check);
    }

    /**
     * Adds the column to a table with its unique constraint and checks; a read-only duplicate
     * ({@code insertable = false, updatable = false}) adds only the column, deferring to the writable one.
     */
    void placeIn(TableAssembly t, String where, Class<?> entity, boolean readOnly) {
        String name = column.name();
        t.addColumn(column, logical, where, entity, readOnly);
        if (readOnly) return;
        if (ann.unique()) t.addUnique(null, List.of(name), where);
        if (check != null) t.addCheck(null, name, check.expression(TableAssembly.quoteForExpression(name)));
        for (CheckConstraint c : ann.checks()) t.addCheck(c.name(), name, c.constraint());
    }
}
