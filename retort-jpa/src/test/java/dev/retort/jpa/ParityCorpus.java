package dev.retort.jpa;

import dev.retort.MetaData;

import java.util.List;
import java.util.Set;

/**
 * Entity classes the tests read, compared with what Hibernate ORM makes of them.
 *
 * @param classes             every entity (and auto-applied converter): Hibernate, unlike Retort, does
 *                            not follow relationships to entities it was not given
 * @param allowedDifferences  the differences {@link SchemaShape#differences} must report, exactly:
 *                            each a deliberate one that docs/jpa.md lists with its reason
 */
record ParityCorpus(String name, NamingStrategy naming, boolean fold, List<Class<?>> classes, Set<String> allowedDifferences) {

    static ParityCorpus of(String name, Class<?>... classes) {
        return new ParityCorpus(name, NamingStrategy.JPA_DEFAULT, true, List.of(classes), Set.of());
    }

    ParityCorpus naming(NamingStrategy strategy, boolean foldNames) {
        return new ParityCorpus(name, strategy, foldNames, classes, allowedDifferences);
    }

    ParityCorpus allowing(String... differences) {
        return new ParityCorpus(name, naming, fold, classes, Set.of(differences));
    }

    MetaData read() {
        return JpaModel.builder().namingStrategy(naming).foldUnquotedNames(fold).entities(classes).build();
    }

    @Override
    public String toString() {
        return name;
    }
}
