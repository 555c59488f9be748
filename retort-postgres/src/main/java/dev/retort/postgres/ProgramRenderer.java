package dev.retort.postgres;

import dev.retort.Index;
import dev.retort.Policy;
import dev.retort.Routine;
import dev.retort.RowSecurity;
import dev.retort.Trigger;
import dev.retort.View;
import dev.retort.operations.Change;
import dev.retort.operations.Operation;
import dev.retort.operations.PolicyOps;
import dev.retort.operations.RoutineOps;
import dev.retort.operations.TriggerOps;
import dev.retort.operations.ViewOps;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import static dev.retort.postgres.PostgresSql.literal;
import static dev.retort.postgres.PostgresSql.qualify;
import static dev.retort.postgres.PostgresSql.quote;

/**
 * Views, routines, triggers, policies and row-level security as PostgreSQL DDL. Names go through
 * {@link PostgresSql#quote}; bodies, conditions and types are SQL written in the model (or read from a
 * database) and go in as they are, with {@code ${schema}} bound to the schema migrated. Unqualified names
 * in them resolve through the search path, which the runner sets to that schema.
 */
final class ProgramRenderer {
    private static final Pattern OPTION_NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private ProgramRenderer() {
    }

    /** The statements of an operation of these kinds, or null for any other operation. */
    static List<String> render(Operation op) {
        if (op instanceof ViewOps.CreateView o) return createView(o.view());
        if (op instanceof ViewOps.DropView o) return List.of("DROP " + viewKind(o.view()) + " " + qualify(o.view().schema(), o.view().name()));
        if (op instanceof ViewOps.AlterView o) return alterView(o.view());
        if (op instanceof RoutineOps.CreateRoutine o) return createRoutine(o.routine(), false);
        if (op instanceof RoutineOps.DropRoutine o) return List.of("DROP " + o.routine().kind().sql() + " " + signature(o.routine()));
        if (op instanceof RoutineOps.ReplaceRoutine o) return replaceRoutine(o.routine());
        if (op instanceof TriggerOps.CreateTrigger o) return createTrigger(o.trigger());
        if (op instanceof TriggerOps.DropTrigger o) {
            return List.of("DROP TRIGGER " + quote(o.trigger().name()) + " ON " + qualify(o.trigger().schema(), o.trigger().table()));
        }
        if (op instanceof TriggerOps.AlterTrigger o) return List.of(triggerComment(o.trigger().to()));
        if (op instanceof PolicyOps.CreatePolicy o) return createPolicy(o.policy());
        if (op instanceof PolicyOps.DropPolicy o) {
            return List.of("DROP POLICY " + quote(o.policy().name()) + " ON " + qualify(o.policy().schema(), o.policy().table()));
        }
        if (op instanceof PolicyOps.AlterPolicy o) return alterPolicy(o.policy());
        if (op instanceof PolicyOps.SetRowSecurity o) return rowSecurity(o.rowSecurity());
        return null;
    }

    private static String body(String sql, String schema) {
        return PostgresSql.bindPlaceholders(sql, schema);
    }

    // ---- views

    private static String viewKind(View v) {
        return v.materialized() ? "MATERIALIZED VIEW" : "VIEW";
    }

    private static List<String> createView(View v) {
        List<String> out = new ArrayList<>();
        StringBuilder s = new StringBuilder("CREATE ").append(viewKind(v)).append(' ').append(qualify(v.schema(), v.name()));
        if (!v.options().isEmpty()) s.append(" WITH (").append(String.join(", ", options(v.options(), v.name()).entrySet().stream()
                .map(e -> e.getKey() + " = " + literal(e.getValue())).toList())).append(')');
        s.append(" AS\n").append(body(v.definition(), v.schema()));
        out.add(s.toString());
        for (Index ix : v.indexes()) out.addAll(PostgresRenderer.indexWithComment(v.schema(), v.name(), ix));
        if (v.comment() != null) out.add(viewComment(v));
        return out;
    }

    private static String viewComment(View v) {
        return "COMMENT ON " + viewKind(v) + " " + qualify(v.schema(), v.name()) + " IS "
                + (v.comment() == null || v.comment().isEmpty() ? "NULL" : literal(v.comment()));
    }

    /** Options and storage parameters in place; the query is never changed here. */
    private static List<String> alterView(Change<View> c) {
        View from = c.from();
        View to = c.to();
        List<String> out = new ArrayList<>();
        Map<String, String> before = options(from.options(), from.name());
        Map<String, String> after = options(to.options(), to.name());
        String head = "ALTER " + viewKind(to) + " " + qualify(to.schema(), to.name());
        List<String> reset = before.keySet().stream().filter(k -> !after.containsKey(k)).toList();
        if (!reset.isEmpty()) out.add(head + " RESET (" + String.join(", ", reset) + ")");
        List<String> set = new ArrayList<>();
        after.forEach((k, v) -> {
            if (!v.equals(before.get(k))) set.add(k + " = " + literal(v));
        });
        if (!set.isEmpty()) out.add(head + " SET (" + String.join(", ", set) + ")");
        if (!Objects.equals(blankToNull(from.comment()), blankToNull(to.comment()))) out.add(viewComment(to));
        return out;
    }

