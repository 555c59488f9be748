package dev.retort.bench;

import dev.retort.MetaData;
import dev.retort.compare.CompareOptions;
import dev.retort.compare.Differ;
import dev.retort.dialect.Dialect;
import dev.retort.operations.Operation;

import java.util.ArrayList;
import java.util.List;

/**
 * The workload's revision as the differ makes it: the operations that take an empty schema to
 * {@link WorkloadModel#of} N tables, schema creation included, made schema-agnostic so that each
 * tenant gets them bound to its own schema by the dialect.
 */
public final class WorkloadDdl {
    /** The schema the model is compared in before the operations are unbound from it. */
    private static final String PLACEHOLDER = "bench_placeholder";

    private final Dialect dialect;
    private final List<Operation> operations;

    private WorkloadDdl(Dialect dialect, List<Operation> operations) {
        this.dialect = dialect;
        this.operations = operations;
    }

    public static WorkloadDdl of(int tables, Dialect dialect) {
        MetaData model = WorkloadModel.of(tables).withSchema(PLACEHOLDER);
        CompareOptions options = CompareOptions.managing(PLACEHOLDER).withNormaliser(dialect.normaliser()).withCreateSchemas(true);
        List<Operation> agnostic = Differ.compare(model, new MetaData(), options).rebind(PLACEHOLDER, null).operations();
        return new WorkloadDdl(dialect, agnostic);
    }

    public List<Operation> operations() {
        return operations;
    }

    /** The statements for one tenant, in order, its schema's creation first. */
    public List<String> statements(String tenant) {
        List<String> out = new ArrayList<>();
        for (Operation op : operations) out.addAll(dialect.render(op, tenant));
        return out;
    }
}
