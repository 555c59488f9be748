package dev.retort.internal.lint;

import dev.retort.CheckConstraint;
import dev.retort.Column;
import dev.retort.Constraint;
import dev.retort.ForeignKey;
import dev.retort.PrimaryKey;
import dev.retort.UniqueConstraint;
import dev.retort.api.LintFinding;
import dev.retort.internal.revision.LintRule;
import dev.retort.internal.revision.OperationSource;
import dev.retort.operations.ColumnOps;
import dev.retort.operations.ConstraintOps;
import dev.retort.operations.EnumOps;
import dev.retort.operations.IndexOps;
import dev.retort.operations.Operation;
import dev.retort.operations.SchemaOps;
import dev.retort.operations.TableOps;
import dev.retort.revision.Revision;
import dev.retort.spi.Dialect;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks one revision's upgrade operations against the {@link LintRule}s. Each revision is judged on
 * its own: a table it creates has no rows yet, so what it does to that table afterwards is safe; a
 * table from any earlier revision may hold rows on some tenant. What locks and what rewrites is the
 * dialect's to say.
 */
public final class Linter {
    private final Dialect dialect;

    public Linter(Dialect dialect) {
        this.dialect = dialect;
    }

    /** A finding, with the table it is about (null schema: the tenant's; null table: none). */
    public record Found(LintFinding finding, String schema, String table) {
    }

    /** The findings of one revision, in the order of its operations; {@code sources} gives each operation's line. */
    public List<LintFinding> lint(Revision revision, List<OperationSource> sources) {
        return found(revision, sources).stream().map(Found::finding).toList();
    }

    /** {@link #lint}, each finding with the table it is about. */
    public List<Found> found(Revision revision, List<OperationSource> sources) {
        List<Found> out = new ArrayList<>();
        Set<String> created = new HashSet<>();
        List<Operation> ops = revision.upgrade();
        for (int i = 0; i < ops.size(); i++) {
            Operation op = ops.get(i);
            OperationSource source = i < sources.size() ? sources.get(i) : OperationSource.at(0);
            for (LintRule rule : rules(op, created)) {
                String[] table = tableOf(op);
                out.add(new Found(finding(revision, op, source, rule), table == null ? null : table[0], table == null ? null : table[1]));
            }
        }
        return out;
    }

    /** The schema (null: the tenant's) and name of the table an operation works on; null when it works on none. */
    private static String[] tableOf(Operation op) {
        if (op instanceof TableOps.DropTable d) return new String[] {d.table().schema(), d.table().name()};
        if (op instanceof ColumnOps.DropColumn d) return new String[] {d.schema(), d.table()};
        if (op instanceof ColumnOps.AddColumn a) return new String[] {a.schema(), a.table()};
        if (op instanceof ColumnOps.AlterColumn a) return new String[] {a.schema(), a.table()};
        if (op instanceof ConstraintOps.AddConstraint a) return new String[] {a.schema(), a.table()};
        if (op instanceof ConstraintOps.AlterConstraint a) return new String[] {a.schema(), a.table()};
        if (op instanceof IndexOps.CreateIndex c) return new String[] {c.schema(), c.table()};
        if (op instanceof IndexOps.DropIndex d) return new String[] {d.schema(), d.table()};
        return null;
    }

