package dev.retort.internal.runner;

import dev.retort.api.SqlScript;
import dev.retort.spi.Dialect;
import dev.retort.revision.Revision;
import dev.retort.revision.RevisionException;
import dev.retort.internal.revision.RevisionGraph;
import dev.retort.internal.version.VersionTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Offline mode: the SQL an upgrade or downgrade would run, for a schema, without a database. The
 * schema's state is not read but given, as Alembic's {@code start:end}: {@code head} upgrades from
 * base, {@code ab12:head} from revision ab12; a downgrade starts from the graph's heads unless told
 * otherwise ({@code head:base}).
 */
public final class OfflineScripts {
    private final Dialect dialect;
    private final VersionTable table;

    public OfflineScripts(Dialect dialect, String versionTable) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.table = new VersionTable(dialect, versionTable);
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
            RenderedOp.Split split = RenderedOp.split(dialect, ops);
            if (!split.first().isEmpty()) {
                blocks.add(committedFirst(rev, prelude, split.first(), schema));
                prelude = List.of();
            }
            List<String> statements = new ArrayList<>(prelude);
            statements.addAll(dialect.useSchema(schema));
            statements.addAll(split.rest());
            statements.addAll(applied.upgrade(rev, null));
            blocks.add(new SqlScript.Block(comments(rev, ops), dialect.transactionalDdl(), statements));
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
            RenderedOp.Split split = RenderedOp.split(dialect, ops);
            if (!split.first().isEmpty()) blocks.add(committedFirst(rev, List.of(), split.first(), schema));
            List<String> statements = new ArrayList<>(dialect.useSchema(schema));
            statements.addAll(split.rest());
            statements.addAll(applied.downgrade(rev));
            blocks.add(new SqlScript.Block(comments(rev, ops), dialect.transactionalDdl(), statements));
        }
        return new SqlScript(schema, header("downgrade", schema, heads, applied.heads(), path.isEmpty()), blocks);
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
        out.add(empty ? "Nothing to do." : "Generated offline: every name is qualified with the schema; each revision is one transaction.");
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
