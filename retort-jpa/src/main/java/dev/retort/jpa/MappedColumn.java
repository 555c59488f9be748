package dev.retort.jpa;

import dev.retort.Column;
import dev.retort.SqlType;
import jakarta.persistence.CheckConstraint;

import java.util.ArrayList;
import java.util.List;

/**
 * A column made from an attribute, with what else its annotation asks for.
 *
 * @param logical       the name before the naming strategy, as annotations elsewhere may refer to it
 * @param check         the values an enum column may hold, or null
 * @param bounds        the checks Bean Validation's {@code @Min} and {@code @Max} add
 * @param referenceType the type columns referring to this one get: the type before Bean Validation
 *                      amended it, since Hibernate copies a referenced column's length and precision
 *                      while binding, before it applies constraints
 */
record MappedColumn(Column column, String logical, ColumnAnn ann, JavaTypes.EnumCheck check, List<Validation.Bound> bounds,
                    SqlType referenceType) {

    MappedColumn(Column column, String logical, ColumnAnn ann, JavaTypes.EnumCheck check) {
        this(column, logical, ann, check, List.of(), column.type());
    }

    MappedColumn withColumn(Column c) {
        return new MappedColumn(c, logical, ann, check, bounds, referenceType);
    }

    /**
     * Adds the column to a table with its unique constraint and checks; a read-only duplicate
     * ({@code insertable = false, updatable = false}) adds only the column, deferring to the writable one.
     * The checks without a name ({@code @Column(check)}'s, the enum's, those of {@code @Min}/{@code @Max})
     * make one check, their conditions joined by {@code and}, as Hibernate writes them in the column's
     * definition; named ones stay apart.
     */
    void placeIn(TableAssembly t, String where, Class<?> entity, boolean readOnly) {
        String name = column.name();
        t.addColumn(column, logical, where, entity, readOnly, referenceType);
        if (readOnly) return;
        if (ann.unique()) t.addUnique(null, List.of(name), where);
        String quoted = TableAssembly.quoteForExpression(name);
        List<String> anonymous = new ArrayList<>();
        for (CheckConstraint c : ann.checks()) {
            if (c.name().isEmpty()) anonymous.add(c.constraint());
            else t.addCheck(c.name(), name, c.constraint());
        }
        if (check != null) anonymous.add(check.expression(quoted));
        for (Validation.Bound b : bounds) anonymous.add(b.expression(quoted));
        if (anonymous.size() == 1) t.addCheck(null, name, anonymous.get(0));
        else if (anonymous.size() > 1) t.addCheck(null, name, "(" + String.join(") and (", anonymous) + ")");
    }
}
