package dev.retort.jpa;

import jakarta.persistence.AssociationOverride;
import jakarta.persistence.ConstraintMode;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.PrimaryKeyJoinColumn;

import java.util.List;

/**
 * The second pass over relationships: join columns and foreign keys of to-one relationships, and
 * the join tables (or target-side join columns) of owning to-many ones. The {@code mappedBy} side
 * adds nothing.
 */
final class Relationships {
    private final Names names;
    private final Entities entities;
    private final Tables tables;
    private final Keys keys;
    private final JoinColumns joinColumns;
    private final CollectionColumns collectionColumns;

    Relationships(Names names, Entities entities, Tables tables, Keys keys, JoinColumns joinColumns, CollectionColumns collectionColumns) {
        this.names = names;
        this.entities = entities;
        this.tables = tables;
        this.keys = keys;
        this.joinColumns = joinColumns;
        this.collectionColumns = collectionColumns;
    }

    void map(RelationSite s) {
        Attribute a = s.attribute();
        if (a.has(ManyToOne.class) || a.has(OneToOne.class)) toOne(s);
        else if (a.has(OneToMany.class)) oneToMany(s);
        else manyToMany(s);
    }

    private List<JoinColumns.Ref> refs(Attribute a, JoinColumn[] anns, EntityInfo target, String prefix) {
        return joinColumns.resolve(a.where(), anns, target, keys.of(target), prefix);
    }

    private void toOne(RelationSite s) {
        Attribute a = s.attribute();
        OneToOne o2o = a.get(OneToOne.class);
        ManyToOne m2o = a.get(ManyToOne.class);
        EntityInfo target = entities.targetOf(a);
        if (o2o != null && !o2o.mappedBy().isEmpty()) {
            requireMappedBy(target, o2o.mappedBy(), a);
            return;
        }
        if (a.has(MapsId.class)) return;
        if (a.has(JoinTable.class)) throw new JpaMappingException(a.where(), "a to-one relationship through a @JoinTable is not supported");
        PrimaryKeyJoinColumn[] shared = Keys.primaryKeyJoinColumns(a.element());
        if (o2o != null && shared.length > 0) {
            // The two entities share their key. Hibernate declares no foreign key for it (and orders its
            // inserts without one), so neither does Retort.
            return;
        }
        boolean declaredOptional = m2o != null ? m2o.optional() : o2o.optional();
        // Bean Validation's @NotNull counts in the table, not in a SINGLE_TABLE subclass's own rows (see requiredInOwnRows)
        boolean optional = declaredOptional && !s.validatedNotNull();
        AssociationOverride o = s.override();
        JoinColumn[] anns = o != null && o.joinColumns().length > 0 ? o.joinColumns() : JoinColumns.annotationsOf(a);
        jakarta.persistence.ForeignKey fk = o != null && (!o.foreignKey().name().isEmpty()
                || o.foreignKey().value() != ConstraintMode.PROVIDER_DEFAULT) ? o.foreignKey() : JoinColumns.foreignKeyOf(a);
        List<JoinColumns.Ref> refs = refs(a, anns, target, a.name());
        List<String> cols = JoinColumns.place(s.table(), refs, optional, s.forceNullable(), a, s.entity().type);
        if (s.forceNullable()) {
            for (JoinColumns.Ref r : refs) {
                if (!declaredOptional || !r.ann().nullable()) s.entity().requiredInOwnRows.add(r.name());
            }
        }
        if (o2o != null) s.table().addUnique(null, cols, a.where());
        ForeignKeys.add(s.table(), cols, ForeignKeys.target(target), JoinColumns.referred(refs), fk, HibernateAnnotations.onDelete(a));
    }

