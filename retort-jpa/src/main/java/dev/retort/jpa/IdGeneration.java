package dev.retort.jpa;

import dev.retort.Column;
import dev.retort.Identity;
import dev.retort.Sequence;
import dev.retort.Types;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.TableGenerator;

import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code @GeneratedValue} adds to the schema, as Hibernate ORM 6/7 does on PostgreSQL: an
 * identity column, a sequence, or a generator table.
 */
final class IdGeneration {
    private final Names names;
    private final Tables tables;
    private final Generators generators = new Generators();
    private final Map<String, Sequence> sequences = new LinkedHashMap<>();
    private final Map<String, String> sequenceOrigins = new HashMap<>();
    private final Set<String> generatorTables = new HashSet<>();

    /** Reads the named generators every class of the entities' hierarchies declares. */
    IdGeneration(Names names, Tables tables, Collection<EntityInfo> entities) {
        this.names = names;
        this.tables = tables;
        for (EntityInfo e : entities) e.allClasses.forEach(generators::collect);
    }

    /** The sequences the model's generators use, in the order they were met. */
    Collection<Sequence> sequences() {
        return sequences.values();
    }

    /** The identifier column with its generation applied; sequences and generator tables are added on the way. */
    Column apply(EntityInfo e, Attribute id, Column column) {
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
        Generators.Found<TableGenerator> tg = generator.isEmpty() ? null : generators.table(generator, e.allClasses);
        if (strategy == GenerationType.TABLE || tg != null) {
            tableGenerator(tg == null ? local(id, e, TableGenerator.class) : tg.annotation(), e, id);
            return column;
        }
        if (!numeric) {
            if (strategy == GenerationType.AUTO) return column;
            throw new JpaMappingException(id.where(), "SEQUENCE generation needs an integral type, not " + id.type().getSimpleName());
        }
        sequence(e, id, generator);
        return column;
    }

    private static boolean integral(Class<?> t) {
        return t == Long.class || t == long.class || t == Integer.class || t == int.class || t == Short.class
                || t == short.class || t == BigInteger.class || t == BigDecimal.class;
    }

    /**
     * The sequence of SEQUENCE or AUTO generation: declared, named only, or Hibernate's implicit
     * {@code <root table>_SEQ}. Unless {@code @SequenceGenerator(schema)} says otherwise it has no
     * schema, whatever its table's: Hibernate looks for it in the default schema.
     */
    private void sequence(EntityInfo e, Attribute id, String generator) {
        Generators.Found<SequenceGenerator> found = generator.isEmpty() ? null : generators.sequence(generator, e.allClasses);
        SequenceGenerator g = found != null ? found.annotation() : generator.isEmpty() ? local(id, e, SequenceGenerator.class) : null;
        String implicit = names.physical(names.unfolded(e.root.tableLogical) + "_SEQ");
        String name;
        String schema = null;
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
    }

    /** A generator without a name (Jakarta Persistence 3.2), on the attribute or the class declaring it. */
    private static <A extends Annotation> A local(Attribute id, EntityInfo e, Class<A> type) {
        A onAttribute = id.get(type);
        if (onAttribute != null) return onAttribute;
        A onDeclaring = id.declaringClass().getAnnotation(type);
        if (onDeclaring != null) return onDeclaring;
        return e.type.getAnnotation(type);
    }

    /** The table behind TABLE generation: a row per generator, keyed by its name; in the default schema unless the generator names one. */
    private void tableGenerator(TableGenerator g, EntityInfo e, Attribute id) {
        String table = names.physical(g == null || g.table().isEmpty() ? "hibernate_sequences" : g.table());
        String schema = g == null || g.schema().isEmpty() ? null : names.physical(g.schema());
        String pkLogical = g == null || g.pkColumnName().isEmpty() ? "sequence_name" : g.pkColumnName();
        String valueLogical = g == null || g.valueColumnName().isEmpty() ? "next_val" : g.valueColumnName();
        String key = (schema == null ? "" : schema + ".") + table + "(" + names.physical(pkLogical) + "," + names.physical(valueLogical) + ")";
        if (!generatorTables.add(key)) return;
        TableAssembly t = tables.table(schema, table, id.where());
        t.addColumn(Column.of(names.physical(pkLogical), Types.varchar(255)).withNullable(false), pkLogical, id.where(), TableGenerator.class, false);
        t.addColumn(Column.of(names.physical(valueLogical), Types.BIGINT), valueLogical, id.where(), TableGenerator.class, false);
        t.setPrimaryKey(List.of(names.physical(pkLogical)), id.where());
    }
}
