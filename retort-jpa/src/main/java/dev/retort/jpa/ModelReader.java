package dev.retort.jpa;

import dev.retort.Column;
import dev.retort.ForeignKey;
import dev.retort.Identity;
import dev.retort.MetaData;
import dev.retort.NamingConvention;
import dev.retort.Sequence;
import dev.retort.SqlType;
import dev.retort.Types;
import jakarta.persistence.AccessType;
import jakarta.persistence.AssociationOverride;
import jakarta.persistence.AssociationOverrides;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Basic;
import jakarta.persistence.CheckConstraint;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ConstraintMode;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinColumns;
import jakarta.persistence.JoinTable;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKey;
import jakarta.persistence.MapKeyClass;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.MapKeyJoinColumn;
import jakarta.persistence.MapKeyTemporal;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.PrimaryKeyJoinColumns;
import jakarta.persistence.SecondaryTable;
import jakarta.persistence.SecondaryTables;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.Temporal;
import jakarta.persistence.TemporalType;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;

import java.lang.reflect.AnnotatedElement;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads entity classes into tables. Two passes: the first gives every entity its table, key and
 * plain columns; the second adds what refers to other entities (foreign-key columns, join tables,
 * collection tables), which needs every key and column in place.
 */
final class ModelReader {
    private static final String NOT_NULL = "jakarta.validation.constraints.NotNull";
    /** Hibernate's own annotations that shape DDL, read by name: Retort does not depend on Hibernate. */
    private static final String COLUMN_DEFAULT = "org.hibernate.annotations.ColumnDefault";
    private static final String ON_DELETE_ANNOTATION = "org.hibernate.annotations.OnDelete";
    private static final Pattern ON_DELETE = Pattern.compile("(?i)on\\s+delete\\s+(cascade|restrict|set\\s+null|set\\s+default|no\\s+action)");
    private static final Pattern ON_UPDATE = Pattern.compile("(?i)on\\s+update\\s+(cascade|restrict|set\\s+null|set\\s+default|no\\s+action)");

    /** A key column of an entity, as foreign keys to it see it. */
    record KeyColumn(String logical, String name, SqlType type) {
    }

    /** A column made from a basic attribute, with what else its annotation asks for. */
    private record Built(Column column, String logical, ColumnAnn ann, JavaTypes.EnumCheck check) {
    }

    /** How a basic value is typed: annotations of the attribute that carries it. */
    private record Hints(EnumType enumerated, TemporalType temporal, boolean lob, Convert convert) {
        static final Hints NONE = new Hints(null, null, false, null);
    }

    /** An attribute whose mapping must wait for the second pass. */
    private record Site(EntityInfo entity, TableAssembly table, Attribute attribute, boolean forceNullable,
                        AssociationOverride override) {
    }

    /** A referencing column being made for a join column, and the column it refers to. */
    private record Ref(ColumnAnn ann, String logical, String name, SqlType type, String referred) {
    }

    /** Columns of an entity's key, some perhaps borrowed from a relationship ({@code @MapsId}, an {@code @Id} to-one). */
    private record IdPart(Built built, String origin, FkGroup fk) {
    }

    private record FkGroup(EntityInfo target, List<String> referred, jakarta.persistence.ForeignKey annotation) {
    }

    private final Names names;
    private final NamingConvention convention;
    private final boolean enumChecks;
    private final Map<Class<?>, Class<?>> autoConverters = new HashMap<>();
    private final Generators generators = new Generators();
    private final Map<Class<?>, EntityInfo> entities = new LinkedHashMap<>();
    private final Map<String, TableAssembly> tables = new LinkedHashMap<>();
    private final Map<String, Sequence> sequences = new LinkedHashMap<>();
    private final Map<String, String> sequenceOrigins = new HashMap<>();
    private final Map<EntityInfo, List<IdPart>> idParts = new IdentityHashMap<>();
    private final Map<EntityInfo, List<KeyColumn>> keys = new IdentityHashMap<>();
    private final Set<EntityInfo> resolving = new HashSet<>();
    private final Set<String> generatorTables = new HashSet<>();
    private final List<Site> sites = new ArrayList<>();

    ModelReader(Names names, NamingConvention convention, boolean enumChecks) {
        this.names = names;
        this.convention = convention;
        this.enumChecks = enumChecks;
    }

    MetaData read(List<Class<?>> classes) {
        for (Class<?> c : classes) {
            Converter converter = c.getAnnotation(Converter.class);
            if (converter != null && converter.autoApply()) {
                Class<?> x = JavaTypes.converterTypes(c, c.getName())[0];
                Class<?> before = autoConverters.putIfAbsent(x, c);
                if (before != null && before != c) {
                    throw new JpaMappingException(c.getName(), "auto-applies to " + x.getName() + ", as " + before.getName() + " does");
                }
            }
            if (c.isAnnotationPresent(Entity.class)) register(c);
        }
        if (entities.isEmpty()) throw new JpaMappingException("the model", "holds no @Entity class");
        includeTargets();
        for (EntityInfo e : entities.values()) {
            for (EntityInfo p = e.parent; p != null; p = p.parent) p.hasSubclasses = true;
            e.allClasses.forEach(generators::collect);
        }
        entities.values().forEach(this::assignTable);
        entities.values().forEach(this::firstPass);
        for (int i = 0; i < sites.size(); i++) secondPass(sites.get(i));

        MetaData metadata = new MetaData(null, convention);
        for (TableAssembly t : tables.values()) {
            try {
                metadata.add(t.build());
            } catch (JpaMappingException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new JpaMappingException(t.origin(), e.getMessage());
            }
        }
        sequences.values().forEach(metadata::addSequence);
        return metadata;
    }

    // ---- entities and hierarchies -------------------------------------------------------------

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

