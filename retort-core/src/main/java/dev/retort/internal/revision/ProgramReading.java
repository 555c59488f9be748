package dev.retort.internal.revision;

import dev.retort.CheckConstraint;
import dev.retort.Domain;
import dev.retort.Index;
import dev.retort.Policy;
import dev.retort.Routine;
import dev.retort.RowSecurity;
import dev.retort.Trigger;
import dev.retort.SqlType;
import dev.retort.View;
import dev.retort.operations.Change;
import dev.retort.operations.DomainOps;
import dev.retort.operations.Operation;
import dev.retort.operations.PolicyOps;
import dev.retort.operations.RoutineOps;
import dev.retort.operations.TriggerOps;
import dev.retort.operations.ViewOps;
import org.yaml.snakeyaml.nodes.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/** Reads what {@link ProgramEncoding} writes, as strictly as {@link RevisionReader} reads the rest. */
final class ProgramReading {
    private static final Set<String> VIEW_KEYS = Set.of("name", "schema", "materialized", "options", "definition",
            "indexes", "comment", "replacement");
    private static final Set<String> ROUTINE_KEYS = Set.of("name", "schema", "kind", "arguments", "returns", "language",
            "volatility", "strict", "security_definer", "leakproof", "parallel", "cost", "rows", "settings", "body",
            "comment", "replacement");
    private static final Set<String> TRIGGER_KEYS = Set.of("name", "table", "schema", "constraint", "timing", "events",
            "update_columns", "old_table", "new_table", "deferrable", "initially_deferred", "for_each", "when", "function",
            "function_schema", "arguments", "comment", "replacement");
    private static final Set<String> DOMAIN_KEYS = Set.of("name", "schema", "type", "collation", "default", "not_null",
            "checks", "comment", "replacement");
    private static final Set<String> POLICY_KEYS = Set.of("name", "table", "schema", "restrictive", "command", "roles",
            "using", "with_check", "comment", "replacement");

    private final RevisionReader r;

    ProgramReading(RevisionReader reader) {
        this.r = reader;
    }

    /** The operation, or null when the name is none of these kinds'. */
    Operation operation(String name, Node body) {
        return switch (name) {
            case "create_view" -> new ViewOps.CreateView(view(body, name, true), replacement(body, name, VIEW_KEYS));
            case "drop_view" -> new ViewOps.DropView(view(body, name, true), replacement(body, name, VIEW_KEYS));
            case "alter_view" -> new ViewOps.AlterView(change(body, name, n -> view(n, "view", false)));
            case "create_routine" -> new RoutineOps.CreateRoutine(routine(body, name, true), replacement(body, name, ROUTINE_KEYS));
            case "drop_routine" -> new RoutineOps.DropRoutine(routine(body, name, true), replacement(body, name, ROUTINE_KEYS));
            case "replace_routine" -> new RoutineOps.ReplaceRoutine(change(body, name, n -> routine(n, "routine", false)));
            case "create_trigger" -> new TriggerOps.CreateTrigger(trigger(body, name, true), replacement(body, name, TRIGGER_KEYS));
            case "drop_trigger" -> new TriggerOps.DropTrigger(trigger(body, name, true), replacement(body, name, TRIGGER_KEYS));
            case "alter_trigger" -> new TriggerOps.AlterTrigger(change(body, name, n -> trigger(n, "trigger", false)));
            case "create_policy" -> new PolicyOps.CreatePolicy(policy(body, name, true), replacement(body, name, POLICY_KEYS));
            case "drop_policy" -> new PolicyOps.DropPolicy(policy(body, name, true), replacement(body, name, POLICY_KEYS));
            case "alter_policy" -> new PolicyOps.AlterPolicy(change(body, name, n -> policy(n, "policy", false)));
            case "set_row_security" -> rowSecurity(body);
            case "create_domain" -> new DomainOps.CreateDomain(domain(body, name, true), replacement(body, name, DOMAIN_KEYS));
            case "drop_domain" -> new DomainOps.DropDomain(domain(body, name, true), replacement(body, name, DOMAIN_KEYS));
            case "alter_domain" -> new DomainOps.AlterDomain(change(body, name, n -> domain(n, "domain", false)));
            default -> null;
        };
    }

    private boolean replacement(Node body, String what, Set<String> keys) {
        return r.new Fields(body, what, keys).bool("replacement", false);
    }

    private <T> Change<T> change(Node body, String what, Function<Node, T> read) {
        RevisionReader.Fields f = r.new Fields(body, what, Set.of("from", "to"));
        return new Change<>(read.apply(f.need("from")), read.apply(f.need("to")));
    }

    /** @param replaceable whether the mapping may say {@code replacement} (a create or drop; not a side of a change) */
    private View view(Node n, String what, boolean replaceable) {
        RevisionReader.Fields f = r.new Fields(n, what, keys(VIEW_KEYS, replaceable));
        String name = f.text("name");
        List<String> options = r.strings(f.get("options"), "options");
        List<Index> indexes = r.list(f.get("indexes"), "indexes",
                i -> r.index(r.new Fields(i, "index", RevisionReader.INDEX_KEYS), i));
        return r.check(n, () -> new View(f.optText("schema"), name, f.text("definition"), f.bool("materialized", false),
                options, indexes, f.optText("comment")));
    }

