package dev.retort.spi;

import dev.retort.Column;
import dev.retort.SqlType;
import dev.retort.Table;
import dev.retort.api.Database;
import dev.retort.api.DatabaseException;
import dev.retort.MetaData;
import dev.retort.compare.Canonical;
import dev.retort.compare.Normaliser;
import dev.retort.operations.Operation;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Everything Retort needs to know about one kind of database, and the only place such knowledge
 * lives: the model, the operations and the differ stay portable. Implementations are stateless and
 * registered for {@link java.util.ServiceLoader} so that {@link Dialects} can pick one from a JDBC URL.
 */
public interface Dialect {

    /** A short lower-case name, e.g. {@code postgresql}. */
    String name();

    /** True when this dialect talks to the database a JDBC URL points at. */
    boolean acceptsUrl(String jdbcUrl);

    /**
     * The one routine that turns a name into SQL. Every identifier that reaches a statement goes
     * through it, whatever its case or content.
     *
     * @throws IllegalArgumentException when the database cannot hold the name at all
     */
    String quote(String identifier);

    /** {@code "schema"."name"}, or just {@code "name"} when schema is null. */
    default String qualify(String schema, String name) {
        return schema == null ? quote(name) : quote(schema) + "." + quote(name);
    }

    /**
     * Reads the given schemas into one MetaData each (keyed by schema name; a schema that does not
     * exist maps to an empty MetaData). Implementations issue a fixed number of queries whatever the
     * number of schemas and tables, so reflecting a thousand tenants costs about as much as one.
     */
    Map<String, MetaData> reflect(Connection connection, Collection<String> schemas) throws SQLException;

    /**
     * The statements that carry out one operation, in order. An operation that names no schema is bound
     * to {@code targetSchema} first ({@code op.rebind(null, targetSchema)}); {@code ${schema}} in hand-written
     * SQL becomes the quoted target schema.
     *
     * @param targetSchema the tenant schema, or null to leave unbound names unqualified
     * @throws IllegalArgumentException naming the object when the operation cannot be expressed
     */
    List<String> render(Operation operation, String targetSchema);

    /**
     * Refuses text that is not exactly one statement by this database's lexical rules (a trailing
     * semicolon allowed). Text from outside Retort (an operator's tenant query, hand-written SQL in a
     * revision) passes through it, since a JDBC driver would otherwise run every statement it holds.
     *
     * @throws IllegalArgumentException when the text holds more than one statement, or none
     */
    void requireOneStatement(String sql);

    /**
     * The objects of each schema of kinds Retort does not manage (a domain, a rule, an exclusion
     * constraint, an extension), so that a comparison can say they are there rather than pass over them:
     * for each schema, the objects by kind and name ({@code "domain posint"}, {@code "rule r on t"}),
     * each with its definition as the database prints it without the schema's own name (null when it
     * has none to compare). A fixed number of statements whatever the number of schemas. None by default.
     */
    default Map<String, Map<String, String>> unmanagedObjects(Connection connection, Collection<String> schemas) throws SQLException {
        Map<String, Map<String, String>> out = new java.util.LinkedHashMap<>();
        for (String s : schemas) out.put(s, Map.of());
        return out;
    }

    /** How this database rewrites defaults and expressions, for comparison. */
    Normaliser normaliser();

    /**
     * The model's views, routines, triggers and policies as this database prints them back, so that the
     * differ compares them with what reflection read in one form ({@link Canonical}). The default cannot
     * ask the database, and says to compare through the normaliser.
     *
     * @param model a model bound to {@code schema}
     * @throws IllegalArgumentException naming an object whose definition the database refuses
     */
    default Canonical canonical(Connection connection, MetaData model, String schema) throws SQLException {
        return Canonical.APPROXIMATE;
    }

    // What a schema change costs on a table that has rows, for `retort lint`. The defaults assume the
    // worst, so a dialect that says nothing gets every warning.

    /**
     * Whether changing a column's type rewrites the table (and rebuilds its indexes) while holding a
     * lock that blocks reads and writes. True by default for any change.
     */
    default boolean typeChangeRewrites(SqlType from, SqlType to) {
        return !from.equals(to);
    }

