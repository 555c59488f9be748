package dev.retort.jpa;

import dev.retort.MetaData;
import dev.retort.NamingConvention;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Jakarta Persistence entities as a Retort model source:
 *
 * <pre>{@code
 * MetaData model = JpaModel.builder()
 *     .namingStrategy(NamingStrategy.SNAKE_CASE)      // as Spring Boot names things
 *     .scanPackage("com.acme.model")
 *     .build();
 * MetaData tenantA = model.withSchema("tenant_a");
 * }</pre>
 *
 * Only the annotations are read (no persistence provider runs). Entities without
 * {@code @Table(schema)} give schema-agnostic tables that bind to any tenant; entities with a schema
 * stay in it. Unnamed constraints and indexes are named by the {@link NamingConvention}. See
 * {@code docs/jpa.md} for the whole mapping.
 */
public final class JpaModel {
    private JpaModel() {
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Reads the given classes with the defaults: {@link NamingStrategy#JPA_DEFAULT}, names folded, {@link NamingConvention#DEFAULT}. */
    public static MetaData of(Class<?>... classes) {
        return builder().entities(classes).build();
    }

    public static final class Builder {
        private NamingStrategy namingStrategy = NamingStrategy.JPA_DEFAULT;
        private boolean foldUnquotedNames = true;
        private NamingConvention namingConvention = NamingConvention.DEFAULT;
        private boolean enumChecks = true;
        private BeanValidation validation = BeanValidation.HIBERNATE;
        private Set<String> validationGroups = Set.of(Validation.DEFAULT_GROUP);
        private final Set<Class<?>> classes = new LinkedHashSet<>();
        private final List<Object[]> packages = new ArrayList<>();

        private Builder() {
        }

        public Builder namingStrategy(NamingStrategy strategy) {
            this.namingStrategy = Objects.requireNonNull(strategy, "naming strategy");
            return this;
        }

        /**
         * Whether unquoted names are folded to lower case, as PostgreSQL does with the unquoted DDL and
         * queries of Hibernate ORM (default true). Turn it off only when the database was made with
         * quoted identifiers ({@code hibernate.globally_quoted_identifiers}).
         */
        public Builder foldUnquotedNames(boolean fold) {
            this.foldUnquotedNames = fold;
            return this;
        }

        /** Names for constraints and indexes the annotations leave unnamed. */
        public Builder namingConvention(NamingConvention convention) {
            this.namingConvention = Objects.requireNonNull(convention, "naming convention");
            return this;
        }

        /**
         * Whether columns get the value checks Hibernate ORM 6+ gives them: enums
         * ({@code status in ('DRAFT','SENT')}, {@code kind between 0 and 2}), converted booleans
         * ({@code active in ('N','Y')}) and discriminators ({@code dtype in ('Cat','Dog')}); default true.
         */
        public Builder enumCheckConstraints(boolean checks) {
            this.enumChecks = checks;
            return this;
        }

        /**
         * Whether Bean Validation constraints shape columns as Hibernate ORM applies them when Hibernate
         * Validator is present ({@link BeanValidation#HIBERNATE}, the default), or not at all
         * ({@link BeanValidation#NONE}, for applications without a validator).
         */
        public Builder beanValidation(BeanValidation beanValidation) {
            this.validation = Objects.requireNonNull(beanValidation, "bean validation");
            return this;
        }

        /**
         * The validation groups whose constraints shape columns, as Hibernate ORM's setting
         * {@code org.hibernate.validator.group.ddl} names them; default {@code jakarta.validation.groups.Default}. A constraint that names no group
         * is in {@code Default}. No groups: no constraint counts.
         */
        public Builder validationGroups(Class<?>... groups) {
            Set<String> names = new LinkedHashSet<>();
            for (Class<?> g : groups) names.add(Objects.requireNonNull(g, "validation group").getName());
            this.validationGroups = names;
            return this;
        }

        /**
         * Entity classes to read, and any auto-applied {@code @Converter} classes they need. Entities the
         * given ones refer to, and their entity superclasses, are read too.
         */
        public Builder entities(Class<?>... entityClasses) {
            for (Class<?> c : entityClasses) classes.add(Objects.requireNonNull(c, "entity class"));
            return this;
        }

        public Builder entities(Collection<Class<?>> entityClasses) {
            entityClasses.forEach(this::entities);
            return this;
        }

        /** Auto-applied converters ({@code @Converter(autoApply = true)}) for the entities given. */
        public Builder converters(Class<?>... converterClasses) {
            return entities(converterClasses);
        }

        /**
         * Every entity and auto-applied converter in a package and its subpackages, as the class
         * loader sees them in directories and jar files; classes in name order.
         */
        public Builder scanPackage(String packageName, ClassLoader loader) {
            packages.add(new Object[] {Objects.requireNonNull(packageName, "package"), Objects.requireNonNull(loader, "class loader")});
            return this;
        }

        /** {@link #scanPackage(String, ClassLoader)} with the thread's context class loader. */
        public Builder scanPackage(String packageName) {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            return scanPackage(packageName, loader != null ? loader : JpaModel.class.getClassLoader());
        }

        /**
         * Reads the classes into a new MetaData without a default schema.
         *
         * @throws JpaMappingException naming the class and attribute of a mapping Retort cannot read
         */
        public MetaData build() {
            List<Class<?>> all = new ArrayList<>(classes);
            for (Object[] p : packages) {
                for (Class<?> c : ClassScanner.scan((String) p[0], (ClassLoader) p[1])) {
                    if (!all.contains(c)) all.add(c);
                }
            }
            return new ModelReader(new Names(namingStrategy, foldUnquotedNames), namingConvention, enumChecks,
                    new Validation(validation, validationGroups)).read(all);
        }
    }
}
