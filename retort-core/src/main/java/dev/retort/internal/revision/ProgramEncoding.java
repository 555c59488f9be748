package dev.retort.internal.revision;

import dev.retort.Domain;
import dev.retort.Policy;
import dev.retort.Routine;
import dev.retort.RowSecurity;
import dev.retort.Trigger;
import dev.retort.View;
import dev.retort.operations.Change;
import dev.retort.operations.DomainOps;
import dev.retort.operations.Operation;
import dev.retort.operations.PolicyOps;
import dev.retort.operations.RoutineOps;
import dev.retort.operations.TriggerOps;
import dev.retort.operations.ViewOps;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import static dev.retort.internal.revision.YNode.blockMap;
import static dev.retort.internal.revision.YNode.map;

/**
 * The file form of views, routines, triggers, policies and row-level security: what
 * {@link RevisionEncoder} writes for their operations, and {@link ProgramReading} reads back. Bodies
 * are written as literal blocks when they span lines; changes in place carry both sides whole
 * ({@code from}, {@code to}), since the downgrade needs the old definition.
 */
final class ProgramEncoding {
    private ProgramEncoding() {
    }

    /** The body of an operation of these kinds, or null for any other operation. */
    static YNode encode(Operation op) {
        if (op instanceof ViewOps.CreateView o) return replacement(view(o.view()), o.replacement());
        if (op instanceof ViewOps.DropView o) return replacement(view(o.view()), o.replacement());
        if (op instanceof ViewOps.AlterView o) return change(o.view(), ProgramEncoding::view);
        if (op instanceof RoutineOps.CreateRoutine o) return replacement(routine(o.routine()), o.replacement());
        if (op instanceof RoutineOps.DropRoutine o) return replacement(routine(o.routine()), o.replacement());
        if (op instanceof RoutineOps.ReplaceRoutine o) return change(o.routine(), ProgramEncoding::routine);
        if (op instanceof TriggerOps.CreateTrigger o) return replacement(trigger(o.trigger()), o.replacement());
        if (op instanceof TriggerOps.DropTrigger o) return replacement(trigger(o.trigger()), o.replacement());
        if (op instanceof TriggerOps.AlterTrigger o) return change(o.trigger(), ProgramEncoding::trigger);
        if (op instanceof PolicyOps.CreatePolicy o) return replacement(policy(o.policy()), o.replacement());
        if (op instanceof PolicyOps.DropPolicy o) return replacement(policy(o.policy()), o.replacement());
        if (op instanceof PolicyOps.AlterPolicy o) return change(o.policy(), ProgramEncoding::policy);
        if (op instanceof PolicyOps.SetRowSecurity o) return rowSecurity(o.rowSecurity());
        if (op instanceof DomainOps.CreateDomain o) return replacement(domain(o.domain()), o.replacement());
        if (op instanceof DomainOps.DropDomain o) return replacement(domain(o.domain()), o.replacement());
        if (op instanceof DomainOps.AlterDomain o) return change(o.domain(), ProgramEncoding::domain);
        return null;
    }

    private static YNode replacement(YNode.MapBuilder body, boolean replacement) {
        return body.flag("replacement", replacement).build();
    }

    private static <T> YNode change(Change<T> c, Function<T, YNode.MapBuilder> encode) {
        return blockMap().put("from", encode.apply(c.from()).build()).put("to", encode.apply(c.to()).build()).build();
    }

    static YNode.MapBuilder domain(Domain d) {
        return blockMap()
                .put("name", d.name())
                .opt("schema", d.schema())
                .put("type", RevisionEncoder.type(d.type()))
                .opt("collation", d.collation())
                .opt("default", d.defaultExpr())
                .flag("not_null", d.notNull())
                .optList("checks", d.checks().stream().map(RevisionEncoder::constraintBody).toList(), true)
                .opt("comment", d.comment());
    }

