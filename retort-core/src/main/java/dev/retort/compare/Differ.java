package dev.retort.compare;

import dev.retort.ForeignKey;
import dev.retort.MetaData;
import dev.retort.Sequence;
import dev.retort.SqlType;
import dev.retort.Table;
import dev.retort.operations.Operation;
import dev.retort.operations.SchemaOps.CreateSchema;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Autogenerate: the operations that make a database match a model.
 *
 * <pre>{@code
 * MetaData model = shared.withSchema("tenant_a");          // the model, bound to the tenant
 * MetaData database = ...;                                  // what reflection read from tenant_a
 * CompareOptions options = CompareOptions.managing("tenant_a").withNormaliser(dialectNormaliser);
 * Diff diff = Differ.compare(model, database, options);
 * List<Operation> agnostic = diff.rebind("tenant_a", null).operations();   // for a revision file
 * }</pre>
 *
 * Both sides are MetaData of the same kind: the model bound to the target schemas, and what reflection
 * read from them (tables keyed {@code schema.name}, names as the database has them, serial columns as
 * auto-increment without a default). The differ is pure: it reads no database and changes neither
 * argument. docs/compare.md describes what it detects and how it orders the result.
 */
public final class Differ {
    private Differ() {
    }

    /** Compares with {@link CompareOptions#forModel}: the model's default schema managed, texts compared literally. */
    public static Diff compare(MetaData model, MetaData database) {
        return compare(model, database, CompareOptions.forModel(model));
    }

    /**
     * @throws IllegalArgumentException naming the table when the model contradicts itself: two objects
     *                                  renamed from one name, or a foreign key into a managed table the
     *                                  model leaves out, which the diff would drop
     */
    public static Diff compare(MetaData model, MetaData database, CompareOptions options) {
        Scope scope = new Scope(model, database, options);
        Plan plan = new Plan();
        if (options.createSchemas()) createSchemas(model, database, options, plan);
        List<Operation> renames = Renames.apply(scope);
        plan.addAll(Plan.Phase.RENAMES, renames);
        checkReferences(scope);
        Map<String, Sequence> adopted = SequenceDiff.adopt(model, database, scope);
        TableChanges changes = Tables.diff(scope, plan);
        EnumDiff.diff(model, database, scope, plan);
        SequenceDiff.diff(model, database, scope, plan, adopted);
        DomainDiff.diff(model, database, scope, plan);
        ProgramDiff.diff(model, database, scope, plan, changes, renames);
        return new Diff(plan.operations());
    }

    /** Managed schemas the model puts something in while the database has nothing there. */
    private static void createSchemas(MetaData model, MetaData database, CompareOptions options, Plan plan) {
        Set<String> wanted = schemasUsed(model, options);
        wanted.removeAll(schemasUsed(database, options));
        wanted.forEach(s -> plan.add(Plan.Phase.CREATE_SCHEMAS, new CreateSchema(s)));
    }

    private static Set<String> schemasUsed(MetaData md, CompareOptions options) {
        Set<String> out = new LinkedHashSet<>();
        md.tables().values().stream().map(Table::schema).forEach(out::add);
        md.enums().stream().map(SqlType.Enum::schema).forEach(out::add);
        md.sequences().values().stream().map(Sequence::schema).forEach(out::add);
        md.domains().values().forEach(d -> out.add(d.schema()));
        md.views().values().forEach(v -> out.add(v.schema()));
        md.routines().values().forEach(r -> out.add(r.schema()));
        out.removeIf(s -> s == null || !options.manages(s));
        return out;
    }

    /**
     * A foreign key of the model into a managed table that the model lacks and the database has would
     * have its target dropped under it: the model is incomplete, and saying so beats a failing migration.
     */
    private static void checkReferences(Scope scope) {
        if (!scope.options.includeDrops()) return;
        for (Table t : scope.model.values()) {
            for (ForeignKey fk : t.foreignKeys()) {
                String target = fk.referredKey();
                if (!scope.model.containsKey(target) && scope.database.containsKey(target)) {
                    throw new IllegalArgumentException("table " + t.key() + ": foreign key " + fk.name() + " refers to table "
                            + target + ", which the model does not define, so the diff would drop it");
                }
            }
        }
    }
}