    /**
     * Whether a column's values go through a conversion that can refuse some of them: one the database
     * does not make on its own, so the change needs an expression ({@code using}) or fails on values
     * that do not convert. True by default for any change.
     */
    default boolean typeChangeNeedsCast(SqlType from, SqlType to) {
        return !from.equals(to);
    }

    /**
     * Whether adding this column to a table that has rows rewrites the table under an exclusive lock
     * (a default computed per row, say). True by default when it has a default, an identity, a
     * sequence or a generated value.
     */
    default boolean addColumnRewrites(Column column) {
        return column.serverDefault() != null || column.identity() != null || column.autoIncrement() || column.computed() != null;
    }

    /**
     * Whether creating or dropping an index on a table blocks writes to it until the index is built
     * or gone, as a plain {@code CREATE INDEX} does. True by default.
     */
    default boolean indexChangeBlocksWrites() {
        return true;
    }

    /**
     * The sizes of the named tables in each of the given schemas, by schema then table; a table that
     * does not exist is left out. Implementations issue a fixed number of queries whatever the number of
     * schemas and tables. The default knows nothing (an empty map).
     */
    default Map<String, Map<String, TableSize>> tableSizes(Connection connection, Collection<String> schemas,
                                                           Collection<String> tables) throws SQLException {
        return Map.of();
    }

    /**
     * Statements run first in each of a run's transactions bounding how long each of its statements may
     * wait for a lock ({@code lockTimeout}, zero for no bound) and run ({@code statementTimeout}, zero for
     * no bound, null to leave the session's own), for that transaction only. None by default: the database's own settings apply.
     */
    default List<String> transactionTimeouts(Duration lockTimeout, Duration statementTimeout) {
        return List.of();
    }

    /** Whether a statement failed because it waited longer than the lock timeout of {@link #transactionTimeouts}. */
    default boolean lockTimedOut(SQLException failure) {
        return false;
    }

    /**
     * The sessions now holding locks on tables of {@code schema}, other than this connection's, on one
     * line (each with what identifies it, its state, since when, the start of its query), for the message
     * of a run that gave up waiting; null when there are none or the database cannot say.
     */
    default String lockHolders(Connection connection, String schema) throws SQLException {
        return null;
    }

    /**
     * What an index of {@code schema} is: missing, valid, or left invalid by a build or a drop done
     * concurrently that failed or was killed part way. Null when the dialect cannot say, and the runner
     * then runs a step outside a transaction as written.
     */
    default IndexState indexState(Connection connection, String schema, String index) throws SQLException {
        return null;
    }

    /** What {@link #indexState} finds. */
    enum IndexState { MISSING, VALID, INVALID }

    /**
     * Statements placing a statement run outside any transaction (an index built concurrently) as
     * {@link #transactionTimeouts} and {@link #useSchema} place those of a transaction, for the session:
     * they outlast the statement, so the runner first reads {@link #sessionRestore} and runs it after.
     */
    default List<String> sessionSettings(String schema, Duration lockTimeout, Duration statementTimeout) {
        return List.of();
    }

    /** Statements bringing the settings {@link #sessionSettings} changes back to what the session has now. */
    default List<String> sessionRestore(Connection connection) throws SQLException {
        return List.of();
    }

    /** True when DDL takes part in transactions, so a failed revision leaves nothing behind. */
    boolean transactionalDdl();

    /**
     * Statements run first in each revision's transaction so that names the revision leaves
     * unqualified in expressions ({@code nextval('seq')}, a cast to an enum type, a function) resolve in
     * the schema being migrated. They must last only until the transaction ends. None by default.
     */
    default List<String> useSchema(String schema) {
        return List.of();
    }

    /**
     * Statements that make the names a script leaves unqualified resolve in {@code schema} until the
     * script ends, outside any transaction: the first lines of a diff's SQL, whose expressions were read
     * from another schema and name its types and sequences without a schema. None by default.
     */
    default List<String> useSchemaInScript(String schema) {
        return List.of();
    }

    /**
     * The operations of one transaction, in order, whose effect the others cannot use until they are
     * committed (PostgreSQL refuses a new enum value in the transaction that added it). The runner and
     * the scripts run them in a transaction of their own before the rest, so each must be rendered so
     * that running it again changes nothing: a retry after a later failure finds it done. None by
     * default.
     */
    default List<Operation> commitFirst(List<Operation> operations) {
        return List.of();
    }