    static YNode.MapBuilder view(View v) {
        return blockMap()
                .put("name", v.name())
                .opt("schema", v.schema())
                .flag("materialized", v.materialized())
                .optList("options", v.options().stream().map(YNode::str).toList(), false)
                .put("definition", v.definition())
                .optList("indexes", v.indexes().stream().map(RevisionEncoder::index).toList(), true)
                .opt("comment", v.comment());
    }

    static YNode.MapBuilder routine(Routine r) {
        return blockMap()
                .put("name", r.name())
                .opt("schema", r.schema())
                .opt("kind", r.kind() == Routine.Kind.FUNCTION ? null : lower(r.kind()))
                .optList("arguments", r.arguments().stream().map(ProgramEncoding::argument).toList(), true)
                .opt("returns", r.returns())
                .put("language", r.language())
                .opt("volatility", r.volatility() == Routine.Volatility.VOLATILE ? null : lower(r.volatility()))
                .flag("strict", r.strict())
                .flag("security_definer", r.securityDefiner())
                .flag("leakproof", r.leakproof())
                .opt("parallel", r.parallel() == Routine.Parallel.UNSAFE ? null : lower(r.parallel()))
                .opt("cost", r.cost() == null ? null : YNode.raw(number(r.cost())))
                .opt("rows", r.rows() == null ? null : YNode.raw(number(r.rows())))
                .optList("settings", r.settings().stream().map(YNode::str).toList(), false)
                .put("body", r.body())
                .opt("comment", r.comment());
    }

    private static YNode argument(Routine.Argument a) {
        return map().opt("mode", a.mode() == Routine.Mode.IN ? null : lower(a.mode())).opt("name", a.name())
                .put("type", a.type()).opt("default", a.defaultValue()).build();
    }

    /** Whole numbers without a fraction, as they are usually written. */
    private static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    static YNode.MapBuilder trigger(Trigger t) {
        return blockMap()
                .put("name", t.name())
                .put("table", t.table())
                .opt("schema", t.schema())
                .flag("constraint", t.constraint())
                .put("timing", t.timing().sql().toLowerCase(Locale.ROOT))
                .put("events", YNode.strings(t.events().stream().map(ProgramEncoding::lower).toList()))
                .optList("update_columns", t.updateColumns().stream().map(YNode::str).toList(), false)
                .opt("old_table", t.oldTable())
                .opt("new_table", t.newTable())
                .flag("deferrable", t.deferrable())
                .flag("initially_deferred", t.initiallyDeferred())
                .put("for_each", t.forEachRow() ? "row" : "statement")
                .opt("when", t.when())
                .put("function", t.function())
                .opt("function_schema", t.functionSchema())
                .optList("arguments", t.arguments().stream().map(YNode::str).toList(), false)
                .opt("comment", t.comment());
    }

    static YNode.MapBuilder policy(Policy p) {
        return blockMap()
                .put("name", p.name())
                .put("table", p.table())
                .opt("schema", p.schema())
                .flag("restrictive", !p.permissive())
                .opt("command", p.command() == Policy.Command.ALL ? null : lower(p.command()))
                .optList("roles", p.roles().stream().map(YNode::str).toList(), false)
                .opt("using", p.using())
                .opt("with_check", p.withCheck())
                .opt("comment", p.comment());
    }

    private static YNode rowSecurity(Change<RowSecurity> c) {
        return map().put("table", c.to().table()).opt("schema", c.to().schema())
                .put("from", switches(c.from())).put("to", switches(c.to())).build();
    }

    private static YNode switches(RowSecurity r) {
        return map().put("enabled", YNode.raw(r.enabled())).put("forced", YNode.raw(r.forced())).build();
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    static List<String> names() {
        return List.of("create_view", "drop_view", "alter_view", "create_routine", "drop_routine", "replace_routine",
                "create_trigger", "drop_trigger", "alter_trigger", "create_policy", "drop_policy", "alter_policy",
                "set_row_security", "create_domain", "drop_domain", "alter_domain");
    }
}
