package dev.retort.jpa;

import dev.retort.Column;
import dev.retort.SqlType;
import dev.retort.Types;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.DiscriminatorType;
import jakarta.persistence.InheritanceType;

/** The discriminator column of a hierarchy's root table. */
final class Discriminator {
    private Discriminator() {
    }

    /**
     * Adds it when the hierarchy has one: a SINGLE_TABLE root with subclasses in the model or a
     * {@code @DiscriminatorColumn}, a JOINED root only with {@code @DiscriminatorColumn}.
     */
    static void addTo(EntityInfo root, Names names) {
        DiscriminatorColumn dc = root.type.getAnnotation(DiscriminatorColumn.class);
        boolean needed = root.strategy == InheritanceType.SINGLE_TABLE ? root.hasSubclasses || dc != null
                : root.strategy == InheritanceType.JOINED && dc != null;
        if (!needed || root.table == null) return;
        String logical = dc == null ? "DTYPE" : dc.name();
        SqlType type;
        if (dc != null && !dc.columnDefinition().isEmpty()) {
            type = ColumnDefinitions.type(dc.columnDefinition());
        } else if (dc != null && dc.discriminatorType() == DiscriminatorType.INTEGER) {
            type = Types.INTEGER;
        } else if (dc != null && dc.discriminatorType() == DiscriminatorType.CHAR) {
            type = Types.charType(1);
        } else {
            type = Types.varchar(dc == null ? 31 : dc.length());
        }
        root.table.addColumn(Column.of(names.physical(logical), type).withNullable(false), logical, root.where() + " (discriminator)", root.type, false);
    }
}
