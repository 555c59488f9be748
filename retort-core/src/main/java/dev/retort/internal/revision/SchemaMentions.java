package dev.retort.internal.revision;

import dev.retort.Domain;
import dev.retort.Policy;
import dev.retort.Routine;
import dev.retort.Trigger;
import dev.retort.View;
import dev.retort.operations.Change;
import dev.retort.operations.DomainOps;
import dev.retort.operations.Operation;
import dev.retort.operations.PolicyOps;
import dev.retort.operations.RoutineOps;
import dev.retort.operations.TriggerOps;
import dev.retort.operations.ViewOps;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses a body (a view's query, a routine's source, a trigger's or policy's condition) that names
 * the tenant's schema when operations are made schema-agnostic: applied to another tenant it would
 * reach into this one. Reflection writes the schema's own qualified names as {@code ${schema}}, which
 * binds to whichever schema is migrated; what remains (inside a string, say) is the author's to fix.
 */
final class SchemaMentions {
    private SchemaMentions() {
    }

    /** @throws IllegalArgumentException naming the first object whose text qualifies a name with {@code schema} */
    static void refuse(List<Operation> ops, String schema) {
        if (schema == null) return;
        Pattern p = pattern(schema);
        for (Operation op : ops) {
            for (Named n : texts(op)) {
                Matcher m = p.matcher(n.text());
                if (m.find()) {
                    throw new IllegalArgumentException(n.what() + " names schema " + schema + " (" + excerpt(n.text(), m.start())
                            + "), so it cannot go into a revision for every schema: write the name unqualified, or "
                            + "${schema}. for the schema being migrated (or pin the revision to the schema)");
                }
            }
        }
    }

    /** {@code schema.} or {@code "schema".}; unquoted, in any case, when the name folds to itself. */
    static Pattern pattern(String schema) {
        String quoted = Pattern.quote("\"" + schema.replace("\"", "\"\"") + "\"") + "\\s*\\.";
        boolean folds = schema.equals(schema.toLowerCase(Locale.ROOT)) && schema.matches("[\\p{L}_][\\p{L}\\p{N}_$]*");
        String bare = folds ? "|(?<![\\w$\"])(?i:" + Pattern.quote(schema) + ")\\s*\\." : "";
        return Pattern.compile(quoted + bare);
    }

    private static String excerpt(String text, int at) {
        int end = Math.min(text.length(), at + 40);
        return text.substring(at, end).replaceAll("\\s+", " ").strip();
    }

    private record Named(String what, String text) {
    }

    private static List<Named> texts(Operation op) {
        List<Named> out = new ArrayList<>();
        if (op instanceof ViewOps.CreateView o) view(o.view(), out);
        if (op instanceof ViewOps.DropView o) view(o.view(), out);
        if (op instanceof ViewOps.AlterView o) both(o.view(), v -> view(v, out));
        if (op instanceof RoutineOps.CreateRoutine o) routine(o.routine(), out);
        if (op instanceof RoutineOps.DropRoutine o) routine(o.routine(), out);
        if (op instanceof RoutineOps.ReplaceRoutine o) both(o.routine(), r -> routine(r, out));
        if (op instanceof TriggerOps.CreateTrigger o) trigger(o.trigger(), out);
        if (op instanceof TriggerOps.DropTrigger o) trigger(o.trigger(), out);
        if (op instanceof TriggerOps.AlterTrigger o) both(o.trigger(), t -> trigger(t, out));
        if (op instanceof PolicyOps.CreatePolicy o) policy(o.policy(), out);
        if (op instanceof PolicyOps.DropPolicy o) policy(o.policy(), out);
        if (op instanceof PolicyOps.AlterPolicy o) both(o.policy(), p -> policy(p, out));
        if (op instanceof DomainOps.CreateDomain o) domain(o.domain(), out);
        if (op instanceof DomainOps.DropDomain o) domain(o.domain(), out);
        if (op instanceof DomainOps.AlterDomain o) both(o.domain(), d -> domain(d, out));
        return out;
    }

    private static <T> void both(Change<T> c, java.util.function.Consumer<T> each) {
        each.accept(c.from());
        each.accept(c.to());
    }

    private static void view(View v, List<Named> out) {
        out.add(new Named(v.kind() + " " + v.name() + ": its query", v.definition()));
    }

    private static void routine(Routine r, List<Named> out) {
        String what = r.what() + " " + r.signature();
        out.add(new Named(what + ": its body", r.body()));
        if (r.returns() != null) out.add(new Named(what + ": its result type", r.returns()));
        for (Routine.Argument a : r.arguments()) {
            out.add(new Named(what + ": an argument's type", a.type()));
            if (a.defaultValue() != null) out.add(new Named(what + ": an argument's default", a.defaultValue()));
        }
    }

    private static void domain(Domain d, List<Named> out) {
        if (d.defaultExpr() != null) out.add(new Named("domain " + d.name() + ": its default", d.defaultExpr()));
        d.checks().forEach(c -> out.add(new Named("domain " + d.name() + ": check " + c.name(), c.expression())));
    }

    private static void trigger(Trigger t, List<Named> out) {
        if (t.when() != null) out.add(new Named("trigger " + t.name() + " on " + t.table() + ": its WHEN condition", t.when()));
    }

    private static void policy(Policy p, List<Named> out) {
        String what = "policy " + p.name() + " on " + p.table();
        if (p.using() != null) out.add(new Named(what + ": its USING condition", p.using()));
        if (p.withCheck() != null) out.add(new Named(what + ": its WITH CHECK condition", p.withCheck()));
    }
}
