package dev.retort.compare;

import dev.retort.Policy;
import dev.retort.Routine;
import dev.retort.Trigger;
import dev.retort.View;

import java.util.Map;

/**
 * The model's views, routines, triggers and policies as the database prints them back: what a dialect
 * learns by creating the model somewhere it can throw away and reading it back (PostgreSQL rewrites
 * every query, condition and signature into its own canonical text). Each map is keyed by the model
 * object's own key, so the differ finds the canonical form of each model object; it compares that
 * form with the database's, and still emits the model's own text.
 *
 * @param exact whether the forms come from the database; when false (the database could not say, or no
 *              dialect was asked), texts are compared after the normaliser's expression rules, which
 *              cannot see every difference
 */
public record Canonical(Map<String, View> views, Map<String, Routine> routines, Map<String, Trigger> triggers,
                        Map<String, Policy> policies, boolean exact) {

    /** No canonical forms: model texts are compared as they are, exactly (a model read from a database). */
    public static final Canonical NONE = new Canonical(Map.of(), Map.of(), Map.of(), Map.of(), true);

    /** No canonical forms, and the model holds text as written: compare through the normaliser. */
    public static final Canonical APPROXIMATE = new Canonical(Map.of(), Map.of(), Map.of(), Map.of(), false);

    public Canonical {
        views = Map.copyOf(views);
        routines = Map.copyOf(routines);
        triggers = Map.copyOf(triggers);
        policies = Map.copyOf(policies);
    }

    View view(View model) {
        return views.getOrDefault(model.key(), model);
    }

    Routine routine(Routine model) {
        return routines.getOrDefault(model.key(), model);
    }

    Trigger trigger(Trigger model) {
        return triggers.getOrDefault(model.key(), model);
    }

    Policy policy(Policy model) {
        return policies.getOrDefault(model.key(), model);
    }

    /** These forms for a model bound to {@code to} instead of {@code from} (keys and values moved). */
    public Canonical rebind(String from, String to) {
        java.util.function.UnaryOperator<String> key = k -> from != null && k.startsWith(from + ".")
                ? (to == null ? "" : to + ".") + k.substring(from.length() + 1)
                : from == null && to != null ? to + "." + k : k;
        return new Canonical(remap(views, key, v -> java.util.Objects.equals(v.schema(), from) ? v.withSchema(to) : v),
                remap(routines, key, r -> java.util.Objects.equals(r.schema(), from) ? r.withSchema(to) : r),
                remap(triggers, key, t -> java.util.Objects.equals(t.schema(), from) ? t.withSchema(to) : t),
                remap(policies, key, p -> java.util.Objects.equals(p.schema(), from) ? p.withSchema(to) : p), exact);
    }

    private static <T> Map<String, T> remap(Map<String, T> in, java.util.function.UnaryOperator<String> key,
                                            java.util.function.UnaryOperator<T> value) {
        Map<String, T> out = new java.util.LinkedHashMap<>();
        in.forEach((k, v) -> out.put(key.apply(k), value.apply(v)));
        return out;
    }
}
