package dev.retort.jpa;

import dev.retort.Column;
import dev.retort.SqlType;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Id;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.PrimaryKeyJoinColumns;

import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The primary key of each entity: its own identifier ({@code @Id}, {@code @IdClass},
 * {@code @EmbeddedId}, generation applied), one borrowed from a relationship ({@code @MapsId}, an
 * {@code @Id} to-one), or its parent's in a JOINED hierarchy. Keys are worked out on demand, since a
 * derived key needs its target's first.
 */
final class Keys {
    /** A column of an entity's own key; {@code fk} when it comes from a relationship. */
    private record IdPart(MappedColumn column, String origin, Derived fk) {
    }

    /** The foreign key behind derived key columns. */
    private record Derived(EntityInfo target, List<String> referred, jakarta.persistence.ForeignKey annotation) {
    }

    private final Names names;
    private final Entities entities;
    private final BasicColumns basics;
    private final JoinColumns joinColumns;
    private final IdGeneration generation;
    private final Map<EntityInfo, List<IdPart>> idParts = new IdentityHashMap<>();
    private final Map<EntityInfo, List<KeyColumn>> keys = new IdentityHashMap<>();
    private final Set<EntityInfo> resolving = new HashSet<>();

    Keys(Names names, Entities entities, BasicColumns basics, JoinColumns joinColumns, IdGeneration generation) {
        this.names = names;
        this.entities = entities;
        this.basics = basics;
        this.joinColumns = joinColumns;
        this.generation = generation;
    }

    /** The key columns of an entity's table: what foreign keys to the entity refer to by default. */
    List<KeyColumn> of(EntityInfo e) {
        List<KeyColumn> known = keys.get(e);
        if (known != null) return known;
        if (!resolving.add(e)) throw new JpaMappingException(e.where(), "its identifier depends on itself through @Id or @MapsId relationships");
        try {
            List<KeyColumn> out = new ArrayList<>();
            if (e.definesId()) {
                for (IdPart p : idParts(e)) out.add(new KeyColumn(p.column().logical(), p.column().column().name(), p.column().referenceType()));
            } else if (e.sharesRootTable()) {
                out.addAll(of(e.root));
            } else {
                out.addAll(inheritedKey(e));
            }
            keys.put(e, List.copyOf(out));
            return keys.get(e);
        } finally {
            resolving.remove(e);
        }
    }

    static List<String> names(List<KeyColumn> key) {
        return key.stream().map(KeyColumn::name).toList();
    }

    /**
     * Puts the entity's key columns and primary key in its table, with the foreign keys of derived
     * keys, or, for a JOINED subclass, the parent's key columns and the foreign key to the parent.
     */
    void placeIn(EntityInfo e) {
        if (e.definesId()) {
            List<IdPart> parts = idParts(e);
            List<String> pk = new ArrayList<>();
            for (IdPart p : parts) {
                p.column().placeIn(e.table, p.origin(), e.type, false);
                pk.add(p.column().column().name());
            }
            e.table.setPrimaryKey(pk, e.where());
            Set<Derived> seen = new HashSet<>();
            for (IdPart p : parts) {
                if (p.fk() == null || !seen.add(p.fk())) continue;
                List<String> cols = parts.stream().filter(q -> q.fk() == p.fk()).map(q -> q.column().column().name()).toList();
                ForeignKeys.add(e.table, cols, ForeignKeys.target(p.fk().target()), p.fk().referred(), p.fk().annotation());
            }
        } else if (e.strategy == InheritanceType.JOINED) {
            List<KeyColumn> own = of(e);
            for (KeyColumn k : own) e.table.addColumn(Column.of(k.name(), k.type()).withNullable(false), k.logical(), e.where(), e.type, false);
            e.table.setPrimaryKey(names(own), e.where());
            PrimaryKeyJoinColumn[] renames = primaryKeyJoinColumns(e.type);
            ForeignKeys.add(e.table, names(own), e.parent.table, names(of(e.parent)), renames.length == 0 ? null : renames[0].foreignKey());
        }
    }

    /** A JOINED subclass's key: the parent's columns, renamed by {@code @PrimaryKeyJoinColumn}. */
    private List<KeyColumn> inheritedKey(EntityInfo e) {
        List<KeyColumn> parentKey = of(e.parent);
        PrimaryKeyJoinColumn[] renames = primaryKeyJoinColumns(e.type);
        if (renames.length > 0 && renames.length != parentKey.size()) {
            throw new JpaMappingException(e.where(), "has " + renames.length + " @PrimaryKeyJoinColumn but its parent's key has "
                    + parentKey.size() + " columns");
        }
        List<KeyColumn> out = new ArrayList<>();
        for (int i = 0; i < parentKey.size(); i++) {
            KeyColumn k = parentKey.get(i);
            PrimaryKeyJoinColumn r = renames.length == 0 ? null : matching(renames, k, i);
            String logical = r == null || r.name().isEmpty() ? k.logical() : r.name();
            SqlType type = r == null || r.columnDefinition().isEmpty() ? k.type() : ColumnDefinitions.type(r.columnDefinition());
            out.add(new KeyColumn(Names.text(logical), r == null || r.name().isEmpty() ? k.name() : names.physical(r.name()), type));
        }
        return out;
    }