    private Domain domain(Node n, String what, boolean replaceable) {
        RevisionReader.Fields f = r.new Fields(n, what, keys(DOMAIN_KEYS, replaceable));
        String name = f.text("name");
        SqlType type = r.type(f.need("type"));
        List<CheckConstraint> checks = r.list(f.get("checks"), "checks", r::checkConstraint);
        return r.check(n, () -> new Domain(f.optText("schema"), name, type, f.optText("default"), f.bool("not_null", false),
                checks, f.optText("collation"), f.optText("comment")));
    }

    private Routine routine(Node n, String what, boolean replaceable) {
        RevisionReader.Fields f = r.new Fields(n, what, keys(ROUTINE_KEYS, replaceable));
        String name = f.text("name");
        Routine.Kind kind = choice(f, "kind", Routine.Kind.class, Routine.Kind.FUNCTION);
        List<Routine.Argument> arguments = r.list(f.get("arguments"), "arguments", this::argument);
        Routine.Volatility volatility = choice(f, "volatility", Routine.Volatility.class, Routine.Volatility.VOLATILE);
        Routine.Parallel parallel = choice(f, "parallel", Routine.Parallel.class, Routine.Parallel.UNSAFE);
        Double cost = number(f, "cost");
        Double rows = number(f, "rows");
        List<String> settings = r.strings(f.get("settings"), "settings");
        return r.check(n, () -> new Routine(f.optText("schema"), name, kind, arguments, f.optText("returns"),
                f.text("language"), f.text("body"), volatility, f.bool("strict", false), f.bool("security_definer", false),
                f.bool("leakproof", false), parallel, cost, rows, settings, f.optText("comment")));
    }

    private Routine.Argument argument(Node n) {
        RevisionReader.Fields f = r.new Fields(n, "argument", Set.of("mode", "name", "type", "default"));
        Routine.Mode mode = choice(f, "mode", Routine.Mode.class, Routine.Mode.IN);
        return r.check(n, () -> new Routine.Argument(mode, f.optText("name"), f.text("type"), f.optText("default")));
    }

    private Trigger trigger(Node n, String what, boolean replaceable) {
        RevisionReader.Fields f = r.new Fields(n, what, keys(TRIGGER_KEYS, replaceable));
        String name = f.text("name");
        Trigger.Timing timing = choice(f, "timing", Trigger.Timing.class, null);
        if (timing == null) throw r.fail(n, what + ": missing key 'timing'");
        List<Trigger.Event> events = new ArrayList<>();
        for (String e : r.strings(f.need("events"), "events")) events.add(parse(f.get("events"), "events", e, Trigger.Event.class));
        String forEach = f.text("for_each");
        if (!forEach.equals("row") && !forEach.equals("statement")) {
            throw r.fail(f.get("for_each"), "'for_each' must be row or statement, not '" + forEach + "'");
        }
        List<String> updateColumns = r.strings(f.get("update_columns"), "update_columns");
        List<String> arguments = r.strings(f.get("arguments"), "arguments");
        return r.check(n, () -> new Trigger(f.optText("schema"), f.text("table"), name, timing, events, updateColumns,
                forEach.equals("row"), f.optText("when"), f.optText("function_schema"), f.text("function"), arguments,
                f.bool("constraint", false), f.bool("deferrable", false), f.bool("initially_deferred", false),
                f.optText("old_table"), f.optText("new_table"), f.optText("comment")));
    }

    private Policy policy(Node n, String what, boolean replaceable) {
        RevisionReader.Fields f = r.new Fields(n, what, keys(POLICY_KEYS, replaceable));
        String name = f.text("name");
        Policy.Command command = choice(f, "command", Policy.Command.class, Policy.Command.ALL);
        List<String> roles = r.strings(f.get("roles"), "roles");
        return r.check(n, () -> new Policy(f.optText("schema"), f.text("table"), name, !f.bool("restrictive", false), command,
                roles, f.optText("using"), f.optText("with_check"), f.optText("comment")));
    }

    private Operation rowSecurity(Node body) {
        RevisionReader.Fields f = r.new Fields(body, "set_row_security", Set.of("table", "schema", "from", "to"));
        String table = f.text("table");
        String schema = f.optText("schema");
        RowSecurity from = switches(f.need("from"), schema, table);
        RowSecurity to = switches(f.need("to"), schema, table);
        return new PolicyOps.SetRowSecurity(new Change<>(from, to));
    }

    private RowSecurity switches(Node n, String schema, String table) {
        RevisionReader.Fields f = r.new Fields(n, "row-level security", Set.of("enabled", "forced"));
        return r.check(n, () -> new RowSecurity(schema, table, f.bool("enabled", false), f.bool("forced", false)));
    }

    private static Set<String> keys(Set<String> all, boolean replaceable) {
        if (replaceable) return all;
        Set<String> out = new java.util.HashSet<>(all);
        out.remove("replacement");
        return out;
    }

    private <E extends Enum<E>> E choice(RevisionReader.Fields f, String key, Class<E> type, E absent) {
        String s = f.optText(key);
        return s == null ? absent : parse(f.get(key), key, s, type);
    }

    private <E extends Enum<E>> E parse(Node at, String key, String s, Class<E> type) {
        String wanted = s.strip().toUpperCase(Locale.ROOT).replace(' ', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(wanted)) return e;
        }
        throw r.fail(at, "'" + key + "' must be one of " + String.join(", ", java.util.Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT).replace('_', ' ')).toList()) + "; not '" + s + "'");
    }

    private Double number(RevisionReader.Fields f, String key) {
        String s = f.optText(key);
        if (s == null) return null;
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            throw r.fail(f.get(key), "'" + key + "' must be a number, not '" + s + "'");
        }
    }
}
