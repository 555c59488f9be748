package dev.retort.jpa;

import dev.retort.MetaData;
import dev.retort.api.Retort;
import dev.retort.api.RevisionResult;
import dev.retort.compare.CompareOptions;
import dev.retort.compare.Diff;
import dev.retort.compare.Differ;
import dev.retort.operations.Operation;
import dev.retort.postgres.PostgresDialect;
import dev.retort.testkit.TestDatabase;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One model created twice, each time in a fresh database: by Hibernate ORM's schema generation and by
 * Retort (the differ's operations against the empty database, rendered by the PostgreSQL dialect).
 * Both put schema-agnostic tables in the schema {@value #TENANT}; separate databases let entities
 * with a fixed schema ({@code @Table(schema = "registry")}) exist on both sides under the same name.
 */
final class ParityDatabases {
    static final String TENANT = "tenant";
    static final PostgresDialect DIALECT = new PostgresDialect();
    /** Hibernate reports every step at INFO, and warns of its built-in pool, which is all these tests need. */
    private static final Logger HIBERNATE_LOG = Logger.getLogger("org.hibernate");
    private static final Logger POOL_LOG = Logger.getLogger("org.hibernate.orm.connections.pooling");

    static {
        HIBERNATE_LOG.setLevel(Level.WARNING);
        POOL_LOG.setLevel(Level.SEVERE);
    }

    private ParityDatabases() {
    }

    /** Hibernate creates the corpus's schema in a new database, whose URL comes back. */
    static String byHibernate(TestDatabase db, ParityCorpus corpus) {
        String url = db.createDatabase("hibernate_" + corpus.name());
        Map<String, Object> settings = new HashMap<>();
        // the tenant first on the search path, as a schema-per-tenant application connects: Hibernate qualifies
        // its own DDL, but a hand-written foreignKeyDefinition names tables unqualified
        settings.put("jakarta.persistence.jdbc.url", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + TENANT);
        settings.put("hibernate.default_schema", TENANT);
        settings.put("jakarta.persistence.create-database-schemas", "true");
        settings.put("jakarta.persistence.schema-generation.database.action", "create");
        // a statement that fails must fail the test, not be logged and skipped
        settings.put("hibernate.hbm2ddl.halt_on_error", "true");
        if (corpus.naming() == NamingStrategy.SNAKE_CASE) {
            settings.put("hibernate.physical_naming_strategy", "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy");
            settings.put("hibernate.implicit_naming_strategy", SpringImplicitNaming.class.getName());
        }
        if (!corpus.fold()) settings.put("hibernate.globally_quoted_identifiers", "true");
        // Hibernate Validator is on the class path, so Hibernate applies Bean Validation to DDL unless told not to
        if (corpus.validation() == BeanValidation.NONE) settings.put("jakarta.persistence.validation.mode", "none");
        if (!corpus.validationGroups().isEmpty()) {
            settings.put("org.hibernate.validator.group.ddl",
                    String.join(",", corpus.validationGroups().stream().map(Class::getName).toList()));
        }
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder().applySettings(settings).build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            corpus.classes().forEach(sources::addAnnotatedClass);
            try (SessionFactory ignored = sources.buildMetadata().buildSessionFactory()) {
                // building the session factory ran the schema generation
            }
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
        return url;
    }

    /** Retort creates the corpus's model, bound to {@value #TENANT}, in a new database, whose URL comes back. */
    static String byRetort(TestDatabase db, ParityCorpus corpus) throws SQLException {
        String url = db.createDatabase("retort_" + corpus.name());
        MetaData model = corpus.read().withSchema(TENANT);
        MetaData empty = new MetaData();
        for (MetaData m : reflect(url)) {
            if (!m.tables().isEmpty() || !m.sequences().isEmpty()) throw new IllegalStateException("a new database is not empty: " + m);
        }
        Diff diff = Differ.compare(model, empty, CompareOptions.everySchema().withNormaliser(DIALECT.normaliser()).withCreateSchemas(true));
        try (Connection c = TestDatabase.dataSource(url).getConnection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                for (Operation op : diff.operations()) {
                    for (String sql : DIALECT.render(op, null)) st.execute(sql);
                }
            }
            c.commit();
        }
        return url;
    }

    /**
     * What {@code revision --autogenerate} writes for the schema {@value #TENANT} of a database, through
     * Retort's facade as the command line calls it: one line per operation ({@code Operation.describe()}),
     * none when it writes nothing.
     */
    static List<String> autogenerate(String url, ParityCorpus corpus, Path migrations) {
        Retort retort = Retort.configure().dataSource(TestDatabase.dataSource(url)).dialect(DIALECT).migrations(migrations)
                .model(corpus::read).load();
        RevisionResult result = retort.revision("match the model", true, TENANT, false);
        return result.written().map(r -> r.upgrade().stream().map(Operation::describe).toList()).orElse(List.of());
    }

    /**
     * Drops a database made here once its test is done, so that the embedded server's data directory,
     * which it deletes when the test JVM exits, stays small.
     */
    static void drop(TestDatabase db, String url) {
        String path = url.substring(url.indexOf('/', url.indexOf("//") + 2) + 1);
        String name = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        db.execute("DROP DATABASE IF EXISTS " + DIALECT.quote(name) + " WITH (FORCE)");
    }

    /** Every schema of the database that is not the system's. */
    private static Collection<MetaData> reflect(String url) throws SQLException {
        try (Connection c = TestDatabase.dataSource(url).getConnection()) {
            List<String> schemas = DIALECT.existingSchemas(c);
            return DIALECT.reflect(c, schemas).values();
        }
    }
}
