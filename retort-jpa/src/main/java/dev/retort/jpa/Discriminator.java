package dev.retort.jpa;

import dev.retort.Column;
import dev.retort.SqlType;
import dev.retort.Types;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.DiscriminatorType;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.InheritanceType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The discriminator column of a hierarchy's root table, and the checks Hibernate puts on it. */
final class Discriminator {
    private Discriminator() {
    }

    /**
     * Adds it when the hierarchy has one: a SINGLE_TABLE root with subclasses in the model or a
     * {@code @DiscriminatorColumn}, a JOINED root only with {@code @DiscriminatorColumn}.
     */
    static void addTo(EntityInfo root, Names names) {
        if (!needed(root)) return;
        DiscriminatorColumn dc = root.type.getAnnotation(DiscriminatorColumn.class);
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
        root.table.addColumn(Column.of(column(root, names), type).withNullable(false), logical(root), root.where() + " (discriminator)", root.type, false);
    }

    private static boolean needed(EntityInfo root) {
        DiscriminatorColumn dc = root.type.getAnnotation(DiscriminatorColumn.class);
        boolean needed = root.strategy == InheritanceType.SINGLE_TABLE ? root.hasSubclasses || dc != null
                : root.strategy == InheritanceType.JOINED && dc != null;
        return needed && root.table != null;
    }

    private static String logical(EntityInfo root) {
        DiscriminatorColumn dc = root.type.getAnnotation(DiscriminatorColumn.class);
        return dc == null ? "DTYPE" : dc.name();
    }

    private static String column(EntityInfo root, Names names) {
        return names.physical(logical(root));
    }

    /**
     * Hibernate's checks on a root table: the discriminator holds one of the concrete classes' values
     * (with {@code valueChecks}); and, for each SINGLE_TABLE subclass, the columns its own rows require
     * are not null in the rows carrying its value.
     */
    static void addChecks(Collection<EntityInfo> entities, Names names, boolean valueChecks) {
        for (EntityInfo root : entities) {
            if (!root.isRoot() || !needed(root)) continue;
            String column = TableAssembly.quoteForExpression(column(root, names));
            List<EntityInfo> concrete = new ArrayList<>();
            for (EntityInfo e : entities) {
                if (e.root == root && !e.isAbstract()) concrete.add(e);
            }
            boolean numeric = isInteger(root);
            List<String> values = new ArrayList<>();
            for (EntityInfo e : concrete) values.add(value(e, root));
            if (valueChecks && !values.contains(null)) {
                root.table.addCheck(null, column(root, names), new JavaTypes.EnumCheck(values, numeric).expression(column));
            }
            for (EntityInfo e : concrete) {
                String value = value(e, root);
                if (!e.sharesRootTable() || e.requiredInOwnRows.isEmpty() || value == null) continue;
                String literal = numeric ? value : "'" + value.replace("'", "''") + "'";
                List<String> required = e.requiredInOwnRows.stream().sorted().distinct()
                        .map(c -> TableAssembly.quoteForExpression(c) + " is not null").toList();
                root.table.addCheck(null, column(root, names), column + " <> " + literal + " or " + String.join(" and ", required));
            }
        }
    }

    private static boolean isInteger(EntityInfo root) {
        DiscriminatorColumn dc = root.type.getAnnotation(DiscriminatorColumn.class);
        return dc != null && dc.discriminatorType() == DiscriminatorType.INTEGER;
    }

    /**
     * The value rows of the entity carry: {@code @DiscriminatorValue}, else the entity name (the hash
     * of the entity name for an INTEGER discriminator, as Hibernate does). Null when Retort cannot tell
     * (a CHAR discriminator without a value).
     */
    private static String value(EntityInfo e, EntityInfo root) {
        DiscriminatorValue explicit = e.type.getAnnotation(DiscriminatorValue.class);
        if (explicit != null) return explicit.value();
        DiscriminatorColumn dc = root.type.getAnnotation(DiscriminatorColumn.class);
        if (dc == null || dc.discriminatorType() == DiscriminatorType.STRING) return e.entityName;
        if (dc.discriminatorType() == DiscriminatorType.INTEGER) return String.valueOf(e.entityName.hashCode());
        return null;
    }
}