    /** A statement creating the schema unless it exists, for scripts that cannot look first. */
    String createSchemaIfNotExists(String schema);

    /**
     * A statement creating one of Retort's own tables (the version and failure tables: columns and a
     * primary key, no indexes, no comments) in {@code schema} unless it exists, for scripts that cannot
     * look first and for runners that race to create it.
     */
    String createTableIfNotExists(Table table, String schema);

    /**
     * Whether a schema belongs to the database itself (its catalog, its information schema, temporary
     * and toast schemas). Retort refuses to work in one wherever a schema is named.
     */
    boolean isSystemSchema(String schema);

    /**
     * Prepares a connection that will read many small tables in one statement: Retort's version and
     * failure tables of a few hundred tenants, as one {@code UNION ALL}. Called on a connection Retort
     * opened for the read and closes when it is done (the survey's own pool), so a dialect may change
     * session settings without restoring them. Nothing by default.
     */
    default void prepareBulkRead(Connection connection) throws SQLException {
    }

    /**
     * A statement renaming a schema, or null when the database cannot rename one: then there is no
     * warm pool, whose schemas become tenants by a rename (docs/provisioning.md). The objects inside
     * must follow the schema wherever the database refers to them by identity rather than by name.
     */
    default String renameSchema(String from, String to) {
        return null;
    }

    /**
     * The objects of {@code schema} whose stored text names the schema itself (a routine's body or
     * settings, a trigger's arguments, a comment), one description each: after a rename they would
     * still name the old schema, so a pool schema holding any is not made a tenant by renaming it.
     */
    default List<String> objectsNamingSchema(Connection connection, String schema) throws SQLException {
        return List.of();
    }

    /** The names of the schemas a user could migrate: system schemas left out. */
    List<String> existingSchemas(Connection connection) throws SQLException;

    /**
     * Whether one schema exists. The default lists them all; dialects override it with a lookup of the
     * one name, since a runner asks once per tenant and a database may hold tens of thousands.
     */
    default boolean schemaExists(Connection connection, String schema) throws SQLException {
        return existingSchemas(connection).contains(schema);
    }

    /**
     * Whether a schema holds no object of any kind (tables, views, sequences, types, functions,
     * operators, ...) but the given tables of Retort's own and what belongs to them: what "empty"
     * means when a tenant is created in a schema that already exists. The default asks the
     * reflector, which sees only the kinds Retort manages; dialects ask their catalog for everything.
     */
    default boolean schemaIsEmpty(Connection connection, String schema, Collection<String> ownTables) throws SQLException {
        MetaData found = reflect(connection, List.of(schema)).get(schema);
        return found == null || (found.tables().values().stream().allMatch(t -> ownTables.contains(t.name()))
                && found.sequences().isEmpty() && found.enums().isEmpty());
    }

    /**
     * Waits up to {@code timeout} for the exclusive migration lock of one schema's version table, held
     * by the connection's session until {@link #unlockSchema}. Two runners on one schema serialise;
     * runners on different schemas do not wait for each other.
     *
     * @throws SQLException when the lock is not granted in time ({@link #lockNotGranted} says which), or
     *                      the database fails
     */
    void lockSchema(Connection connection, String schema, String versionTable, Duration timeout) throws SQLException;

    /** Whether a failure of {@link #lockSchema} means that another runner held the lock past the timeout. */
    boolean lockNotGranted(SQLException failure);

    /**
     * What to do about a failed statement when the database's own message does not say (a transaction
     * that ran out of lock slots, say), on one line; null when the message is advice enough.
     */
    default String advice(SQLException failure) {
        return null;
    }

    /** Releases what {@link #lockSchema} took; harmless when the lock is not held. */
    void unlockSchema(Connection connection, String schema, String versionTable) throws SQLException;

    /**
     * Opens a connection, turning the driver's failures (unreachable server, wrong credentials, missing
     * database) into a one-line {@link DatabaseException} that never shows a password.
     */
    Connection connect(Database database);
}