    /** Entities that the given ones refer to become part of the model: their tables are the foreign keys' targets. */
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
            Class<?> target = relationTarget(a);
            if (target != null) {
                out.add(target);
                continue;
            }
            Class<?> embeddable = a.has(ElementCollection.class) ? elementType(a) : a.type();
            if (embeddable.isAnnotationPresent(Embeddable.class) && seen.add(embeddable)) {
                collectTargets(embeddableAttributes(embeddable, access), access, out, seen);
            }
        }
    }

    private static Class<?> relationTarget(Attribute a) {
        if (a.has(ManyToOne.class)) return explicit(a.get(ManyToOne.class).targetEntity(), a.type());
        if (a.has(OneToOne.class)) return explicit(a.get(OneToOne.class).targetEntity(), a.type());
        if (a.has(OneToMany.class)) return explicit(a.get(OneToMany.class).targetEntity(), elementType(a));
        if (a.has(ManyToMany.class)) return explicit(a.get(ManyToMany.class).targetEntity(), elementType(a));
        return null;
    }

    private static Class<?> explicit(Class<?> declared, Class<?> inferred) {
        return declared == void.class ? inferred : declared;
    }

    /** The element of a collection, the value of a map. */
    private static Class<?> elementType(Attribute a) {
        if (a.typeArgs().isEmpty()) return Object.class;
        return a.typeArgs().get(a.typeArgs().size() - 1);
    }

    private EntityInfo entity(Class<?> type, Attribute from) {
        EntityInfo e = entities.get(type);
        if (e != null) return e;
        if (type.isAnnotationPresent(Entity.class)) {
            throw new JpaMappingException(from.where(), "refers to entity " + type.getName() + ", which is not part of this model; add it to the entities");
        }
        throw new JpaMappingException(from.where(), "refers to " + type.getName() + ", which is not an entity"
                + (type == Object.class ? " (declare the collection's element type or targetEntity)" : " (annotate it @Entity)"));
    }

    private void assignTable(EntityInfo e) {
        Table t = e.type.getAnnotation(Table.class);
        if (t != null && !t.catalog().isEmpty()) throw new JpaMappingException(e.where(), "@Table(catalog) is not supported; use schema");
        if (e.sharesRootTable()) {
            if (t != null && !t.name().isEmpty() && !names.physical(t.name()).equals(e.root.table.name())) {
                throw new JpaMappingException(e.where(), "a SINGLE_TABLE subclass is stored in its root's table "
                        + e.root.table.key() + ", not in @Table(name = \"" + t.name() + "\")");
            }
            e.tableLogical = e.root.tableLogical;
            e.table = e.root.table;
        } else {
            e.tableLogical = t != null && !t.name().isEmpty() ? t.name() : e.entityName;
            String schema = t != null && !t.schema().isEmpty() ? names.physical(t.schema()) : null;
            if (!(e.strategy == InheritanceType.TABLE_PER_CLASS && e.isAbstract())) {
                e.table = table(schema, names.physical(e.tableLogical), e.where());
            } else {
                e.tableSchema = schema;
            }
        }
        if (e.table != null) e.tableSchema = e.table.schema();
        if (t != null && e.table != null) {
            e.table.comment(t.comment(), e.where());
            tableExtras(e.table, t.uniqueConstraints(), t.indexes(), t.check(), e.where());
        }
    }

    private TableAssembly table(String schema, String name, String origin) {
        String key = schema == null ? name : schema + "." + name;
        return tables.computeIfAbsent(key, k -> new TableAssembly(names, convention, schema, name, origin));
    }

    /** A join or collection table: its name must be its own. */
    private TableAssembly newTable(String schema, String name, String origin) {
        String key = schema == null ? name : schema + "." + name;
        TableAssembly existing = tables.get(key);
        if (existing != null) {
            throw new JpaMappingException(origin, "table " + key + " is already mapped by " + existing.origin()
                    + "; give this join or collection table another name");
        }
        return table(schema, name, origin);
    }

    private void tableExtras(TableAssembly t, UniqueConstraint[] uniques, Index[] indexes, CheckConstraint[] checks, String where) {
        for (UniqueConstraint u : uniques) {
            t.addPending(u.name(), List.of(u.columnNames()), null, true, true, where);
        }
        for (Index ix : indexes) {
            List<String> cols = new ArrayList<>();
            List<Boolean> desc = new ArrayList<>();
            for (String part : ix.columnList().split(",")) {
                String p = part.strip();
                if (p.isEmpty()) throw new JpaMappingException(where, "@Index(columnList = \"" + ix.columnList() + "\") has an empty entry");
                String[] words = p.split("\\s+");
                if (words.length > 2) {
                    throw new JpaMappingException(where, "@Index(columnList = \"" + ix.columnList() + "\"): '" + p
                            + "' is not a column name followed by ASC or DESC");
                }
                boolean descending = false;
                if (words.length == 2) {
                    String order = words[1].toUpperCase(Locale.ROOT);
                    if (!order.equals("ASC") && !order.equals("DESC")) {
                        throw new JpaMappingException(where, "@Index(columnList = \"" + ix.columnList() + "\"): '" + words[1]
                                + "' is neither ASC nor DESC");
                    }
                    descending = order.equals("DESC");
                }
                cols.add(words[0]);
                desc.add(descending);
            }
            t.addPending(ix.name(), cols, desc, ix.unique(), false, where);
        }
        for (CheckConstraint c : checks) t.addCheck(c.name(), "check", c.constraint());
    }

    // ---- first pass: keys and plain columns ---------------------------------------------------

    private void firstPass(EntityInfo e) {
        if (e.table == null) return;
        if (e.definesId()) {
            List<IdPart> parts = idParts(e);
            List<String> pk = new ArrayList<>();
            for (IdPart p : parts) {
                place(e.table, p.built(), p.origin(), e.type, false);
                pk.add(p.built().column().name());
            }
            e.table.setPrimaryKey(pk, e.where());
            Set<FkGroup> seen = new HashSet<>();
            for (IdPart p : parts) {
                if (p.fk() == null || !seen.add(p.fk())) continue;
                List<String> cols = parts.stream().filter(q -> q.fk() == p.fk()).map(q -> q.built().column().name()).toList();
                foreignKey(e.table, cols, fkTarget(p.fk().target()), p.fk().referred(), p.fk().annotation());
            }
        } else if (e.strategy == InheritanceType.JOINED) {
            List<KeyColumn> own = key(e);
            List<KeyColumn> parentKey = key(e.parent);
            for (KeyColumn k : own) e.table.addColumn(Column.of(k.name(), k.type()).withNullable(false), k.logical(), e.where(), e.type, false);
            e.table.setPrimaryKey(own.stream().map(KeyColumn::name).toList(), e.where());
            PrimaryKeyJoinColumn first = primaryKeyJoinColumns(e.type).length == 0 ? null : primaryKeyJoinColumns(e.type)[0];
            foreignKey(e.table, own.stream().map(KeyColumn::name).toList(), e.parent.table,
                    parentKey.stream().map(KeyColumn::name).toList(), first == null ? null : first.foreignKey());
        }
        if (e.isRoot()) discriminator(e);
        Map<String, jakarta.persistence.Column> overrides = overrides(e.type, "");
        Map<String, AssociationOverride> associations = associationOverrides(e.type, "");
        for (Attribute a : e.tableAttributes()) {
            mapAttribute(e, e.table, a, a.name(), overrides, associations, e.sharesRootTable());
        }
    }

    private void mapAttribute(EntityInfo e, TableAssembly t, Attribute a, String path,
                              Map<String, jakarta.persistence.Column> overrides, Map<String, AssociationOverride> associations,
                              boolean forceNullable) {
        if (a.has(Id.class) || a.has(EmbeddedId.class)) return;
        if (a.has(ManyToOne.class) || a.has(OneToOne.class) || a.has(OneToMany.class) || a.has(ManyToMany.class)
                || a.has(ElementCollection.class)) {
            sites.add(new Site(e, t, a, forceNullable, associations.get(path)));
            return;
        }
        if (a.has(Embedded.class) || a.type().isAnnotationPresent(Embeddable.class)) {
            embedded(e, t, a.type(), a, path, overrides, associations, forceNullable, false);
            return;
        }
        if (Collection.class.isAssignableFrom(a.type()) || Map.class.isAssignableFrom(a.type())) {
            throw new JpaMappingException(a.where(), "a collection needs @ElementCollection, @OneToMany or @ManyToMany (or @Transient)");
        }
        if (a.type().isAnnotationPresent(Entity.class)) {
            throw new JpaMappingException(a.where(), "a reference to entity " + a.type().getSimpleName() + " needs @ManyToOne or @OneToOne");
        }
        ColumnAnn ann = columnAnn(a, path, overrides);
        boolean required = a.has(Version.class) || requiredByAnnotation(a);
        Built b = basic(a.type(), ann, a.name(), hints(a), required, forceNullable, a.where());
        place(t, withColumnDefault(b, a), a.where(), e.type, ann.readOnly());
    }

    /** Hibernate's {@code @ColumnDefault}, when the column definition gave no default. */
    private static Built withColumnDefault(Built b, Attribute a) {
        Object value = a.namedValue(COLUMN_DEFAULT, "value");
        if (value == null || b.column().serverDefault() != null) return b;
        return new Built(b.column().withServerDefault(value.toString()), b.logical(), b.ann(), b.check());
    }

    /** Hibernate's {@code @OnDelete(action = ...)}, or null. */
    private static ForeignKey.Action onDelete(Attribute a) {
        Object action = a.namedValue(ON_DELETE_ANNOTATION, "action");
        return action == null ? null : ForeignKey.Action.parse(action.toString());
    }

    private static boolean requiredByAnnotation(Attribute a) {
        Basic basic = a.get(Basic.class);
        return basic != null && !basic.optional() || a.hasNamed(NOT_NULL);
    }

    private ColumnAnn columnAnn(Attribute a, String path, Map<String, jakarta.persistence.Column> overrides) {
        jakarta.persistence.Column override = overrides.get(path);
        ColumnAnn ann = ColumnAnn.of(override != null ? override : a.get(jakarta.persistence.Column.class));
        if (!ann.table().isEmpty()) throw new JpaMappingException(a.where(), "@Column(table) (secondary tables) is not supported");
        return ann;
    }

    private static Hints hints(Attribute a) {
        Enumerated en = a.get(Enumerated.class);
        Temporal tm = a.get(Temporal.class);
        return new Hints(en == null ? null : en.value(), tm == null ? null : tm.value(), a.has(Lob.class), a.get(Convert.class));
    }

    /** The attribute overrides a class or attribute declares, keyed by their path from the entity. */
    private static Map<String, jakarta.persistence.Column> overrides(AnnotatedElement element, String prefix) {
        Map<String, jakarta.persistence.Column> out = new HashMap<>();
        List<AttributeOverride> list = new ArrayList<>();
        if (element.getAnnotation(AttributeOverride.class) != null) list.add(element.getAnnotation(AttributeOverride.class));
        if (element.getAnnotation(AttributeOverrides.class) != null) list.addAll(List.of(element.getAnnotation(AttributeOverrides.class).value()));
        for (AttributeOverride o : list) {
            String name = o.name().startsWith("value.") ? o.name().substring("value.".length()) : o.name();
            out.put(prefix + name, o.column());
        }
        return out;
    }

    /** The association overrides a class or attribute declares, keyed by their path from the entity. */
    private static Map<String, AssociationOverride> associationOverrides(AnnotatedElement element, String prefix) {
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

    private void embedded(EntityInfo e, TableAssembly t, Class<?> embeddable, Attribute holder, String path,
                          Map<String, jakarta.persistence.Column> outer, Map<String, AssociationOverride> outerAssociations,
                          boolean forceNullable, boolean forceNotNull) {
        Map<String, jakarta.persistence.Column> overrides = new HashMap<>(outer);
        overrides(holder.element(), path + ".").forEach(overrides::putIfAbsent);
        Map<String, AssociationOverride> associations = new HashMap<>(outerAssociations);
        associationOverrides(holder.element(), path + ".").forEach(associations::putIfAbsent);
        for (Attribute x : embeddableAttributes(embeddable, e.access)) {
            String p = path + "." + x.name();
            if (x.has(ManyToOne.class) || x.has(OneToOne.class)) {
                if (forceNotNull) throw new JpaMappingException(x.where(), "a relationship inside an @EmbeddedId is not supported; use @MapsId");
                sites.add(new Site(e, t, x, forceNullable, associations.get(p)));
            } else if (x.has(OneToMany.class) || x.has(ManyToMany.class) || x.has(ElementCollection.class)) {
                throw new JpaMappingException(x.where(), "collections inside an embeddable are not supported");
            } else if (x.has(Embedded.class) || x.type().isAnnotationPresent(Embeddable.class)) {
                embedded(e, t, x.type(), x, p, overrides, associations, forceNullable, forceNotNull);
            } else {
                ColumnAnn ann = columnAnn(x, p, overrides);
                Built b = basic(x.type(), ann, x.name(), hints(x), forceNotNull || requiredByAnnotation(x), forceNullable, x.where());
                place(t, withColumnDefault(b, x), x.where(), e.type, ann.readOnly());
            }
        }
    }

    /** An embeddable's attributes, its mapped or embeddable superclasses' first. */
    private static List<Attribute> embeddableAttributes(Class<?> embeddable, AccessType ownerAccess) {
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> c = embeddable; c != null && c != Object.class; c = c.getSuperclass()) {
            if (c == embeddable || c.isAnnotationPresent(MappedSuperclass.class) || c.isAnnotationPresent(Embeddable.class)) chain.add(0, c);
        }
        jakarta.persistence.Access explicit = embeddable.getAnnotation(jakarta.persistence.Access.class);
        AccessType access = explicit != null ? explicit.value() : ownerAccess;
        List<Attribute> out = new ArrayList<>();
        for (Class<?> c : chain) out.addAll(Attributes.declared(c, embeddable, access));
        return out;
    }

    /**
     * A column for a basic value: {@code columnDefinition} wins, then a converter's database type, then
     * the Java type's.
     */
    private Built basic(Class<?> javaType, ColumnAnn ann, String defaultLogical, Hints hints, boolean forceNotNull,
                        boolean forceNullable, String where) {
        String logical = ann.name().isEmpty() ? defaultLogical : ann.name();
        SqlType type;
        JavaTypes.EnumCheck check = null;
        String serverDefault = null;
        Boolean definitionNotNull = null;
        if (!ann.columnDefinition().isEmpty()) {
            ColumnDefinitions.Definition d = ColumnDefinitions.parse(ann.columnDefinition());
            type = d.type();
            serverDefault = d.serverDefault();
            definitionNotNull = d.notNull();
        } else {
            Class<?> converter = converter(javaType, hints.convert(), where);
            if (converter != null) {
                Class<?> databaseType = JavaTypes.converterTypes(converter, where)[1];
                type = JavaTypes.map(databaseType, ann, null, hints.lob(), null, where).type();
            } else {
                JavaTypes.Mapped m = JavaTypes.map(javaType, ann, hints.enumerated(), hints.lob(), hints.temporal(), where);
                type = m.type();
                check = enumChecks ? m.check() : null;
            }
        }
        boolean nullable = ann.nullable() && !javaType.isPrimitive() && !forceNotNull && !Boolean.TRUE.equals(definitionNotNull);
        if (forceNullable) nullable = true;
        Column column = Column.of(names.physical(logical), type).withNullable(nullable).withServerDefault(serverDefault)
                .withComment(ann.comment().isEmpty() ? null : ann.comment());
        return new Built(column, Names.text(logical), ann, check);
    }

    private Class<?> converter(Class<?> javaType, Convert convert, String where) {
        if (convert != null) {
            if (convert.disableConversion()) return null;
            if (convert.converter() != AttributeConverter.class) return convert.converter();
            if (!convert.attributeName().isEmpty()) {
                throw new JpaMappingException(where, "@Convert(attributeName) is not supported here; put @Convert on the attribute it converts");
            }
        }
        return autoConverters.get(javaType.isPrimitive() ? boxed(javaType) : javaType);
    }

    private static Class<?> boxed(Class<?> primitive) {
        return java.lang.invoke.MethodType.methodType(primitive).wrap().returnType();
    }

    private void place(TableAssembly t, Built b, String where, Class<?> entity, boolean readOnly) {
        String name = b.column().name();
        t.addColumn(b.column(), b.logical(), where, entity, readOnly);
        if (readOnly) return;
        if (b.ann().unique()) t.addUnique(null, List.of(name), where);
        if (b.check() != null) t.addCheck(null, name, b.check().expression(TableAssembly.quoteForExpression(name)));
        for (CheckConstraint c : b.ann().checks()) t.addCheck(c.name(), name, c.constraint());
    }

    private void discriminator(EntityInfo root) {
        DiscriminatorColumn dc = root.type.getAnnotation(DiscriminatorColumn.class);
        boolean needed = root.strategy == InheritanceType.SINGLE_TABLE ? root.hasSubclasses || dc != null
                : root.strategy == InheritanceType.JOINED && dc != null;
        if (!needed || root.table == null) return;
        String logical = dc == null ? "DTYPE" : dc.name();
        SqlType type;
        if (dc != null && !dc.columnDefinition().isEmpty()) {
            type = ColumnDefinitions.type(dc.columnDefinition());
        } else if (dc != null && dc.discriminatorType() == jakarta.persistence.DiscriminatorType.INTEGER) {
            type = Types.INTEGER;
        } else if (dc != null && dc.discriminatorType() == jakarta.persistence.DiscriminatorType.CHAR) {
            type = Types.charType(1);
        } else {
            type = Types.varchar(dc == null ? 31 : dc.length());
        }
        root.table.addColumn(Column.of(names.physical(logical), type).withNullable(false), logical, root.where() + " (discriminator)", root.type, false);
    }

    // ---- keys ---------------------------------------------------------------------------------

    /** The key columns of an entity's table: what foreign keys to the entity refer to by default. */
    private List<KeyColumn> key(EntityInfo e) {
        List<KeyColumn> known = keys.get(e);
        if (known != null) return known;
        if (!resolving.add(e)) throw new JpaMappingException(e.where(), "its identifier depends on itself through @Id or @MapsId relationships");
        try {
            List<KeyColumn> out = new ArrayList<>();
            if (e.definesId()) {
                for (IdPart p : idParts(e)) out.add(new KeyColumn(p.built().logical(), p.built().column().name(), p.built().column().type()));
            } else if (e.sharesRootTable()) {
                out.addAll(key(e.root));
            } else {
                List<KeyColumn> parentKey = key(e.parent);
                PrimaryKeyJoinColumn[] renames = primaryKeyJoinColumns(e.type);
                if (renames.length > 0 && renames.length != parentKey.size()) {
                    throw new JpaMappingException(e.where(), "has " + renames.length + " @PrimaryKeyJoinColumn but its parent's key has "
                            + parentKey.size() + " columns");
                }
                for (int i = 0; i < parentKey.size(); i++) {
                    KeyColumn k = parentKey.get(i);
                    PrimaryKeyJoinColumn r = renames.length == 0 ? null : matching(renames, k, i);
                    String logical = r == null || r.name().isEmpty() ? k.logical() : r.name();
                    SqlType type = r == null || r.columnDefinition().isEmpty() ? k.type() : ColumnDefinitions.type(r.columnDefinition());
                    out.add(new KeyColumn(Names.text(logical), r == null || r.name().isEmpty() ? k.name() : names.physical(r.name()), type));
                }
            }
            keys.put(e, List.copyOf(out));
            return keys.get(e);
        } finally {
            resolving.remove(e);
        }
    }

    private PrimaryKeyJoinColumn matching(PrimaryKeyJoinColumn[] renames, KeyColumn k, int position) {
        for (PrimaryKeyJoinColumn r : renames) {
            if (!r.referencedColumnName().isEmpty() && names.physical(r.referencedColumnName()).equals(k.name())) return r;
        }
        return renames[position];
    }

    private static PrimaryKeyJoinColumn[] primaryKeyJoinColumns(AnnotatedElement element) {
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
        Map<String, jakarta.persistence.Column> overrides = overrides(e.type, "");
        List<IdPart> parts = new ArrayList<>();
        if (!embeddedIds.isEmpty()) {
            Attribute holder = embeddedIds.get(0);
            Map<String, jakarta.persistence.Column> all = new HashMap<>(overrides);
            overrides(holder.element(), holder.name() + ".").forEach(all::putIfAbsent);
            for (Attribute x : embeddableAttributes(holder.type(), e.access)) {
                Attribute borrowed = mapsId.get(x.name());
                if (borrowed != null) {
                    parts.addAll(relationIdParts(e, borrowed));
                } else if (x.has(Embedded.class) || x.type().isAnnotationPresent(Embeddable.class)) {
                    throw new JpaMappingException(x.where(), "an embeddable nested in an @EmbeddedId is not supported");
                } else {
                    ColumnAnn ann = columnAnn(x, holder.name() + "." + x.name(), all);
                    parts.add(new IdPart(basic(x.type(), ann, x.name(), hints(x), true, false, x.where()), x.where(), null));
                }
            }
        } else {
            for (Attribute id : ids) {
                if (id.has(ManyToOne.class) || id.has(OneToOne.class)) {
                    parts.addAll(relationIdParts(e, id));
                } else if (mapsId.containsKey("") && ids.size() == 1) {
                    parts.addAll(relationIdParts(e, mapsId.get("")));
                } else {
                    ColumnAnn ann = columnAnn(id, id.name(), overrides);
                    Built b = basic(id.type(), ann, id.name(), hints(id), true, false, id.where());
                    Column generated = generation(e, id, b.column());
                    parts.add(new IdPart(new Built(generated, b.logical(), b.ann(), b.check()), id.where(), null));
                }
            }
        }
        idParts.put(e, List.copyOf(parts));
        return idParts.get(e);
    }

    /** Key columns that are also a foreign key: a to-one marked {@code @Id} or {@code @MapsId}. */
    private List<IdPart> relationIdParts(EntityInfo e, Attribute relation) {
        if (!relation.has(ManyToOne.class) && !relation.has(OneToOne.class)) {
            throw new JpaMappingException(relation.where(), "@MapsId belongs on a @ManyToOne or @OneToOne");
        }
        EntityInfo target = entity(relationTarget(relation), relation);
        List<Ref> refs = joinColumns(relation.where(), joinColumnAnnotations(relation), target, relation.name());
        FkGroup fk = new FkGroup(target, refs.stream().map(Ref::referred).toList(), foreignKeyAnnotation(relation));
        List<IdPart> out = new ArrayList<>();
        for (Ref r : refs) {
            Column c = Column.of(r.name(), r.type()).withNullable(false);
            out.add(new IdPart(new Built(c, r.logical(), r.ann(), null), relation.where(), fk));
        }
        return out;
    }

    // ---- generation ---------------------------------------------------------------------------

    private static boolean integral(Class<?> t) {
        return t == Long.class || t == long.class || t == Integer.class || t == int.class || t == Short.class
                || t == short.class || t == BigInteger.class || t == BigDecimal.class;
    }

    private Column generation(EntityInfo e, Attribute id, Column column) {
        GeneratedValue gv = id.get(GeneratedValue.class);
        if (gv == null) return column;
        GenerationType strategy = gv.strategy();
        String generator = gv.generator();
        boolean numeric = integral(id.type());
        if (strategy == GenerationType.IDENTITY) {
            if (!numeric) throw new JpaMappingException(id.where(), "IDENTITY generation needs an integral type, not " + id.type().getSimpleName());
            return column.withIdentity(Identity.byDefault());
        }
        if (strategy == GenerationType.UUID) return column;
        Generators.Found<TableGenerator> tg = generator.isEmpty() ? null : generators.table(generator);
        if (strategy == GenerationType.TABLE || tg != null) {
            tableGenerator(tg == null ? local(id, e, TableGenerator.class) : tg.annotation(), e, id);
            return column;
        }
        if (!numeric) {
            if (strategy == GenerationType.AUTO) return column;
            throw new JpaMappingException(id.where(), "SEQUENCE generation needs an integral type, not " + id.type().getSimpleName());
        }
        Generators.Found<SequenceGenerator> found = generator.isEmpty() ? null : generators.sequence(generator);
        SequenceGenerator g = found != null ? found.annotation() : generator.isEmpty() ? local(id, e, SequenceGenerator.class) : null;
        String implicit = names.physical(names.unfolded(e.root.tableLogical) + "_SEQ");
        String name;
        String schema = e.root.tableSchema;
        long start = 1;
        long increment = 50;
        if (g != null) {
            name = !g.sequenceName().isEmpty() ? names.physical(g.sequenceName()) : !g.name().isEmpty() ? names.physical(g.name()) : implicit;
            if (!g.schema().isEmpty()) schema = names.physical(g.schema());
            if (!g.catalog().isEmpty()) throw new JpaMappingException(id.where(), "@SequenceGenerator(catalog) is not supported");
            start = g.initialValue();
            increment = g.allocationSize();
        } else {
            name = generator.isEmpty() ? implicit : names.physical(generator);
        }
        Sequence s = new Sequence(schema, name, Types.BIGINT, start, increment, null, null, null, false);
        Sequence before = sequences.putIfAbsent(s.key(), s);
        if (before != null && !before.equals(s)) {
            throw new JpaMappingException(id.where(), "uses " + s + " but " + sequenceOrigins.get(s.key()) + " defines " + before);
        }
        sequenceOrigins.putIfAbsent(s.key(), id.where());
        return column;
    }

    /** A generator without a name (Jakarta Persistence 3.2), on the attribute or the class declaring it. */
    private static <A extends java.lang.annotation.Annotation> A local(Attribute id, EntityInfo e, Class<A> type) {
        A onAttribute = id.get(type);
        if (onAttribute != null) return onAttribute;
        A onDeclaring = id.declaringClass().getAnnotation(type);
        if (onDeclaring != null) return onDeclaring;
        return e.type.getAnnotation(type);
    }

    /** The table behind TABLE generation: a row per generator, keyed by its name. */
    private void tableGenerator(TableGenerator g, EntityInfo e, Attribute id) {
        String table = names.physical(g == null || g.table().isEmpty() ? "hibernate_sequences" : g.table());
        String schema = g == null || g.schema().isEmpty() ? e.root.tableSchema : names.physical(g.schema());
        String pkLogical = g == null || g.pkColumnName().isEmpty() ? "sequence_name" : g.pkColumnName();
        String valueLogical = g == null || g.valueColumnName().isEmpty() ? "next_val" : g.valueColumnName();
        String key = (schema == null ? "" : schema + ".") + table + "(" + names.physical(pkLogical) + "," + names.physical(valueLogical) + ")";
        if (!generatorTables.add(key)) return;
        TableAssembly t = table(schema, table, id.where());
        t.addColumn(Column.of(names.physical(pkLogical), Types.varchar(255)).withNullable(false), pkLogical, id.where(), TableGenerator.class, false);
        t.addColumn(Column.of(names.physical(valueLogical), Types.BIGINT), valueLogical, id.where(), TableGenerator.class, false);
        t.setPrimaryKey(List.of(names.physical(pkLogical)), id.where());
    }

    // ---- second pass: relationships and collections -------------------------------------------

    private void secondPass(Site s) {
        Attribute a = s.attribute();
        if (a.has(ManyToOne.class) || a.has(OneToOne.class)) toOne(s);
        else if (a.has(OneToMany.class)) oneToMany(s);
        else if (a.has(ManyToMany.class)) manyToMany(s);
        else elementCollection(s);
    }

    private void toOne(Site s) {
        Attribute a = s.attribute();
        OneToOne o2o = a.get(OneToOne.class);
        ManyToOne m2o = a.get(ManyToOne.class);
        EntityInfo target = entity(relationTarget(a), a);
        if (o2o != null && !o2o.mappedBy().isEmpty()) {
            requireMappedBy(target, o2o.mappedBy(), a);
            return;
        }
        if (a.has(MapsId.class)) return;
        if (a.has(JoinTable.class)) throw new JpaMappingException(a.where(), "a to-one relationship through a @JoinTable is not supported");
        PrimaryKeyJoinColumn[] shared = primaryKeyJoinColumns(a.element());
        if (o2o != null && shared.length > 0) {
            // the two entities share their key: the key itself refers to the other table
            foreignKey(s.table(), s.table().primaryKey(), fkTarget(target), key(target).stream().map(KeyColumn::name).toList(), shared[0].foreignKey());
            return;
        }
        boolean optional = m2o != null ? m2o.optional() : o2o.optional();
        AssociationOverride o = s.override();
        JoinColumn[] anns = o != null && o.joinColumns().length > 0 ? o.joinColumns() : joinColumnAnnotations(a);
        jakarta.persistence.ForeignKey fk = o != null && (!o.foreignKey().name().isEmpty()
                || o.foreignKey().value() != ConstraintMode.PROVIDER_DEFAULT) ? o.foreignKey() : foreignKeyAnnotation(a);
        List<Ref> refs = joinColumns(a.where(), anns, target, a.name());
        List<String> cols = addJoinColumns(s.table(), refs, optional, s.forceNullable(), a, s.entity().type);
        if (o2o != null) s.table().addUnique(null, cols, a.where());
        foreignKey(s.table(), cols, fkTarget(target), refs.stream().map(Ref::referred).toList(), fk, onDelete(a));
    }

    private List<String> addJoinColumns(TableAssembly t, List<Ref> refs, boolean optional, boolean forceNullable, Attribute a, Class<?> entity) {
        List<String> cols = new ArrayList<>();
        for (Ref r : refs) {
            boolean nullable = forceNullable || optional && r.ann().nullable();
            Column c = Column.of(r.name(), r.type()).withNullable(nullable).withComment(r.ann().comment().isEmpty() ? null : r.ann().comment());
            t.addColumn(c, r.logical(), a.where(), entity, r.ann().readOnly());
            if (r.ann().unique() && !r.ann().readOnly()) t.addUnique(null, List.of(r.name()), a.where());
            for (CheckConstraint ck : r.ann().checks()) t.addCheck(ck.name(), r.name(), ck.constraint());
            cols.add(r.name());
        }
        return cols;
    }

    private void oneToMany(Site s) {
        Attribute a = s.attribute();
        OneToMany o2m = a.get(OneToMany.class);
        EntityInfo target = entity(relationTarget(a), a);
        if (!o2m.mappedBy().isEmpty()) {
            requireMappedBy(target, o2m.mappedBy(), a);
            return;
        }
        JoinColumn[] anns = joinColumnAnnotations(a);
        if (anns.length > 0 && !a.has(JoinTable.class)) {
            // unidirectional, with the foreign key in the target's table
            if (target.table == null) throw new JpaMappingException(a.where(), "target " + target.where() + " has no table of its own");
            List<Ref> refs = joinColumns(a.where(), anns, s.entity(), a.name());
            List<String> cols = addJoinColumns(target.table, refs, true, target.sharesRootTable(), a, s.entity().type);
            foreignKey(target.table, cols, s.table(), refs.stream().map(Ref::referred).toList(), foreignKeyAnnotation(a), onDelete(a));
            return;
        }
        joinTable(s, target, true);
    }

    private void manyToMany(Site s) {
        Attribute a = s.attribute();
        ManyToMany m2m = a.get(ManyToMany.class);
        EntityInfo target = entity(relationTarget(a), a);
        if (!m2m.mappedBy().isEmpty()) {
            requireMappedBy(target, m2m.mappedBy(), a);
            return;
        }
        joinTable(s, target, false);
    }

    private void requireMappedBy(EntityInfo target, String mappedBy, Attribute a) {
        String first = mappedBy.contains(".") ? mappedBy.substring(0, mappedBy.indexOf('.')) : mappedBy;
        for (Attribute x : target.allAttributes) {
            if (x.name().equals(first)) return;
        }
        throw new JpaMappingException(a.where(), "mappedBy = \"" + mappedBy + "\" names no attribute of " + target.where());
    }

    private void joinTable(Site s, EntityInfo target, boolean oneToMany) {
        Attribute a = s.attribute();
        JoinTable jt = a.get(JoinTable.class);
        String name = jt != null && !jt.name().isEmpty() ? names.physical(jt.name())
                : names.joinTable(s.entity().tableLogical, target.tableLogical, a.name());
        String schema = jt != null && !jt.schema().isEmpty() ? names.physical(jt.schema()) : null;
        TableAssembly t = newTable(schema, name, a.where());
        String inverse = oneToMany ? null : inverseAttribute(target, s.entity(), a);
        List<Ref> ownerRefs = joinColumns(a.where(), jt == null ? new JoinColumn[0] : jt.joinColumns(), s.entity(),
                inverse != null ? inverse : s.entity().entityName);
        List<Ref> targetRefs = joinColumns(a.where(), jt == null ? new JoinColumn[0] : jt.inverseJoinColumns(), target, a.name());
        List<String> ownerCols = addJoinColumns(t, ownerRefs, false, false, a, s.entity().type);
        List<String> targetCols = addJoinColumns(t, targetRefs, false, false, a, s.entity().type);
        List<String> pk = new ArrayList<>(ownerCols);
        if (a.has(OrderColumn.class)) {
            pk.add(orderColumn(t, a, s.entity().type));
            t.setPrimaryKey(pk, a.where());
        } else if (Map.class.isAssignableFrom(a.type()) && !a.has(MapKey.class)) {
            pk.add(mapKeyColumn(t, a, s.entity().type));
            t.setPrimaryKey(pk, a.where());
        } else if (java.util.Set.class.isAssignableFrom(a.type())) {
            pk.addAll(targetCols);
            t.setPrimaryKey(pk, a.where());
        }
        if (oneToMany) t.addUnique(null, targetCols, a.where());
        foreignKey(t, ownerCols, s.table(), ownerRefs.stream().map(Ref::referred).toList(), jt == null ? null : jt.foreignKey());
        foreignKey(t, targetCols, fkTarget(target), targetRefs.stream().map(Ref::referred).toList(), jt == null ? null : jt.inverseForeignKey());
        if (jt != null) {
            t.comment(jt.comment(), a.where());
            tableExtras(t, jt.uniqueConstraints(), jt.indexes(), jt.check(), a.where());
        }
    }

    /** The attribute of the other side that says {@code mappedBy} this one, if the relationship is bidirectional. */
    private static String inverseAttribute(EntityInfo target, EntityInfo owner, Attribute a) {
        for (Attribute x : target.allAttributes) {
            ManyToMany m = x.get(ManyToMany.class);
            if (m != null && m.mappedBy().equals(a.name()) && relationTarget(x).isAssignableFrom(owner.type)) return x.name();
        }
        return null;
    }

    private void elementCollection(Site s) {
        Attribute a = s.attribute();
        ElementCollection ec = a.get(ElementCollection.class);
        CollectionTable ct = a.get(CollectionTable.class);
        Class<?> element = ec.targetClass() != void.class ? ec.targetClass() : elementType(a);
        if (element == Object.class) throw new JpaMappingException(a.where(), "cannot tell the element type; declare it or give targetClass");
        if (element.isAnnotationPresent(Entity.class)) {
            throw new JpaMappingException(a.where(), "an @ElementCollection of entities is not allowed; use @OneToMany or @ManyToMany");
        }
        EntityInfo owner = s.entity();
        String name = ct != null && !ct.name().isEmpty() ? names.physical(ct.name()) : names.physical(owner.entityName + "_" + a.name());
        String schema = ct != null && !ct.schema().isEmpty() ? names.physical(ct.schema()) : null;
        TableAssembly t = newTable(schema, name, a.where());
        List<Ref> ownerRefs = joinColumns(a.where(), ct == null ? new JoinColumn[0] : ct.joinColumns(), owner, owner.entityName);
        List<String> ownerCols = addJoinColumns(t, ownerRefs, false, false, a, owner.type);
        boolean isSet = java.util.Set.class.isAssignableFrom(a.type());
        List<String> elementCols = new ArrayList<>();
        if (element.isAnnotationPresent(Embeddable.class)) {
            Set<String> known = new HashSet<>(ownerCols);
            embedded(owner, t, element, a, a.name(), Map.of(), Map.of(), false, false);
            for (String c : t.columnNames()) {
                if (!known.contains(c)) elementCols.add(c);
            }
        } else {
            ColumnAnn ann = columnAnn(a, a.name(), Map.of());
            Built b = basic(element, ann, a.name(), hints(a), isSet || requiredByAnnotation(a), false, a.where());
            place(t, b, a.where(), owner.type, false);
            elementCols.add(b.column().name());
        }
        List<String> pk = new ArrayList<>(ownerCols);
        if (a.has(OrderColumn.class)) {
            pk.add(orderColumn(t, a, owner.type));
            t.setPrimaryKey(pk, a.where());
        } else if (Map.class.isAssignableFrom(a.type())) {
            pk.add(mapKeyColumn(t, a, owner.type));
            t.setPrimaryKey(pk, a.where());
        } else if (isSet && elementCols.stream().noneMatch(c -> t.slot(c).column().nullable())) {
            pk.addAll(elementCols);
            t.setPrimaryKey(pk, a.where());
        }
        foreignKey(t, ownerCols, s.table(), ownerRefs.stream().map(Ref::referred).toList(), ct == null ? null : ct.foreignKey());
        if (ct != null) tableExtras(t, ct.uniqueConstraints(), ct.indexes(), new CheckConstraint[0], a.where());
    }

    private String orderColumn(TableAssembly t, Attribute a, Class<?> entity) {
        ColumnAnn ann = ColumnAnn.of(a.get(OrderColumn.class));
        String logical = ann.name().isEmpty() ? a.name() + "_ORDER" : ann.name();
        SqlType type = ann.columnDefinition().isEmpty() ? Types.INTEGER : ColumnDefinitions.type(ann.columnDefinition());
        String name = names.physical(logical);
        t.addColumn(Column.of(name, type).withNullable(false), Names.text(logical), a.where(), entity, false);
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
        Built b = basic(key, ann, a.name() + "_KEY", new Hints(en == null ? null : en.value(), tm == null ? null : tm.value(), false, null),
                true, false, a.where());
        place(t, b, a.where(), entity, false);
        return b.column().name();
    }

    // ---- join columns and foreign keys --------------------------------------------------------

    private static JoinColumn[] joinColumnAnnotations(Attribute a) {
        JoinColumns many = a.get(JoinColumns.class);
        if (many != null) return many.value();
        JoinColumn one = a.get(JoinColumn.class);
        return one == null ? new JoinColumn[0] : new JoinColumn[] {one};
    }

    private static jakarta.persistence.ForeignKey foreignKeyAnnotation(Attribute a) {
        JoinColumns many = a.get(JoinColumns.class);
        if (many != null) return many.foreignKey();
        JoinColumn one = a.get(JoinColumn.class);
        return one == null ? null : one.foreignKey();
    }

    /**
     * The referencing columns for join columns (none given: one per key column of the target), each
     * typed as the column it refers to and named {@code <prefix>_<referred column>} unless named.
     */
    private List<Ref> joinColumns(String where, JoinColumn[] anns, EntityInfo target, String prefix) {
        List<KeyColumn> key = key(target);
        List<Ref> out = new ArrayList<>();
        if (anns.length == 0) {
            for (KeyColumn k : key) out.add(new Ref(ColumnAnn.DEFAULT, prefix + "_" + Names.text(k.logical()), names.joinColumn(prefix, k.logical()), k.type(), k.name()));
            return out;
        }
        for (int i = 0; i < anns.length; i++) {
            JoinColumn jc = anns[i];
            if (!jc.table().isEmpty()) throw new JpaMappingException(where, "@JoinColumn(table) (secondary tables) is not supported");
            KeyColumn ref;
            if (!jc.referencedColumnName().isEmpty()) {
                ref = referencedColumn(where, target, jc.referencedColumnName(), key);
            } else if (anns.length == key.size()) {
                ref = key.get(i);
            } else {
                throw new JpaMappingException(where, "has " + anns.length + " join columns but the key of " + target.where()
                        + " has " + key.size() + " columns; give each @JoinColumn a referencedColumnName");
            }
            String logical = jc.name().isEmpty() ? prefix + "_" + Names.text(ref.logical()) : jc.name();
            SqlType type = jc.columnDefinition().isEmpty() ? ref.type() : ColumnDefinitions.type(jc.columnDefinition());
            out.add(new Ref(ColumnAnn.of(jc), Names.text(logical), names.physical(logical), type, ref.name()));
        }
        return out;
    }

    private KeyColumn referencedColumn(String where, EntityInfo target, String referenced, List<KeyColumn> key) {
        String physical = names.physical(referenced);
        for (KeyColumn k : key) {
            if (k.name().equals(physical) || k.logical().equals(Names.text(referenced))) return k;
        }
        TableAssembly.Slot s = target.table == null ? null : target.table.resolve(referenced);
        if (s == null) {
            String table = target.table == null ? target.where() : "table " + target.table.key();
            throw new JpaMappingException(where, "@JoinColumn(referencedColumnName = \"" + referenced + "\") names no column of " + table
                    + (target.table == null ? "" : " (it has " + target.table.columnNames() + ")"));
        }
        return new KeyColumn(s.logical(), s.column().name(), s.column().type());
    }

    /**
     * The table a foreign key to the entity refers to; none for a TABLE_PER_CLASS entity whose rows
     * are spread over several tables.
     */
    private static TableAssembly fkTarget(EntityInfo target) {
        if (target.strategy == InheritanceType.TABLE_PER_CLASS && (target.isAbstract() || target.hasSubclasses)) return null;
        return target.table;
    }

    private void foreignKey(TableAssembly from, List<String> cols, TableAssembly to, List<String> referred, jakarta.persistence.ForeignKey ann) {
        foreignKey(from, cols, to, referred, ann, null);
    }

    private void foreignKey(TableAssembly from, List<String> cols, TableAssembly to, List<String> referred,
                            jakarta.persistence.ForeignKey ann, ForeignKey.Action onDelete) {
        if (to == null || cols.isEmpty()) return;
        if (ann != null && ann.value() == ConstraintMode.NO_CONSTRAINT) return;
        String definition = ann == null ? "" : ann.foreignKeyDefinition();
        ForeignKey.Action delete = onDelete != null ? onDelete : action(ON_DELETE, definition);
        from.addForeignKey(ann == null ? null : ann.name(), cols, to, referred, delete, action(ON_UPDATE, definition));
    }

    /** The referential action a {@code foreignKeyDefinition} states, the only part of it Retort reads. */
    private static ForeignKey.Action action(Pattern pattern, String definition) {
        Matcher m = pattern.matcher(definition);
        return m.find() ? ForeignKey.Action.parse(m.group(1).replaceAll("\\s+", " ")) : ForeignKey.Action.NO_ACTION;
    }
}
