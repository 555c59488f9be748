package dev.retort.internal.revision;

import dev.retort.operations.ColumnOps;
import dev.retort.operations.ConstraintOps;
import dev.retort.operations.DomainOps;
import dev.retort.operations.EnumOps;
import dev.retort.operations.IndexOps;
import dev.retort.operations.Operation;
import dev.retort.operations.PolicyOps;
import dev.retort.operations.RoutineOps;
import dev.retort.operations.TriggerOps;
import dev.retort.operations.ViewOps;
import dev.retort.operations.SchemaOps;
import dev.retort.operations.SequenceOps;
import dev.retort.operations.Sql;
import dev.retort.operations.TableOps;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The name each operation goes by in a revision file. */
final class OperationNames {
    private static final Map<Class<? extends Operation>, String> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put(SchemaOps.CreateSchema.class, "create_schema");
        NAMES.put(SchemaOps.DropSchema.class, "drop_schema");
        NAMES.put(TableOps.CreateTable.class, "create_table");
        NAMES.put(TableOps.DropTable.class, "drop_table");
        NAMES.put(TableOps.RenameTable.class, "rename_table");
        NAMES.put(TableOps.SetTableComment.class, "set_table_comment");
        NAMES.put(ColumnOps.AddColumn.class, "add_column");
        NAMES.put(ColumnOps.DropColumn.class, "drop_column");
        NAMES.put(ColumnOps.RenameColumn.class, "rename_column");
        NAMES.put(ColumnOps.AlterColumn.class, "alter_column");
        NAMES.put(IndexOps.CreateIndex.class, "create_index");
        NAMES.put(IndexOps.DropIndex.class, "drop_index");
        NAMES.put(IndexOps.SetIndexComment.class, "set_index_comment");
        NAMES.put(ConstraintOps.AddConstraint.class, "add_constraint");
        NAMES.put(ConstraintOps.DropConstraint.class, "drop_constraint");
        NAMES.put(ConstraintOps.AlterConstraint.class, "alter_constraint");
        NAMES.put(EnumOps.CreateEnum.class, "create_enum");
        NAMES.put(EnumOps.DropEnum.class, "drop_enum");
        NAMES.put(EnumOps.AddEnumValue.class, "add_enum_value");
        NAMES.put(EnumOps.RemoveEnumValue.class, "remove_enum_value");
        NAMES.put(SequenceOps.CreateSequence.class, "create_sequence");
        NAMES.put(SequenceOps.DropSequence.class, "drop_sequence");
        NAMES.put(SequenceOps.AlterSequence.class, "alter_sequence");
        NAMES.put(SequenceOps.SetSequenceOwner.class, "set_sequence_owner");
        NAMES.put(ViewOps.CreateView.class, "create_view");
        NAMES.put(ViewOps.DropView.class, "drop_view");
        NAMES.put(ViewOps.AlterView.class, "alter_view");
        NAMES.put(RoutineOps.CreateRoutine.class, "create_routine");
        NAMES.put(RoutineOps.DropRoutine.class, "drop_routine");
        NAMES.put(RoutineOps.ReplaceRoutine.class, "replace_routine");
        NAMES.put(TriggerOps.CreateTrigger.class, "create_trigger");
        NAMES.put(TriggerOps.DropTrigger.class, "drop_trigger");
        NAMES.put(TriggerOps.AlterTrigger.class, "alter_trigger");
        NAMES.put(PolicyOps.CreatePolicy.class, "create_policy");
        NAMES.put(PolicyOps.DropPolicy.class, "drop_policy");
        NAMES.put(PolicyOps.AlterPolicy.class, "alter_policy");
        NAMES.put(PolicyOps.SetRowSecurity.class, "set_row_security");
        NAMES.put(DomainOps.CreateDomain.class, "create_domain");
        NAMES.put(DomainOps.DropDomain.class, "drop_domain");
        NAMES.put(DomainOps.AlterDomain.class, "alter_domain");
        NAMES.put(Sql.class, "sql");
    }

    private OperationNames() {
    }

    static String of(Operation op) {
        String name = NAMES.get(op.getClass());
        if (name == null) throw new IllegalStateException("operation without a file name: " + op.getClass());
        return name;
    }

    static Set<String> all() {
        return Set.copyOf(NAMES.values());
    }

    /** The known name closest to a misspelt one, or null when none is close. */
    static String closest(String name) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : NAMES.values()) {
            int d = distance(name, candidate);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return bestDistance <= Math.max(2, name.length() / 4) ? best : null;
    }

    /** Levenshtein distance: small strings, so the plain quadratic table is fine. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
