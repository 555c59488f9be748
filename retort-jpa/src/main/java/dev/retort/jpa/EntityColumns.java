package dev.retort.jpa;

import jakarta.persistence.AssociationOverride;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Version;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The first pass over an entity: its key, its discriminator, and the columns of its basic and
 * embedded attributes, in declaration order. Relationships and element collections are only noted
 * ({@link RelationSite}), to be mapped when every key is known.
 */
final class EntityColumns {
    private final Names names;
    private final Keys keys;
    private final BasicColumns basics;
    private final List<RelationSite> sites = new ArrayList<>();

    EntityColumns(Names names, Keys keys, BasicColumns basics) {
        this.names = names;
        this.keys = keys;
        this.basics = basics;
    }

    /** The relationships and element collections met so far, in the order met. */
    List<RelationSite> sites() {
        return sites;
    }

    void read(EntityInfo e) {
        if (e.table == null) return;
        keys.placeIn(e);
        if (e.isRoot()) Discriminator.addTo(e, names);
        Map<String, Column> overrides = Overrides.columns(e.type, "");
        Map<String, AssociationOverride> associations = Overrides.associations(e.type, "");
        for (Attribute a : e.tableAttributes()) {
            attribute(e, e.table, a, overrides, associations, e.sharesRootTable());
        }
    }

    private void attribute(EntityInfo e, TableAssembly t, Attribute a, Map<String, Column> overrides,
                           Map<String, AssociationOverride> associations, boolean forceNullable) {
        if (a.has(Id.class) || a.has(EmbeddedId.class)) return;
        if (a.isRelationship() || a.has(ElementCollection.class)) {
            sites.add(new RelationSite(e, t, a, forceNullable, associations.get(a.name()),
                    a.isRelationship() && basics.requiredByValidation(a, Validation.Scope.ENTITY)));
            return;
        }
        if (a.has(Embedded.class) || a.type().isAnnotationPresent(Embeddable.class)) {
            embedded(e, t, a.type(), a, a.name(), overrides, associations, forceNullable, basics.inside(a, Validation.Scope.ENTITY));
            return;
        }
        if (Collection.class.isAssignableFrom(a.type()) || Map.class.isAssignableFrom(a.type())) {
            throw new JpaMappingException(a.where(), "a collection needs @ElementCollection, @OneToMany or @ManyToMany (or @Transient)");
        }
        if (a.type().isAnnotationPresent(Entity.class)) {
            throw new JpaMappingException(a.where(), "a reference to entity " + a.type().getSimpleName() + " needs @ManyToOne or @OneToOne");
        }
        basic(e, t, a, Overrides.column(a, a.name(), overrides), forceNullable, false, Validation.Scope.ENTITY);
    }

    private void basic(EntityInfo e, TableAssembly t, Attribute a, ColumnAnn ann, boolean forceNullable, boolean inEmbeddable,
                       Validation.Scope scope) {
        MappedColumn column = basics.attribute(a, ann, a.has(Version.class), forceNullable, inEmbeddable, scope);
        column.placeIn(t, a.where(), e.type, ann.readOnly());
        if (forceNullable && BasicColumns.requiredInOwnRows(a, ann, inEmbeddable)) e.requiredInOwnRows.add(column.column().name());
    }

    /**
     * The columns of an embeddable, nested ones included, in the owner's table (or a collection
     * table); to-one relationships inside it are noted like the entity's own.
     *
     * @param path  the attribute's path from the entity, which overrides are keyed by
     * @param scope how far Bean Validation reaches the embeddable's attributes
     */
    void embedded(EntityInfo e, TableAssembly t, Class<?> embeddable, Attribute holder, String path,
                  Map<String, Column> outer, Map<String, AssociationOverride> outerAssociations, boolean forceNullable,
                  Validation.Scope scope) {
        Map<String, Column> overrides = Overrides.columns(outer, holder.element(), path + ".");
        Map<String, AssociationOverride> associations = Overrides.associations(outerAssociations, holder.element(), path + ".");
        for (Attribute x : Attributes.ofEmbeddable(embeddable, e.access)) {
            String p = path + "." + x.name();
            if (x.has(ManyToOne.class) || x.has(OneToOne.class)) {
                sites.add(new RelationSite(e, t, x, forceNullable, associations.get(p), basics.requiredByValidation(x, scope)));
            } else if (x.has(OneToMany.class) || x.has(ManyToMany.class) || x.has(ElementCollection.class)) {
                throw new JpaMappingException(x.where(), "collections inside an embeddable are not supported");
            } else if (x.has(Embedded.class) || x.type().isAnnotationPresent(Embeddable.class)) {
                embedded(e, t, x.type(), x, p, overrides, associations, forceNullable, basics.inside(x, scope));
            } else {
                basic(e, t, x, Overrides.column(x, p, overrides), forceNullable, true, scope);
            }
        }
    }
}