    private PrimaryKeyJoinColumn matching(PrimaryKeyJoinColumn[] renames, KeyColumn k, int position) {
        for (PrimaryKeyJoinColumn r : renames) {
            if (!r.referencedColumnName().isEmpty() && names.physical(r.referencedColumnName()).equals(k.name())) return r;
        }
        return renames[position];
    }

    static PrimaryKeyJoinColumn[] primaryKeyJoinColumns(AnnotatedElement element) {
        PrimaryKeyJoinColumns many = element.getAnnotation(PrimaryKeyJoinColumns.class);
        if (many != null) return many.value();
        PrimaryKeyJoinColumn one = element.getAnnotation(PrimaryKeyJoinColumn.class);
        return one == null ? new PrimaryKeyJoinColumn[0] : new PrimaryKeyJoinColumn[] {one};
    }

    /** The columns of an entity's own identifier, in key order, generation applied. */
    private List<IdPart> idParts(EntityInfo e) {
        List<IdPart> known = idParts.get(e);
        if (known != null) return known;
        List<Attribute> attrs = e.allAttributes;
        List<Attribute> embeddedIds = attrs.stream().filter(a -> a.has(EmbeddedId.class)).toList();
        List<Attribute> ids = attrs.stream().filter(a -> a.has(Id.class)).toList();
        if (embeddedIds.isEmpty() && ids.isEmpty()) throw new JpaMappingException(e.where(), "has no @Id or @EmbeddedId attribute");
        if (embeddedIds.size() > 1 || !embeddedIds.isEmpty() && !ids.isEmpty()) {
            throw new JpaMappingException(e.where(), "declares its identifier twice: use one @EmbeddedId, or @Id attributes");
        }
        Map<String, Attribute> mapsId = new HashMap<>();
        for (Attribute a : attrs) {
            MapsId m = a.get(MapsId.class);
            if (m != null) mapsId.put(m.value(), a);
        }
        List<IdPart> parts = embeddedIds.isEmpty() ? idAttributes(e, ids, mapsId) : embeddedId(e, embeddedIds.get(0), mapsId);
        idParts.put(e, List.copyOf(parts));
        return idParts.get(e);
    }

    private List<IdPart> embeddedId(EntityInfo e, Attribute holder, Map<String, Attribute> mapsId) {
        var overrides = Overrides.columns(Overrides.columns(e.type, ""), holder.element(), holder.name() + ".");
        List<IdPart> parts = new ArrayList<>();
        Validation.Scope scope = basics.inside(holder, Validation.Scope.ENTITY);
        for (Attribute x : Attributes.ofEmbeddable(holder.type(), e.access)) {
            Attribute borrowed = mapsId.get(x.name());
            if (borrowed != null) {
                parts.addAll(derived(borrowed));
            } else if (x.has(ManyToOne.class) || x.has(OneToOne.class)) {
                throw new JpaMappingException(x.where(), "a relationship inside an @EmbeddedId is not supported; use @MapsId");
            } else if (x.has(Embedded.class) || x.type().isAnnotationPresent(Embeddable.class)) {
                throw new JpaMappingException(x.where(), "an embeddable nested in an @EmbeddedId is not supported");
            } else {
                ColumnAnn ann = Overrides.column(x, holder.name() + "." + x.name(), overrides);
                parts.add(new IdPart(basics.id(x, ann, scope), x.where(), null));
            }
        }
        return parts;
    }

    private List<IdPart> idAttributes(EntityInfo e, List<Attribute> ids, Map<String, Attribute> mapsId) {
        var overrides = Overrides.columns(e.type, "");
        List<IdPart> parts = new ArrayList<>();
        for (Attribute id : ids) {
            if (id.has(ManyToOne.class) || id.has(OneToOne.class)) {
                parts.addAll(derived(id));
            } else if (mapsId.containsKey("") && ids.size() == 1) {
                parts.addAll(derived(mapsId.get("")));
            } else {
                ColumnAnn ann = Overrides.column(id, id.name(), overrides);
                MappedColumn b = basics.id(id, ann, Validation.Scope.ENTITY);
                parts.add(new IdPart(b.withColumn(generation.apply(e, id, b.column())), id.where(), null));
            }
        }
        return parts;
    }

    /** Key columns that are also a foreign key: a to-one marked {@code @Id} or {@code @MapsId}. */
    private List<IdPart> derived(Attribute relation) {
        if (!relation.has(ManyToOne.class) && !relation.has(OneToOne.class)) {
            throw new JpaMappingException(relation.where(), "@MapsId belongs on a @ManyToOne or @OneToOne");
        }
        EntityInfo target = entities.targetOf(relation);
        List<JoinColumns.Ref> refs = joinColumns.resolve(relation.where(), JoinColumns.annotationsOf(relation), target, of(target), relation.name());
        Derived fk = new Derived(target, JoinColumns.referred(refs), JoinColumns.foreignKeyOf(relation));
        List<IdPart> out = new ArrayList<>();
        for (JoinColumns.Ref r : refs) {
            Column c = Column.of(r.name(), r.type()).withNullable(false);
            out.add(new IdPart(new MappedColumn(c, r.logical(), r.ann(), null), relation.where(), fk));
        }
        return out;
    }
}