    /** {@code name=value} options by name; names are plain lower-case words, values go in as literals. */
    private static Map<String, String> options(List<String> options, String owner) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String o : options) {
            int eq = o.indexOf('=');
            String key = o.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = o.substring(eq + 1).strip();
            if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) value = value.substring(1, value.length() - 1);
            if (!OPTION_NAME.matcher(key).matches()) {
                throw new IllegalArgumentException(owner + ": '" + key + "' is not an option name");
            }
            out.put(key, value);
        }
        return out;
    }

    // ---- functions and procedures

    /** {@code "schema"."name"(type, ...)}: how DROP and COMMENT name a routine. */
    private static String signature(Routine r) {
        List<String> types = new ArrayList<>();
        for (Routine.Argument a : r.arguments()) {
            if (a.mode().identifies()) types.add(body(a.type(), r.schema()));
        }
        return qualify(r.schema(), r.name()) + "(" + String.join(", ", types) + ")";
    }

    private static List<String> createRoutine(Routine r, boolean orReplace) {
        List<String> out = new ArrayList<>();
        out.add(definition(r, orReplace));
        if (r.comment() != null) out.add(routineComment(r));
        return out;
    }

    private static String routineComment(Routine r) {
        return "COMMENT ON " + r.kind().sql() + " " + signature(r) + " IS "
                + (r.comment() == null || r.comment().isEmpty() ? "NULL" : literal(r.comment()));
    }

    /** CREATE OR REPLACE when anything but the comment changes, and the comment when it does. */
    private static List<String> replaceRoutine(Change<Routine> c) {
        List<String> out = new ArrayList<>();
        if (!c.from().withComment(null).equals(c.to().withComment(null))) out.add(definition(c.to(), true));
        if (!Objects.equals(blankToNull(c.from().comment()), blankToNull(c.to().comment()))) out.add(routineComment(c.to()));
        return out;
    }

    private static String definition(Routine r, boolean orReplace) {
        boolean procedure = r.kind() == Routine.Kind.PROCEDURE;
        StringBuilder s = new StringBuilder("CREATE ").append(orReplace ? "OR REPLACE " : "").append(r.kind().sql()).append(' ')
                .append(qualify(r.schema(), r.name())).append('(');
        List<String> args = new ArrayList<>();
        for (Routine.Argument a : r.arguments()) {
            StringBuilder arg = new StringBuilder();
            if (a.mode() != Routine.Mode.IN) arg.append(a.mode().name()).append(' ');
            if (a.name() != null) arg.append(quote(a.name())).append(' ');
            arg.append(body(a.type(), r.schema()));
            if (a.defaultValue() != null) arg.append(" DEFAULT ").append(body(a.defaultValue(), r.schema()));
            args.add(arg.toString());
        }
        s.append(String.join(", ", args)).append(')');
        if (!procedure) s.append("\n RETURNS ").append(body(r.returns(), r.schema()));
        s.append("\n LANGUAGE ").append(quote(r.language()));
        if (procedure) {
            if (r.volatility() != Routine.Volatility.VOLATILE || r.strict() || r.leakproof() || r.parallel() != Routine.Parallel.UNSAFE
                    || r.cost() != null || r.rows() != null) {
                throw new IllegalArgumentException("procedure " + r.name()
                        + ": only a function has a volatility, strictness, leakproofness, parallel safety, cost or rows");
            }
        } else {
            if (r.volatility() != Routine.Volatility.VOLATILE) s.append(' ').append(r.volatility().name());
            if (r.strict()) s.append(" STRICT");
            if (r.leakproof()) s.append(" LEAKPROOF");
            if (r.parallel() != Routine.Parallel.UNSAFE) s.append(" PARALLEL ").append(r.parallel().name());
            if (r.cost() != null) s.append(" COST ").append(number(r.cost()));
            if (r.rows() != null) s.append(" ROWS ").append(number(r.rows()));
        }
        if (r.securityDefiner()) s.append(" SECURITY DEFINER");
        for (String setting : r.settings()) s.append("\n ").append(RoutineSettings.clause(setting, r.schema()));
        String source = body(r.body(), r.schema());
        if (parsedBody(r)) {
            s.append('\n').append(source.strip());
        } else {
            s.append("\nAS ").append(PostgresSql.dollarQuote(source));
        }
        return s.toString();
    }

    /** A SQL body the server parses ({@code BEGIN ATOMIC ... END}, {@code RETURN expr}) goes in without quotes. */
    private static boolean parsedBody(Routine r) {
        String s = r.body().stripLeading().toUpperCase(Locale.ROOT);
        return "sql".equals(r.language()) && (s.matches("(?s)^RETURN\\b.*") || s.matches("(?s)^BEGIN\\s+ATOMIC\\b.*"));
    }

    private static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    // ---- triggers

    private static List<String> createTrigger(Trigger t) {
        StringBuilder s = new StringBuilder("CREATE ").append(t.constraint() ? "CONSTRAINT " : "").append("TRIGGER ")
                .append(quote(t.name())).append(' ').append(t.timing().sql()).append(' ');
        List<String> events = new ArrayList<>();
        for (Trigger.Event e : t.events()) {
            if (e == Trigger.Event.UPDATE && !t.updateColumns().isEmpty()) {
                events.add("UPDATE OF " + String.join(", ", t.updateColumns().stream().map(PostgresSql::quote).toList()));
            } else {
                events.add(e.name());
            }
        }
        s.append(String.join(" OR ", events)).append(" ON ").append(qualify(t.schema(), t.table()));
        if (t.deferrable()) s.append(" DEFERRABLE INITIALLY ").append(t.initiallyDeferred() ? "DEFERRED" : "IMMEDIATE");
        if (t.oldTable() != null || t.newTable() != null) {
            s.append(" REFERENCING");
            if (t.oldTable() != null) s.append(" OLD TABLE AS ").append(quote(t.oldTable()));
            if (t.newTable() != null) s.append(" NEW TABLE AS ").append(quote(t.newTable()));
        }
        s.append(t.forEachRow() ? " FOR EACH ROW" : " FOR EACH STATEMENT");
        if (t.when() != null) s.append(" WHEN (").append(body(t.when(), t.schema())).append(')');
        s.append(" EXECUTE FUNCTION ").append(qualify(t.functionSchema(), t.function())).append('(')
                .append(String.join(", ", t.arguments().stream().map(PostgresSql::literal).toList())).append(')');
        List<String> out = new ArrayList<>();
        out.add(s.toString());
        if (t.comment() != null) out.add(triggerComment(t));
        return out;
    }

    private static String triggerComment(Trigger t) {
        return "COMMENT ON TRIGGER " + quote(t.name()) + " ON " + qualify(t.schema(), t.table()) + " IS "
                + (t.comment() == null || t.comment().isEmpty() ? "NULL" : literal(t.comment()));
    }

    // ---- policies and row-level security

    private static List<String> createPolicy(Policy p) {
        StringBuilder s = new StringBuilder("CREATE POLICY ").append(quote(p.name())).append(" ON ")
                .append(qualify(p.schema(), p.table())).append(" AS ").append(p.permissive() ? "PERMISSIVE" : "RESTRICTIVE")
                .append(" FOR ").append(p.command().name()).append(" TO ").append(roles(p));
        if (p.using() != null) s.append(" USING (").append(body(p.using(), p.schema())).append(')');
        if (p.withCheck() != null) s.append(" WITH CHECK (").append(body(p.withCheck(), p.schema())).append(')');
        List<String> out = new ArrayList<>();
        out.add(s.toString());
        if (p.comment() != null) out.add(policyComment(p));
        return out;
    }

    private static String roles(Policy p) {
        return p.roles().isEmpty() ? "PUBLIC" : String.join(", ", p.roles().stream().map(PostgresSql::quote).toList());
    }

    private static String policyComment(Policy p) {
        return "COMMENT ON POLICY " + quote(p.name()) + " ON " + qualify(p.schema(), p.table()) + " IS "
                + (p.comment() == null || p.comment().isEmpty() ? "NULL" : literal(p.comment()));
    }

    /** Roles and conditions in place (a condition can be set, not removed); the comment apart. */
    private static List<String> alterPolicy(Change<Policy> c) {
        Policy from = c.from();
        Policy to = c.to();
        List<String> out = new ArrayList<>();
        StringBuilder s = new StringBuilder();
        if (!from.roles().equals(to.roles())) s.append(" TO ").append(roles(to));
        if (!Objects.equals(from.using(), to.using())) {
            if (to.using() == null) throw new IllegalArgumentException("policy " + to.name() + ": ALTER POLICY cannot remove USING");
            s.append(" USING (").append(body(to.using(), to.schema())).append(')');
        }
        if (!Objects.equals(from.withCheck(), to.withCheck())) {
            if (to.withCheck() == null) throw new IllegalArgumentException("policy " + to.name() + ": ALTER POLICY cannot remove WITH CHECK");
            s.append(" WITH CHECK (").append(body(to.withCheck(), to.schema())).append(')');
        }
        if (s.length() > 0) out.add("ALTER POLICY " + quote(to.name()) + " ON " + qualify(to.schema(), to.table()) + s);
        if (!Objects.equals(blankToNull(from.comment()), blankToNull(to.comment()))) out.add(policyComment(to));
        return out;
    }

    private static List<String> rowSecurity(Change<RowSecurity> c) {
        RowSecurity from = c.from();
        RowSecurity to = c.to();
        String head = "ALTER TABLE " + qualify(to.schema(), to.table());
        List<String> out = new ArrayList<>();
        if (from.enabled() != to.enabled()) out.add(head + (to.enabled() ? " ENABLE" : " DISABLE") + " ROW LEVEL SECURITY");
        if (from.forced() != to.forced()) out.add(head + (to.forced() ? " FORCE" : " NO FORCE") + " ROW LEVEL SECURITY");
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
