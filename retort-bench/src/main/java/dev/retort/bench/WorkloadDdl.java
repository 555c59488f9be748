package dev.retort.bench;

import dev.retort.MetaData;
import dev.retort.compare.CompareOptions;
import dev.retort.compare.Differ;
import dev.retort.spi.Dialect;
import dev.retort.operations.Operation;
import dev.retort.operations.SchemaOps;
import dev.retort.internal.revision.MigrationsDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

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

    /**
     * The workload written as {@code revisions} revision files (its operations split in order) in a
     * new temporary migrations directory, removed when the JVM exits. The schema's creation is left
     * out: the runner creates the tenant's schema.
     */
    public Path writeRevisions(int revisions) {
        List<Operation> ops = operations.stream().filter(op -> !(op instanceof SchemaOps.CreateSchema)).toList();
        try {
            Path dir = Files.createTempDirectory("retort-bench-migrations");
            dir.toFile().deleteOnExit();
            int per = (ops.size() + revisions - 1) / revisions;
            Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
            for (int r = 0; r * per < ops.size(); r++) {
                MigrationsDirectory.load(dir).create(revisions == 1 ? "workload" : "part " + r,
                        ops.subList(r * per, Math.min(ops.size(), (r + 1) * per)), t0.plusSeconds(60L * r));
            }
            // Registered after the directory, so deleted before it: a directory with files in it is not deleted.
            try (Stream<Path> files = Files.list(dir)) {
                files.forEach(f -> f.toFile().deleteOnExit());
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The statements for one tenant, in order, its schema's creation first. */
    public List<String> statements(String tenant) {
        List<String> out = new ArrayList<>();
        for (Operation op : operations) out.addAll(dialect.render(op, tenant));
        return out;
    }
}
