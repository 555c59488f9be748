package dev.retort.jpa;

import jakarta.persistence.CheckConstraint;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code @ElementCollection}: a collection table holding the owner's key columns (a foreign key to
 * the owner), then the element, a basic column or an embeddable's columns.
 */
final class ElementCollections {
    private final Names names;
    private final Tables tables;
    private final Keys keys;
    private final JoinColumns joinColumns;
    private final BasicColumns basics;
    private final EntityColumns entityColumns;
    private final CollectionColumns collectionColumns;

    ElementCollections(Names names, Tables tables, Keys keys, JoinColumns joinColumns, BasicColumns basics,
                       EntityColumns entityColumns, CollectionColumns collectionColumns) {
        this.names = names;
        this.tables = tables;
        this.keys = keys;
        this.joinColumns = joinColumns;
        this.basics = basics;
        this.entityColumns = entityColumns;
        this.collectionColumns = collectionColumns;
    }

    void map(RelationSite s) {
        Attribute a = s.attribute();
        ElementCollection ec = a.get(ElementCollection.class);
        CollectionTable ct = a.get(CollectionTable.class);
        Class<?> element = ec.targetClass() != void.class ? ec.targetClass() : a.elementType();
        if (element == Object.class) throw new JpaMappingException(a.where(), "cannot tell the element type; declare it or give targetClass");
        if (element.isAnnotationPresent(Entity.class)) {
            throw new JpaMappingException(a.where(), "an @ElementCollection of entities is not allowed; use @OneToMany or @ManyToMany");
        }
        EntityInfo owner = s.entity();
        String name = ct != null && !ct.name().isEmpty() ? names.physical(ct.name()) : names.physical(owner.entityName + "_" + a.name());
        String schema = ct != null && !ct.schema().isEmpty() ? names.physical(ct.schema()) : null;
        TableAssembly t = tables.newTable(schema, name, a.where());
        List<JoinColumns.Ref> ownerRefs = joinColumns.resolve(a.where(), ct == null ? new JoinColumn[0] : ct.joinColumns(), owner,
                keys.of(owner), owner.entityName);
        List<String> ownerCols = JoinColumns.place(t, ownerRefs, false, false, a, owner.type);
        List<String> elementCols = new ArrayList<>();
        if (element.isAnnotationPresent(Embeddable.class)) {
            Set<String> known = new HashSet<>(ownerCols);
            // Bean Validation does not reach into a collection's elements: Hibernate applies it to properties only
            entityColumns.embedded(owner, t, element, a, a.name(), Map.of(), Map.of(), false, Validation.Scope.NONE);
            for (String c : t.columnNames()) {
                if (!known.contains(c)) elementCols.add(c);
            }
        } else {
            ColumnAnn ann = Overrides.column(a, a.name(), Map.of());
            MappedColumn b = basics.column(element, ann, a.name(), BasicColumns.Hints.of(a), BasicColumns.requiredByAnnotation(a), false, a.where());
            b.placeIn(t, a.where(), owner.type, false);
            elementCols.add(b.column().name());
        }
        collectionColumns.addKey(t, a, owner.type, ownerCols, elementCols, false, false);
        ForeignKeys.add(t, ownerCols, s.table(), JoinColumns.referred(ownerRefs), ct == null ? null : ct.foreignKey());
        if (ct != null) TableAnnotations.apply(t, ct.uniqueConstraints(), ct.indexes(), new CheckConstraint[0], a.where());
    }
}
