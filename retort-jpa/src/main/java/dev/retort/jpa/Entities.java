package dev.retort.jpa;

import jakarta.persistence.AccessType;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.SecondaryTable;
import jakarta.persistence.SecondaryTables;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The entities of the model: those given, their entity superclasses, and every entity they refer to
 * (whose tables foreign keys point at), each with its place in its hierarchy.
 */
final class Entities {
    private final Map<Class<?>, EntityInfo> entities = new LinkedHashMap<>();

    /** Registers the entity classes given and then the entities they reach through relationships. */
    Entities(List<Class<?>> entityClasses) {
        entityClasses.forEach(this::register);
        if (entities.isEmpty()) throw new JpaMappingException("the model", "holds no @Entity class");
        includeTargets();
        for (EntityInfo e : entities.values()) {
            for (EntityInfo p = e.parent; p != null; p = p.parent) p.hasSubclasses = true;
        }
    }

    Collection<EntityInfo> all() {
        return entities.values();
    }

    /** The entity a relationship attribute refers to, or a message naming the attribute when it is not part of the model. */
    EntityInfo of(Class<?> type, Attribute from) {
        EntityInfo e = entities.get(type);
        if (e != null) return e;
        if (type.isAnnotationPresent(Entity.class)) {
            throw new JpaMappingException(from.where(), "refers to entity " + type.getName() + ", which is not part of this model; add it to the entities");
        }
        throw new JpaMappingException(from.where(), "refers to " + type.getName() + ", which is not an entity"
                + (type == Object.class ? " (declare the collection's element type or targetEntity)" : " (annotate it @Entity)"));
    }

    /** The entity a relationship attribute points at. */
    EntityInfo targetOf(Attribute relationship) {
        return of(relationship.relationTarget(), relationship);
    }

    private EntityInfo register(Class<?> c) {
        EntityInfo known = entities.get(c);
        if (known != null) return known;
        EntityInfo parent = null;
        for (Class<?> s = c.getSuperclass(); s != null && s != Object.class; s = s.getSuperclass()) {
            if (s.isAnnotationPresent(Entity.class)) {
                parent = register(s);
                break;
            }
        }
        if (c.isAnnotationPresent(SecondaryTable.class) || c.isAnnotationPresent(SecondaryTables.class)) {
            throw new JpaMappingException(c.getName(), "@SecondaryTable is not supported");
        }
        EntityInfo info = new EntityInfo(c, parent);
        entities.put(c, info);
        return info;
    }

    private void includeTargets() {
        List<EntityInfo> todo = new ArrayList<>(entities.values());
        for (int i = 0; i < todo.size(); i++) {
            List<Class<?>> targets = new ArrayList<>();
            collectTargets(todo.get(i).allAttributes, todo.get(i).access, targets, new HashSet<>());
            for (Class<?> target : targets) {
                if (target.isAnnotationPresent(Entity.class) && !entities.containsKey(target)) {
                    int before = entities.size();
                    register(target);
                    List<EntityInfo> all = new ArrayList<>(entities.values());
                    todo.addAll(all.subList(before, all.size()));
                }
            }
        }
    }

    /** Relationship targets of attributes, looking into embeddables (and embeddable collection elements). */
    private static void collectTargets(List<Attribute> attrs, AccessType access, List<Class<?>> out, Set<Class<?>> seen) {
        for (Attribute a : attrs) {
            Class<?> target = a.relationTarget();
            if (target != null) {
                out.add(target);
                continue;
            }
            Class<?> embeddable = a.has(ElementCollection.class) ? a.elementType() : a.type();
            if (embeddable.isAnnotationPresent(Embeddable.class) && seen.add(embeddable)) {
                collectTargets(Attributes.ofEmbeddable(embeddable, access), access, out, seen);
            }
        }
    }
}