    /** The rules an operation breaks; {@code created} collects the tables the revision created so far. */
    List<LintRule> rules(Operation op, Set<String> created) {
        List<LintRule> rules = new ArrayList<>();
        if (op instanceof SchemaOps.DropSchema) {
            rules.add(LintRule.DROP_SCHEMA);
        } else if (op instanceof TableOps.CreateTable c) {
            created.add(key(c.table().schema(), c.table().name()));
        } else if (op instanceof TableOps.RenameTable r) {
            if (created.remove(key(r.schema(), r.from()))) created.add(key(r.schema(), r.to()));
        } else if (op instanceof TableOps.DropTable d) {
            if (!created.remove(key(d.table().schema(), d.table().name()))) rules.add(LintRule.DROP_TABLE);
        } else if (op instanceof ColumnOps.DropColumn d) {
            if (existing(created, d.schema(), d.table())) rules.add(LintRule.DROP_COLUMN);
        } else if (op instanceof ColumnOps.AddColumn a) {
            if (existing(created, a.schema(), a.table())) {
                Column c = a.column();
                if (!c.nullable() && c.serverDefault() == null && c.identity() == null && !c.autoIncrement() && c.computed() == null) {
                    rules.add(LintRule.NOT_NULL_WITHOUT_DEFAULT);
                }
                if (dialect.addColumnRewrites(c)) rules.add(LintRule.VOLATILE_DEFAULT);
            }
        } else if (op instanceof ColumnOps.AlterColumn a) {
            if (existing(created, a.schema(), a.table())) {
                if (a.type() != null && a.type().changed()) {
                    if (a.narrowsType()) rules.add(LintRule.NARROWING_TYPE);
                    if (a.using() != null || dialect.typeChangeNeedsCast(a.type().from(), a.type().to())) {
                        rules.add(LintRule.TYPE_CHANGE_CAST);
                    }
                    if (dialect.typeChangeRewrites(a.type().from(), a.type().to())) rules.add(LintRule.TABLE_REWRITE);
                }
                if (a.nullable() != null && Boolean.TRUE.equals(a.nullable().from()) && Boolean.FALSE.equals(a.nullable().to())) {
                    rules.add(LintRule.SET_NOT_NULL);
                    rules.add(LintRule.SET_NOT_NULL_SCAN);
                }
            }
        } else if (op instanceof ConstraintOps.AddConstraint a) {
            // NOT VALID checks only new rows, and takes its lock only briefly: the rows are checked when it is validated.
            if (existing(created, a.schema(), a.table()) && !a.constraint().notValid()) rules.addAll(constraintRules(a.constraint()));
        } else if (op instanceof ConstraintOps.AlterConstraint a) {
            // VALIDATE does not block writes, but fails on a row that violates the constraint.
            if (existing(created, a.schema(), a.table()) && a.validates()) {
                if (a.constraint().to() instanceof CheckConstraint) rules.add(LintRule.CHECK_ON_EXISTING);
                if (a.constraint().to() instanceof ForeignKey) rules.add(LintRule.FOREIGN_KEY_ON_EXISTING);
            }
        } else if (op instanceof IndexOps.CreateIndex c) {
            if (existing(created, c.schema(), c.table())) {
                if (c.index().unique()) rules.add(LintRule.UNIQUE_ON_EXISTING);
                if (!c.concurrently() && dialect.indexChangeBlocksWrites()) rules.add(LintRule.INDEX_NOT_CONCURRENT);
            }
        } else if (op instanceof IndexOps.DropIndex d) {
            if (!d.concurrently() && existing(created, d.schema(), d.table()) && dialect.indexChangeBlocksWrites()) {
                rules.add(LintRule.INDEX_NOT_CONCURRENT);
            }
        } else if (op instanceof EnumOps.RemoveEnumValue) {
            rules.add(LintRule.REMOVE_ENUM_VALUE);
        }
        return rules;
    }

    private static List<LintRule> constraintRules(Constraint c) {
        if (c instanceof PrimaryKey || c instanceof UniqueConstraint) return List.of(LintRule.UNIQUE_ON_EXISTING);
        if (c instanceof CheckConstraint) return List.of(LintRule.CHECK_ON_EXISTING, LintRule.CONSTRAINT_NOT_VALID);
        if (c instanceof ForeignKey) return List.of(LintRule.FOREIGN_KEY_ON_EXISTING, LintRule.CONSTRAINT_NOT_VALID);
        return List.of();
    }

    private static boolean existing(Set<String> created, String schema, String table) {
        return !created.contains(key(schema, table));
    }

    private static String key(String schema, String table) {
        return (schema == null ? "" : schema) + "\u0000" + table;
    }

    private static LintFinding finding(Revision revision, Operation op, OperationSource source, LintRule rule) {
        return new LintFinding(rule.id(), LintFinding.Severity.valueOf(rule.severity().name()), rule.category().toString(),
                revision.id(), revision.path(), source.line(), op.describe(), rule.explanation(), rule.alternative(),
                source.ignores(rule) ? source.reason() : null, null);
    }
}
