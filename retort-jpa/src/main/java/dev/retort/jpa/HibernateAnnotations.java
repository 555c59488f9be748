package dev.retort.jpa;

import dev.retort.ForeignKey;

/**
 * Hibernate's own annotations that shape DDL, read by class name: Retort does not depend on
 * Hibernate at run time.
 */
final class HibernateAnnotations {
    private static final String COLUMN_DEFAULT = "org.hibernate.annotations.ColumnDefault";
    private static final String ON_DELETE = "org.hibernate.annotations.OnDelete";

    private HibernateAnnotations() {
    }

    /** {@code @ColumnDefault}: the server default, when the column definition gave none. */
    static MappedColumn withColumnDefault(MappedColumn b, Attribute a) {
        Object value = a.namedValue(COLUMN_DEFAULT, "value");
        if (value == null || b.column().serverDefault() != null) return b;
        return b.withColumn(b.column().withServerDefault(value.toString()));
    }

    /** {@code @OnDelete(action = ...)}: the foreign key's delete action, or null. */
    static ForeignKey.Action onDelete(Attribute a) {
        Object action = a.namedValue(ON_DELETE, "action");
        return action == null ? null : ForeignKey.Action.parse(action.toString());
    }
}
