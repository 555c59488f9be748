package dev.retort.jpa;

import dev.retort.NamingConvention;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Table;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tables of the model while they are assembled, by qualified name, and which table each entity
 * is stored in: its own, its SINGLE_TABLE root's, or none for an abstract TABLE_PER_CLASS entity.
 */
final class Tables {
    private final Names names;
    private final NamingConvention convention;
    private final Map<String, TableAssembly> tables = new LinkedHashMap<>();

    Tables(Names names, NamingConvention convention) {
        this.names = names;
        this.convention = convention;
    }

    Collection<TableAssembly> all() {
        return tables.values();
    }

    /** The table of that name, made on first use: several mappings may add to one table. */
    TableAssembly table(String schema, String name, String origin) {
        return tables.computeIfAbsent(key(schema, name), k -> new TableAssembly(names, convention, schema, name, origin));
    }

    /** A join or collection table: its name must be its own. */
    TableAssembly newTable(String schema, String name, String origin) {
        TableAssembly existing = tables.get(key(schema, name));
        if (existing != null) {
            throw new JpaMappingException(origin, "table " + key(schema, name) + " is already mapped by " + existing.origin()
                    + "; give this join or collection table another name");
        }
        return table(schema, name, origin);
    }

    private static String key(String schema, String name) {
        return schema == null ? name : schema + "." + name;
    }

    /** Gives the entity its table (roots before subclasses), with what {@code @Table} says of it. */
    void assign(EntityInfo e) {
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
            }
        }
        if (t != null && e.table != null) {
            e.table.comment(t.comment(), e.where());
            TableAnnotations.apply(e.table, t.uniqueConstraints(), t.indexes(), t.check(), e.where());
        }
    }
}
