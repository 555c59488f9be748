package dev.retort.jpa;

import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.SequenceGenerators;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.TableGenerators;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The identifier generators a model declares, with Hibernate 7's scopes: a named generator declared
 * on a class, or on one of its fields or methods, serves that class's hierarchy only (another
 * entity naming it gets a generator of its own, as Hibernate makes one); one declared on a package
 * ({@code package-info}) serves every entity. A generator without a name (Jakarta Persistence 3.2)
 * applies where it is declared.
 */
final class Generators {
    record Found<A>(A annotation, String where) {
    }

    /** The named generators of one class or package. */
    private static final class Scope {
        final Map<String, Found<SequenceGenerator>> sequences = new HashMap<>();
        final Map<String, Found<TableGenerator>> tables = new HashMap<>();
    }

    private final Map<Class<?>, Scope> classes = new HashMap<>();
    private final Scope packages = new Scope();

    /** Reads the generators a class, its fields and methods, and its package declare. */
    void collect(Class<?> type) {
        if (classes.containsKey(type)) return;
        Scope scope = new Scope();
        classes.put(type, scope);
        collectFrom(scope, type, type.getName());
        for (var f : type.getDeclaredFields()) collectFrom(scope, f, type.getName() + "." + f.getName());
        for (var m : type.getDeclaredMethods()) collectFrom(scope, m, type.getName() + "." + m.getName() + "()");
        try {
            Class<?> info = Class.forName(type.getPackageName() + ".package-info", false, type.getClassLoader());
            collectFrom(packages, info, "package " + type.getPackageName());
        } catch (ClassNotFoundException | LinkageError none) {
            // most packages declare nothing
        }
    }

    private static void collectFrom(Scope scope, AnnotatedElement element, String where) {
        List<SequenceGenerator> seqs = new ArrayList<>();
        if (element.getAnnotation(SequenceGenerator.class) != null) seqs.add(element.getAnnotation(SequenceGenerator.class));
        if (element.getAnnotation(SequenceGenerators.class) != null) seqs.addAll(List.of(element.getAnnotation(SequenceGenerators.class).value()));
        for (SequenceGenerator g : seqs) register(scope.sequences, g, g.name(), where, "@SequenceGenerator");
        List<TableGenerator> tabs = new ArrayList<>();
        if (element.getAnnotation(TableGenerator.class) != null) tabs.add(element.getAnnotation(TableGenerator.class));
        if (element.getAnnotation(TableGenerators.class) != null) tabs.addAll(List.of(element.getAnnotation(TableGenerators.class).value()));
        for (TableGenerator g : tabs) register(scope.tables, g, g.name(), where, "@TableGenerator");
    }

    private static <A extends Annotation> void register(Map<String, Found<A>> map, A g, String name, String where, String kind) {
        if (name.isEmpty()) return;
        Found<A> before = map.putIfAbsent(name, new Found<>(g, where));
        if (before != null && !before.annotation().equals(g)) {
            throw new JpaMappingException(where, kind + " '" + name + "' is declared differently by " + before.where());
        }
    }

    /** The sequence generator of that name an entity of the given hierarchy sees, or null. */
    Found<SequenceGenerator> sequence(String name, List<Class<?>> hierarchy) {
        return find(name, hierarchy, s -> s.sequences);
    }

    /** The table generator of that name an entity of the given hierarchy sees, or null. */
    Found<TableGenerator> table(String name, List<Class<?>> hierarchy) {
        return find(name, hierarchy, s -> s.tables);
    }

    private <A> Found<A> find(String name, List<Class<?>> hierarchy, Function<Scope, Map<String, Found<A>>> kind) {
        for (int i = hierarchy.size() - 1; i >= 0; i--) {
            Scope scope = classes.get(hierarchy.get(i));
            Found<A> found = scope == null ? null : kind.apply(scope).get(name);
            if (found != null) return found;
        }
        return kind.apply(packages).get(name);
    }
}
