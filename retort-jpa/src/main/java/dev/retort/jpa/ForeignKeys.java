package dev.retort.jpa;

import dev.retort.ForeignKey;
import jakarta.persistence.ConstraintMode;
import jakarta.persistence.InheritanceType;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Foreign keys between the tables being assembled, as {@code @ForeignKey} shapes them. */
final class ForeignKeys {
    private static final Pattern ON_DELETE = Pattern.compile("(?i)on\\s+delete\\s+(cascade|restrict|set\\s+null|set\\s+default|no\\s+action)");
    private static final Pattern ON_UPDATE = Pattern.compile("(?i)on\\s+update\\s+(cascade|restrict|set\\s+null|set\\s+default|no\\s+action)");

    private ForeignKeys() {
    }

    /**
     * The table a foreign key to the entity refers to; none for a TABLE_PER_CLASS entity whose rows
     * are spread over several tables.
     */
    static TableAssembly target(EntityInfo entity) {
        if (entity.strategy == InheritanceType.TABLE_PER_CLASS && (entity.isAbstract() || entity.hasSubclasses)) return null;
        return entity.table;
    }

    static void add(TableAssembly from, List<String> cols, TableAssembly to, List<String> referred, jakarta.persistence.ForeignKey ann) {
        add(from, cols, to, referred, ann, null);
    }

    /**
     * Adds the key unless there is no single target table, or {@code @ForeignKey(NO_CONSTRAINT)} says
     * none. {@code onDelete} (Hibernate's {@code @OnDelete}) wins over the definition's {@code on delete}.
     */
    static void add(TableAssembly from, List<String> cols, TableAssembly to, List<String> referred,
                    jakarta.persistence.ForeignKey ann, ForeignKey.Action onDelete) {
        if (to == null || cols.isEmpty()) return;
        if (ann != null && ann.value() == ConstraintMode.NO_CONSTRAINT) return;
        String definition = ann == null ? "" : ann.foreignKeyDefinition();
        ForeignKey.Action delete = onDelete != null ? onDelete : action(ON_DELETE, definition);
        from.addForeignKey(ann == null ? null : ann.name(), cols, to, referred, delete, action(ON_UPDATE, definition));
    }

    /** The referential action a {@code foreignKeyDefinition} states, the only part of it Retort reads. */
    private static ForeignKey.Action action(Pattern pattern, String definition) {
        Matcher m = pattern.matcher(definition);
        return m.find() ? ForeignKey.Action.parse(m.group(1).replaceAll("\\s+", " ")) : ForeignKey.Action.NO_ACTION;
    }
}