    private void oneToMany(RelationSite s) {
        Attribute a = s.attribute();
        OneToMany o2m = a.get(OneToMany.class);
        EntityInfo target = entities.targetOf(a);
        if (!o2m.mappedBy().isEmpty()) {
            requireMappedBy(target, o2m.mappedBy(), a);
            return;
        }
        JoinColumn[] anns = JoinColumns.annotationsOf(a);
        if (anns.length > 0 && !a.has(JoinTable.class)) {
            // unidirectional, with the foreign key in the target's table
            if (target.table == null) throw new JpaMappingException(a.where(), "target " + target.where() + " has no table of its own");
            List<JoinColumns.Ref> refs = refs(a, anns, s.entity(), a.name());
            List<String> cols = JoinColumns.place(target.table, refs, true, target.sharesRootTable(), a, s.entity().type);
            ForeignKeys.add(target.table, cols, s.table(), JoinColumns.referred(refs), JoinColumns.foreignKeyOf(a), HibernateAnnotations.onDelete(a));
            return;
        }
        joinTable(s, target, true);
    }

    private void manyToMany(RelationSite s) {
        Attribute a = s.attribute();
        ManyToMany m2m = a.get(ManyToMany.class);
        EntityInfo target = entities.targetOf(a);
        if (!m2m.mappedBy().isEmpty()) {
            requireMappedBy(target, m2m.mappedBy(), a);
            return;
        }
        joinTable(s, target, false);
    }

    private static void requireMappedBy(EntityInfo target, String mappedBy, Attribute a) {
        String first = mappedBy.contains(".") ? mappedBy.substring(0, mappedBy.indexOf('.')) : mappedBy;
        for (Attribute x : target.allAttributes) {
            if (x.name().equals(first)) return;
        }
        throw new JpaMappingException(a.where(), "mappedBy = \"" + mappedBy + "\" names no attribute of " + target.where());
    }

    /**
     * The join table of an owning to-many: the owner's join columns, then the target's, all not null,
     * a foreign key to each side, and the key the collection allows ({@link CollectionColumns#addKey}).
     */
    private void joinTable(RelationSite s, EntityInfo target, boolean oneToMany) {
        Attribute a = s.attribute();
        JoinTable jt = a.get(JoinTable.class);
        String name = jt != null && !jt.name().isEmpty() ? names.physical(jt.name())
                : names.joinTable(s.entity().tableLogical, target.tableLogical, a.name());
        String schema = jt != null && !jt.schema().isEmpty() ? names.physical(jt.schema()) : null;
        TableAssembly t = tables.newTable(schema, name, a.where());
        String inverse = oneToMany ? null : inverseAttribute(target, s.entity(), a);
        List<JoinColumns.Ref> ownerRefs = refs(a, jt == null ? new JoinColumn[0] : jt.joinColumns(), s.entity(),
                inverse != null ? inverse : s.entity().entityName);
        List<JoinColumns.Ref> targetRefs = refs(a, jt == null ? new JoinColumn[0] : jt.inverseJoinColumns(), target, a.name());
        List<String> ownerCols = JoinColumns.place(t, ownerRefs, false, false, a, s.entity().type);
        List<String> targetCols = JoinColumns.place(t, targetRefs, false, false, a, s.entity().type);
        collectionColumns.addKey(t, a, s.entity().type, ownerCols, targetCols, CollectionColumns.keyFromTarget(a), oneToMany);
        ForeignKeys.add(t, ownerCols, s.table(), JoinColumns.referred(ownerRefs), jt == null ? null : jt.foreignKey());
        ForeignKeys.add(t, targetCols, ForeignKeys.target(target), JoinColumns.referred(targetRefs), jt == null ? null : jt.inverseForeignKey());
        if (jt != null) {
            t.comment(jt.comment(), a.where());
            TableAnnotations.apply(t, jt.uniqueConstraints(), jt.indexes(), jt.check(), a.where());
        }
    }

    /** The attribute of the other side that says {@code mappedBy} this one, if the relationship is bidirectional. */
    private static String inverseAttribute(EntityInfo target, EntityInfo owner, Attribute a) {
        for (Attribute x : target.allAttributes) {
            ManyToMany m = x.get(ManyToMany.class);
            if (m != null && m.mappedBy().equals(a.name()) && x.relationTarget().isAssignableFrom(owner.type)) return x.name();
        }
        return null;
    }
}
