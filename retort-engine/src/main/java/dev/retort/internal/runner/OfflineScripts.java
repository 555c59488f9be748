package dev.retort.internal.runner;

import dev.retort.api.DdlTimeouts;
import dev.retort.api.SqlScript;
import dev.retort.internal.revision.RevisionReader;
import dev.retort.spi.Dialect;
import dev.retort.revision.Revision;
import dev.retort.revision.RevisionException;
import dev.retort.internal.revision.RevisionGraph;
import dev.retort.internal.version.VersionTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Offline mode: the SQL an upgrade or downgrade would run, for a schema, without a database. The
 * schema's state is not read but given, as Alembic's {@code start:end}: {@code head} upgrades from
 * base, {@code ab12:head} from revision ab12; a downgrade starts from the graph's heads unless told
 * otherwise ({@code head:base}).
 */
public final class OfflineScripts {
    private final Dialect dialect;
    private final VersionTable table;

    private DdlTimeouts ddl = DdlTimeouts.DEFAULTS;
    private Function<String, RevisionReader.Read> files = id -> null;

    public OfflineScripts(Dialect dialect, String versionTable) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.table = new VersionTable(dialect, versionTable);
    }

    /** The timeouts written at the start of each transaction, as {@link Runner#ddl} sets them. */
    public OfflineScripts ddl(DdlTimeouts defaults, Function<String, RevisionReader.Read> revisionFiles) {
        this.ddl = Objects.requireNonNull(defaults, "DDL timeouts");
        this.files = Objects.requireNonNull(revisionFiles, "files");
        return this;
    }

    /**
     * @param range {@code TARGET} (from base) or {@code FROM:TARGET}
     */
    public SqlScript upgrade(RevisionGraph graph, String range, String schema) {
        Range r = Range.parse(range, "base");
        Set<String> from = graph.resolve(r.from());
        List<String> heads = graph.headsOf(from);
        List<Revision> path = graph.upgradePathTo(heads, graph.resolve(r.to(), heads));
        AppliedSet applied = new AppliedSet(graph, table, schema, heads);
        List<SqlScript.Block> blocks = new ArrayList<>();
        // From base the schema is taken to be new: create it and the version table unless they exist.
        List<String> prelude = new ArrayList<>();
        if (from.isEmpty()) {
            prelude.add(dialect.createSchemaIfNotExists(schema));
            prelude.addAll(table.createIfNotExists(schema));
        }
        for (Revision rev : path) {
            List<RenderedOp> ops = RenderedOp.upgrade(dialect, rev, schema);
            blocks.addAll(blocks(rev, ops, prelude, schema, () -> applied.upgrade(rev, null)));
            prelude = List.of();
        }
        if (!prelude.isEmpty()) blocks.add(new SqlScript.Block(List.of("the version table"), dialect.transactionalDdl(), prelude));
        return new SqlScript(schema, header("upgrade", schema, heads, applied.heads(), path.isEmpty()), blocks);
    }

    /**
     * @param range {@code TARGET} (from the graph's heads) or {@code FROM:TARGET}
     */
    public SqlScript downgrade(RevisionGraph graph, String range, String schema) {
        Range r = Range.parse(range, "heads");
        List<String> heads = graph.headsOf(graph.resolve(r.from()));
        List<Revision> path = graph.downgradePathTo(heads, graph.resolve(r.to(), heads));
        AppliedSet applied = new AppliedSet(graph, table, schema, heads);
        List<SqlScript.Block> blocks = new ArrayList<>();
        for (Revision rev : path) {
            List<RenderedOp> ops = RenderedOp.downgrade(dialect, rev, schema);
            blocks.addAll(blocks(rev, ops, List.of(), schema, () -> applied.downgrade(rev)));
        }
        return new SqlScript(schema, header("downgrade", schema, heads, applied.heads(), path.isEmpty()), blocks);
    }

    /**
     * One revision's blocks, as the runner runs it: what must be committed first, then each step, a
     * transaction or a statement outside any, the version table's record in the last transaction. Every
     * transaction starts with the revision's timeouts; a statement outside one is preceded by the same
     * bounds for the session.
     */
    private List<SqlScript.Block> blocks(Revision rev, List<RenderedOp> ops, List<String> prelude, String schema,
                                         Supplier<List<String>> record) {
        List<SqlScript.Block> out = new ArrayList<>();
        RenderedOp.Split split = RenderedOp.split(dialect, ops);
        DdlTimeouts t = Runner.timeouts(ddl, files, rev);
        List<String> bounds = dialect.transactionTimeouts(t.lockTimeout(), t.statementTimeout());
        if (!split.first().isEmpty()) {
            List<String> first = new ArrayList<>(bounds);
            first.addAll(prelude);
            out.add(committedFirst(rev, first, split.first(), schema));
            prelude = List.of();
        }
        List<RenderedOp.Step> steps = split.steps();
        int n = steps.size();
        for (int k = 1; k <= n; k++) {
            RenderedOp.Step step = steps.get(k - 1);
            List<String> comments = new ArrayList<>();
            if (k == 1) comments.addAll(comments(rev, ops));
            if (n > 1) comments.add(rev.id() + ": step " + k + " of " + n + (step.transactional() ? "" : ", outside a transaction"));
            if (step.transactional()) {
                List<String> statements = new ArrayList<>(bounds);
                statements.addAll(prelude);
                statements.addAll(dialect.useSchema(schema));
                statements.addAll(step.statements());
                if (k == n) statements.addAll(record.get());
                out.add(new SqlScript.Block(comments, dialect.transactionalDdl(), statements));
            } else {
                if (!prelude.isEmpty()) out.add(new SqlScript.Block(List.of("the schema and its version table"), dialect.transactionalDdl(), prelude));
                List<String> statements = new ArrayList<>(dialect.sessionSettings(schema, t.lockTimeout(), t.statementTimeout()));
                statements.addAll(step.statements());
                out.add(new SqlScript.Block(comments, false, statements));
                if (k == n) {
                    List<String> last = new ArrayList<>(bounds);
                    last.addAll(dialect.useSchema(schema));
                    last.addAll(record.get());
                    out.add(new SqlScript.Block(List.of(rev.id() + ": recorded"), dialect.transactionalDdl(), last));
                }
            }
            prelude = List.of();
        }
        return out;
    }

    /** What the revision's own transaction will use, committed in a transaction before it. */
    private SqlScript.Block committedFirst(Revision rev, List<String> prelude, List<String> first, String schema) {
        List<String> statements = new ArrayList<>(prelude);
        statements.addAll(dialect.useSchema(schema));
        statements.addAll(first);
        return new SqlScript.Block(List.of(rev.id() + ": committed before the revision's transaction, which uses it"),
                dialect.transactionalDdl(), statements);
    }

    private static List<String> comments(Revision rev, List<RenderedOp> ops) {
        List<String> out = new ArrayList<>();
        out.add(rev.id() + ": " + rev.message().lines().findFirst().orElse(""));
        RenderedOp.warnings(ops).forEach(w -> out.add("warning: " + w));
        return out;
    }

    private static List<String> header(String verb, String schema, List<String> from, List<String> to, boolean empty) {
        List<String> out = new ArrayList<>();
        out.add("Retort " + verb + " of schema " + schema + ": " + describe(from) + " -> " + describe(to));
        out.add(empty ? "Nothing to do." : "Generated offline: every name is qualified with the schema; each revision is one transaction, or steps"
                + " when it builds or drops an index concurrently (outside any transaction).");
        return out;
    }

    private static String describe(List<String> heads) {
        return heads.isEmpty() ? "base" : String.join(", ", heads);
    }

    /** {@code FROM:TO}, or {@code TO} from a default. */
    record Range(String from, String to) {
        static Range parse(String text, String defaultFrom) {
            if (text == null || text.isBlank()) throw new RevisionException("no target revision given");
            int colon = text.indexOf(':');
            if (colon < 0) return new Range(defaultFrom, text.strip());
            String from = text.substring(0, colon).strip();
            String to = text.substring(colon + 1).strip();
            if (from.isEmpty() || to.isEmpty() || to.contains(":")) {
                throw new RevisionException("'" + text + "' is not a range: write FROM:TO, such as base:head or ab12:head");
            }
            return new Range(from, to);
        }
    }
}
