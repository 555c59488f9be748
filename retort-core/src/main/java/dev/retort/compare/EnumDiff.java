package dev.retort.compare;

import dev.retort.MetaData;
import dev.retort.SqlType;
import dev.retort.operations.EnumOps.AddEnumValue;
import dev.retort.operations.EnumOps.CreateEnum;
import dev.retort.operations.EnumOps.DropEnum;
import dev.retort.operations.EnumOps.RemoveEnumValue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Enum types of the managed schemas: created, dropped, and their labels brought to the model's list.
 *
 * <p>The labels both lists share in the same order (a longest common subsequence) stay. New labels are
 * added early, each before the next kept label, so columns and defaults can use them. Labels the model
 * lacks are removed late, once no default still needs them; a label the model keeps but moved is
 * removed there too and added back in its place, since no database moves a label.
 */
final class EnumDiff {
    private EnumDiff() {
    }

    static void diff(MetaData model, MetaData database, Scope scope, Plan plan) {
        Map<String, SqlType.Enum> wanted = managed(model, scope);
        Map<String, SqlType.Enum> present = managed(database, scope);
        boolean drops = scope.options.includeDrops();
        for (SqlType.Enum m : wanted.values()) {
            SqlType.Enum d = present.get(m.key());
            if (d == null) {
                plan.add(Plan.Phase.CREATE_ENUMS, new CreateEnum(m));
            } else if (!d.labels().equals(m.labels())) {
                labels(m, d.labels(), drops, plan);
            }
        }
        if (drops) {
            present.values().stream().filter(d -> !wanted.containsKey(d.key()))
                    .sorted(Comparator.comparing(SqlType.Enum::key))
                    .forEach(d -> plan.add(Plan.Phase.DROP_ENUMS, new DropEnum(d)));
        }
    }

    private static Map<String, SqlType.Enum> managed(MetaData md, Scope scope) {
        Map<String, SqlType.Enum> out = new LinkedHashMap<>();
        for (SqlType.Enum e : md.enums()) {
            if (scope.options.manages(e.schema())) out.put(e.key(), e);
        }
        return out;
    }

    private static void labels(SqlType.Enum type, List<String> current, boolean drops, Plan plan) {
        List<String> target = type.labels();
        Set<String> kept = new HashSet<>(commonSubsequence(current, target));
        Set<String> existing = new HashSet<>(current);
        for (int i = 0; i < target.size(); i++) {
            String label = target.get(i);
            if (!existing.contains(label)) {
                plan.add(Plan.Phase.CREATE_ENUMS, new AddEnumValue(type.schema(), type.name(), label, nextIn(target, i, kept)));
            }
        }
        if (!drops) return;
        // Removed in the order they stand, each noting the label it stood before, so that the inverse
        // (the same steps backwards) puts every one back in its place.
        List<String> now = new ArrayList<>(current);
        for (String label : current) {
            if (kept.contains(label)) continue;
            int at = now.indexOf(label);
            String before = at + 1 < now.size() ? now.get(at + 1) : null;
            plan.add(Plan.Phase.REMOVE_ENUM_VALUES, new RemoveEnumValue(type.schema(), type.name(), label, before));
            now.remove(at);
        }
        Set<String> placed = new HashSet<>(now);
        target.stream().filter(l -> !existing.contains(l)).forEach(placed::add);
        for (int i = 0; i < target.size(); i++) {
            String label = target.get(i);
            if (existing.contains(label) && !kept.contains(label)) {
                plan.add(Plan.Phase.REMOVE_ENUM_VALUES, new AddEnumValue(type.schema(), type.name(), label, nextIn(target, i, placed)));
                placed.add(label);
            }
        }
    }

    /** The first label after position {@code i} of {@code target} that is in {@code present}, or null to append. */
    private static String nextIn(List<String> target, int i, Set<String> present) {
        for (int j = i + 1; j < target.size(); j++) {
            if (present.contains(target.get(j))) return target.get(j);
        }
        return null;
    }

    static List<String> commonSubsequence(List<String> a, List<String> b) {
        int[][] len = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                len[i][j] = a.get(i).equals(b.get(j)) ? len[i + 1][j + 1] + 1 : Math.max(len[i + 1][j], len[i][j + 1]);
            }
        }
        List<String> out = new ArrayList<>();
        for (int i = 0, j = 0; i < a.size() && j < b.size(); ) {
            if (a.get(i).equals(b.get(j))) {
                out.add(a.get(i));
                i++;
                j++;
            } else if (len[i + 1][j] >= len[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        return out;
    }
}
