package dev.retort.jpa;

import jakarta.persistence.AccessType;
import jakarta.persistence.Entity;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.MappedSuperclass;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/** What one entity class contributes: its names, its place in a hierarchy, its attributes. */
final class EntityInfo {
    final Class<?> type;
    final String entityName;
    final EntityInfo parent;
    final EntityInfo root;
    final InheritanceType strategy;
    final AccessType access;
    /** The entity and the mapped superclasses whose attributes go into this entity's rows, topmost first. */
    final List<Class<?>> ownClasses;
    /** Every class of the hierarchy down to this one, topmost first, mapped superclasses included. */
    final List<Class<?>> allClasses;
    final List<Attribute> ownAttributes;
    final List<Attribute> allAttributes;
    boolean hasSubclasses;
    /** The table this entity's own attributes go to; null for an abstract TABLE_PER_CLASS entity. */
    TableAssembly table;
    /** The table name as written or implied, before the naming strategy: implicit names are made from it. */
    String tableLogical;
    /**
     * Columns of a SINGLE_TABLE subclass that its own rows require but its siblings' rows leave empty:
     * nullable in the table, and not null for this class's discriminator value by a check.
     */
    final List<String> requiredInOwnRows = new ArrayList<>();

    EntityInfo(Class<?> type, EntityInfo parent) {
        this.type = type;
        Entity entity = type.getAnnotation(Entity.class);
        this.entityName = entity.name().isEmpty() ? unqualifiedName(type) : entity.name();
        this.parent = parent;
        this.root = parent == null ? this : parent.root;
        Inheritance inheritance = root.type.getAnnotation(Inheritance.class);
        this.strategy = inheritance == null ? InheritanceType.SINGLE_TABLE : inheritance.strategy();
        this.ownClasses = new ArrayList<>();
        Class<?> stop = parent == null ? Object.class : parent.type;
        for (Class<?> c = type.getSuperclass(); c != null && c != stop; c = c.getSuperclass()) {
            if (c.isAnnotationPresent(MappedSuperclass.class)) ownClasses.add(0, c);
        }
        ownClasses.add(type);
        this.allClasses = new ArrayList<>(parent == null ? List.of() : parent.allClasses);
        allClasses.addAll(ownClasses);
        this.access = Attributes.accessOf(type, root == this ? allClasses : root.allClasses);
        this.ownAttributes = attributesOf(ownClasses);
        this.allAttributes = attributesOf(allClasses);
    }

    /**
     * The class name without its package, as Hibernate names an entity by default: {@code Outer$Inner}
     * for a nested class. Its tables and queries use that name, so the schema must too.
     */
    static String unqualifiedName(Class<?> type) {
        String name = type.getName();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(dot + 1);
    }

    private List<Attribute> attributesOf(List<Class<?>> classes) {
        List<Attribute> out = new ArrayList<>();
        for (Class<?> c : classes) out.addAll(Attributes.declared(c, type, access));
        return out;
    }

    boolean isRoot() {
        return parent == null;
    }

    boolean isAbstract() {
        return Modifier.isAbstract(type.getModifiers());
    }

    /** Owns a primary key of its own making: a root, or any concrete TABLE_PER_CLASS entity. */
    boolean definesId() {
        return isRoot() || strategy == InheritanceType.TABLE_PER_CLASS;
    }

    /** The attributes whose columns go into {@link #table}. */
    List<Attribute> tableAttributes() {
        return strategy == InheritanceType.TABLE_PER_CLASS ? allAttributes : ownAttributes;
    }

    /** A SINGLE_TABLE subclass: its columns must accept the rows of its siblings, so they are nullable. */
    boolean sharesRootTable() {
        return !isRoot() && strategy == InheritanceType.SINGLE_TABLE;
    }

    String where() {
        return type.getName();
    }
}
