package dev.retort.jpa;

import jakarta.persistence.AssociationOverride;
import jakarta.persistence.AssociationOverrides;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;

import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code @AttributeOverride(s)} and {@code @AssociationOverride(s)}, keyed by the path of the
 * attribute they replace, from the entity ({@code address.point.lat}). Outer overrides win over
 * inner ones, as the specification says.
 */
final class Overrides {
    private Overrides() {
    }

    /** The attribute overrides a class or attribute declares, their names prefixed. */
    static Map<String, Column> columns(AnnotatedElement element, String prefix) {
        Map<String, Column> out = new HashMap<>();
        List<AttributeOverride> list = new ArrayList<>();
        if (element.getAnnotation(AttributeOverride.class) != null) list.add(element.getAnnotation(AttributeOverride.class));
        if (element.getAnnotation(AttributeOverrides.class) != null) list.addAll(List.of(element.getAnnotation(AttributeOverrides.class).value()));
        for (AttributeOverride o : list) {
            String name = o.name().startsWith("value.") ? o.name().substring("value.".length()) : o.name();
            out.put(prefix + name, o.column());
        }
        return out;
    }

    /** The association overrides a class or attribute declares, their names prefixed. */
    static Map<String, AssociationOverride> associations(AnnotatedElement element, String prefix) {
        Map<String, AssociationOverride> out = new HashMap<>();
        List<AssociationOverride> list = new ArrayList<>();
        if (element.getAnnotation(AssociationOverride.class) != null) list.add(element.getAnnotation(AssociationOverride.class));
        if (element.getAnnotation(AssociationOverrides.class) != null) list.addAll(List.of(element.getAnnotation(AssociationOverrides.class).value()));
        for (AssociationOverride o : list) {
            if (o.joinTable().name().length() > 0 || o.joinTable().joinColumns().length > 0) {
                throw new JpaMappingException(String.valueOf(element), "@AssociationOverride(joinTable) is not supported");
            }
            out.put(prefix + o.name(), o);
        }
        return out;
    }

    /** {@code outer} with the element's own overrides added where outer says nothing. */
    static Map<String, Column> columns(Map<String, Column> outer, AnnotatedElement element, String prefix) {
        Map<String, Column> all = new HashMap<>(outer);
        columns(element, prefix).forEach(all::putIfAbsent);
        return all;
    }

    static Map<String, AssociationOverride> associations(Map<String, AssociationOverride> outer, AnnotatedElement element, String prefix) {
        Map<String, AssociationOverride> all = new HashMap<>(outer);
        associations(element, prefix).forEach(all::putIfAbsent);
        return all;
    }

    /** What {@code @Column} says of an attribute: the override at its path, else its own annotation. */
    static ColumnAnn column(Attribute a, String path, Map<String, Column> overrides) {
        Column override = overrides.get(path);
        ColumnAnn ann = ColumnAnn.of(override != null ? override : a.get(Column.class));
        if (!ann.table().isEmpty()) throw new JpaMappingException(a.where(), "@Column(table) (secondary tables) is not supported");
        return ann;
    }
}
