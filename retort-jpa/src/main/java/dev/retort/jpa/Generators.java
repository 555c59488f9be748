package dev.retort.jpa;

import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.SequenceGenerators;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.TableGenerators;

import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The identifier generators a model declares. Named generators are global to the model, as in a
 * persistence unit; a generator without a name (Jakarta Persistence 3.2) applies where it is declared.
 */
final class Generators {
    record Found<A>(A annotation, String where) {
    }

    private final Map<String, Found<SequenceGenerator>> sequences = new HashMap<>();
    private final Map<String, Found<TableGenerator>> tables = new HashMap<>();

    /** Reads the generators a class, its fields and methods, and its package declare. */
    void collect(Class<?> type) {
        collectFrom(type, type.getName());
        for (var f : type.getDeclaredFields()) collectFrom(f, type.getName() + "." + f.getName());
        for (var m : type.getDeclaredMethods()) collectFrom(m, type.getName() + "." + m.getName() + "()");
        try {
            Class<?> info = Class.forName(type.getPackageName() + ".package-info", false, type.getClassLoader());
            collectFrom(info, "package " + type.getPackageName());
        } catch (ClassNotFoundException | LinkageError none) {
            // most packages declare nothing
        }
    }

    private void collectFrom(AnnotatedElement element, String where) {
        List<SequenceGenerator> seqs = new ArrayList<>();
        if (element.getAnnotation(SequenceGenerator.class) != null) seqs.add(element.getAnnotation(SequenceGenerator.class));
        if (element.getAnnotation(SequenceGenerators.class) != null) seqs.addAll(List.of(element.getAnnotation(SequenceGenerators.class).value()));
        for (SequenceGenerator g : seqs) {
            if (g.name().isEmpty()) continue;
            Found<SequenceGenerator> before = sequences.putIfAbsent(g.name(), new Found<>(g, where));
            if (before != null && !before.annotation().equals(g)) {
                throw new JpaMappingException(where, "@SequenceGenerator '" + g.name() + "' is declared differently by " + before.where());
            }
        }
        List<TableGenerator> tabs = new ArrayList<>();
        if (element.getAnnotation(TableGenerator.class) != null) tabs.add(element.getAnnotation(TableGenerator.class));
        if (element.getAnnotation(TableGenerators.class) != null) tabs.addAll(List.of(element.getAnnotation(TableGenerators.class).value()));
        for (TableGenerator g : tabs) {
            if (g.name().isEmpty()) continue;
            Found<TableGenerator> before = tables.putIfAbsent(g.name(), new Found<>(g, where));
            if (before != null && !before.annotation().equals(g)) {
                throw new JpaMappingException(where, "@TableGenerator '" + g.name() + "' is declared differently by " + before.where());
            }
        }
    }

    Found<SequenceGenerator> sequence(String name) {
        return sequences.get(name);
    }

    Found<TableGenerator> table(String name) {
        return tables.get(name);
    }
}
