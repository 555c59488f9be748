package dev.retort.jpa;

import dev.retort.MetaData;
import dev.retort.NamingConvention;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;

import java.util.List;

/**
 * Reads entity classes into a MetaData in two passes: the first gives every entity its table, key and
 * plain columns; the second adds what refers to other entities (foreign-key columns, join tables,
 * collection tables), which needs every key and column in place.
 */
final class ModelReader {
    private final Names names;
    private final NamingConvention convention;
    private final boolean enumChecks;
    private final Validation validation;

    ModelReader(Names names, NamingConvention convention, boolean enumChecks, Validation validation) {
        this.names = names;
        this.convention = convention;
        this.enumChecks = enumChecks;
        this.validation = validation;
    }

    MetaData read(List<Class<?>> classes) {
        Converters converters = new Converters(classes);
        Entities entities = new Entities(classes.stream().filter(c -> c.isAnnotationPresent(Entity.class)).toList());
        Tables tables = new Tables(names, convention);
        IdGeneration generation = new IdGeneration(names, tables, entities.all());
        BasicColumns basics = new BasicColumns(names, converters, enumChecks, validation);
        JoinColumns joinColumns = new JoinColumns(names);
        Keys keys = new Keys(names, entities, basics, joinColumns, generation);
        EntityColumns entityColumns = new EntityColumns(names, keys, basics);
        CollectionColumns collectionColumns = new CollectionColumns(names, basics);
        Relationships relationships = new Relationships(names, entities, tables, keys, joinColumns, collectionColumns);
        ElementCollections elementCollections = new ElementCollections(names, tables, keys, joinColumns, basics, entityColumns, collectionColumns);

        entities.all().forEach(tables::assign);
        entities.all().forEach(entityColumns::read);
        List<RelationSite> sites = entityColumns.sites();
        // embeddables in collection tables may add sites while these are mapped
        for (int i = 0; i < sites.size(); i++) {
            RelationSite s = sites.get(i);
            if (s.attribute().has(ElementCollection.class)) elementCollections.map(s);
            else relationships.map(s);
        }
        Discriminator.addChecks(entities.all(), names, enumChecks);
        return assemble(tables, generation);
    }

    private MetaData assemble(Tables tables, IdGeneration generation) {
        MetaData metadata = new MetaData(null, convention);
        for (TableAssembly t : tables.all()) {
            try {
                metadata.add(t.build());
            } catch (JpaMappingException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new JpaMappingException(t.origin(), e.getMessage());
            }
        }
        generation.sequences().forEach(metadata::addSequence);
        return metadata;
    }
}
