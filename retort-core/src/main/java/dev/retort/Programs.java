package dev.retort;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The objects of a {@link MetaData} that hold SQL bodies or hang on tables by name: views, routines,
 * triggers, policies and row-level security. An immutable value, replaced whole on every change, so
 * that MetaData can publish it with one volatile write.
 */
record Programs(Map<String, View> views, Map<String, Routine> routines, Map<String, Trigger> triggers,
                Map<String, Policy> policies, Map<String, RowSecurity> rowSecurity) {

    static final Programs EMPTY = new Programs(Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

    Programs withView(View v) {
        return new Programs(put(views, v.key(), v, v.kind() + " " + v.key()), routines, triggers, policies, rowSecurity);
    }

    Programs withRoutine(Routine r) {
        return new Programs(views, put(routines, r.key(), r, r.what() + " " + r.key()), triggers, policies, rowSecurity);
    }

    Programs withTrigger(Trigger t) {
        return new Programs(views, routines, put(triggers, t.key(), t, "trigger " + t.name() + " on " + t.tableKey()),
                policies, rowSecurity);
    }

    Programs withPolicy(Policy p) {
        return new Programs(views, routines, triggers, put(policies, p.key(), p, "policy " + p.name() + " on " + p.tableKey()),
                rowSecurity);
    }

    Programs withRowSecurity(RowSecurity r) {
        Map<String, RowSecurity> next = new LinkedHashMap<>(rowSecurity);
        next.put(r.tableKey(), r);
        return new Programs(views, routines, triggers, policies, Collections.unmodifiableMap(next));
    }

    private static <T> Map<String, T> put(Map<String, T> map, String key, T value, String what) {
        if (map.containsKey(key)) throw new IllegalArgumentException(what + " is already defined in this MetaData");
        Map<String, T> next = new LinkedHashMap<>(map);
        next.put(key, value);
        return Collections.unmodifiableMap(next);
    }

    /** Registers every object in {@code target}, those in schema {@code from} moved to {@code to}. */
    void copyInto(MetaData target, String from, String to) {
        views.values().forEach(v -> target.addView(move(v, View::schema, x -> x.withSchema(to), from)));
        routines.values().forEach(r -> target.addRoutine(move(r, Routine::schema, x -> x.withSchema(to), from)));
        triggers.values().forEach(t -> target.addTrigger(move(t, Trigger::schema, x -> x.withSchema(to), from)));
        policies.values().forEach(p -> target.addPolicy(move(p, Policy::schema, x -> x.withSchema(to), from)));
        rowSecurity.values().forEach(r -> target.addRowSecurity(move(r, RowSecurity::schema, x -> x.withSchema(to), from)));
    }

    private static <T> T move(T value, Function<T, String> schema, Function<T, T> moved, String from) {
        return Objects.equals(schema.apply(value), from) ? moved.apply(value) : value;
    }
}
