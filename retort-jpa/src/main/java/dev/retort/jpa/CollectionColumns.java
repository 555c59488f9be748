package dev.retort.jpa;

import dev.retort.Column;
import dev.retort.SqlType;
import dev.retort.Types;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.MapKey;
import jakarta.persistence.MapKeyClass;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.MapKeyJoinColumn;
import jakarta.persistence.MapKeyTemporal;
import jakarta.persistence.OrderColumn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a collection adds to its join or collection table beside the owner's and the elements'
 * columns: an order column for {@code @OrderColumn}, a key column for a map, and the primary key
 * these allow.
 */
final class CollectionColumns {
    private final Names names;
    private final BasicColumns basics;

    CollectionColumns(Names names, BasicColumns basics) {
        this.names = names;
        this.basics = basics;
    }

    /**
     * Adds the order or map key column and the key the collection allows, as Hibernate does: the
     * owner's columns and the order column for an ordered list; the owner's columns and the key for a
     * map (unless the key is an attribute of the target, {@code @MapKey}); for a set, the owner's and
     * the elements' columns, a primary key when they are all not null and else a unique constraint;
     * nothing for a bag. In a one-to-many join table a target row belongs to one owner: its columns are
     * unique, and they alone are a set's primary key.
     */
    void addKey(TableAssembly t, Attribute a, Class<?> entity, List<String> ownerCols, List<String> elementCols,
                boolean mapKeyFromTarget, boolean oneToMany) {
        List<String> pk = new ArrayList<>(ownerCols);
        boolean set = false;
        if (a.has(OrderColumn.class)) {
            pk.add(orderColumn(t, a, entity));
            t.setPrimaryKey(pk, a.where());
        } else if (Map.class.isAssignableFrom(a.type()) && !mapKeyFromTarget) {
            pk.add(mapKeyColumn(t, a, entity));
            t.setPrimaryKey(pk, a.where());
        } else if (Set.class.isAssignableFrom(a.type())) {
            set = true;
            pk.addAll(elementCols);
            if (oneToMany) t.setPrimaryKey(elementCols, a.where());
            else if (elementCols.stream().noneMatch(c -> t.slot(c).column().nullable())) t.setPrimaryKey(pk, a.where());
            else t.addUnique(null, pk, a.where());
        }
        if (oneToMany && !set) t.addUnique(null, elementCols, a.where());
    }
    /** A map whose key is an attribute of the target entity has no key column of its own. */
    static boolean keyFromTarget(Attribute a) {
        return a.has(MapKey.class);
    }

    private String orderColumn(TableAssembly t, Attribute a, Class<?> entity) {
        ColumnAnn ann = ColumnAnn.of(a.get(OrderColumn.class));
        String logical = ann.name().isEmpty() ? a.name() + "_ORDER" : ann.name();
        SqlType type = ann.columnDefinition().isEmpty() ? Types.INTEGER : ColumnDefinitions.type(ann.columnDefinition());
        String name = names.physical(logical);
        t.addColumn(Column.of(name, type).withNullable(false), Names.text(logical), a.where(), entity, false);
        // Hibernate's check: positions start at 0
        t.addCheck(null, name, TableAssembly.quoteForExpression(name) + " >= 0");
        return name;
    }

    private String mapKeyColumn(TableAssembly t, Attribute a, Class<?> entity) {
        if (a.has(MapKeyJoinColumn.class)) throw new JpaMappingException(a.where(), "maps keyed by an entity (@MapKeyJoinColumn) are not supported");
        MapKeyClass keyClass = a.get(MapKeyClass.class);
        Class<?> key = keyClass != null ? keyClass.value() : a.typeArgs().isEmpty() ? Object.class : a.typeArgs().get(0);
        if (key.isAnnotationPresent(Entity.class) || key.isAnnotationPresent(Embeddable.class) || key == Object.class) {
            throw new JpaMappingException(a.where(), "map keys of type " + key.getName() + " are not supported; use a basic key type");
        }
        MapKeyEnumerated en = a.get(MapKeyEnumerated.class);
        MapKeyTemporal tm = a.get(MapKeyTemporal.class);
        ColumnAnn ann = ColumnAnn.of(a.get(MapKeyColumn.class));
        BasicColumns.Hints hints = new BasicColumns.Hints(en == null ? null : en.value(), tm == null ? null : tm.value(), false, null);
        MappedColumn b = basics.column(key, ann, a.name() + "_KEY", hints, true, false, a.where());
        b.placeIn(t, a.where(), entity, false);
        return b.column().name();
    }
}
