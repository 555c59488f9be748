package dev.retort.compare;

import dev.retort.Policy;
import dev.retort.Routine;
import dev.retort.Trigger;
import dev.retort.View;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Equality of views, routines, triggers and policies. Their texts (queries, conditions, types, bodies)
 * are compared exactly when both sides are as the database prints them (a canonical model, or a model
 * read from a database), and through the normaliser's expression rules otherwise. Comments are left
 * out: they change in place.
 */
final class BodyDefinitions {
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final Normaliser normaliser;
    private final boolean exact;

    BodyDefinitions(Normaliser normaliser, boolean exact) {
        this.normaliser = normaliser;
        this.exact = exact;
    }

    String text(String sql) {
        if (sql == null) return null;
        return exact ? sql.strip() : normaliser.normaliseExpression(sql);
    }

    /** A type or an attribute word: exact, or lower case with single spaces. */
    private String word(String s) {
        if (s == null) return null;
        return exact ? s.strip() : SPACES.matcher(s.strip().toLowerCase(Locale.ROOT)).replaceAll(" ");
    }

    /** The query and kind; options, indexes and comment change in place and are compared apart. */
    boolean sameView(View a, View b) {
        return a.materialized() == b.materialized() && Objects.equals(text(a.definition()), text(b.definition()));
    }

    boolean sameViewOptions(View a, View b) {
        return options(a.options()).equals(options(b.options()));
    }

    /** Options as the database keeps them: the name lower case, the value unquoted, sorted. */
    static List<String> options(List<String> options) {
        return options.stream().map(o -> {
            int eq = o.indexOf('=');
            String value = o.substring(eq + 1).strip();
            if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) value = value.substring(1, value.length() - 1);
            return o.substring(0, eq).strip().toLowerCase(Locale.ROOT) + "=" + value;
        }).sorted().toList();
    }

    /** Everything but the comment. */
    boolean sameRoutine(Routine a, Routine b) {
        return a.kind() == b.kind() && sameArguments(a, b, true) && Objects.equals(word(a.returns()), word(b.returns()))
                && a.language().equals(b.language()) && sameBody(a, b) && a.volatility() == b.volatility()
                && a.strict() == b.strict() && a.securityDefiner() == b.securityDefiner() && a.leakproof() == b.leakproof()
                && a.parallel() == b.parallel() && Objects.equals(a.cost(), b.cost()) && Objects.equals(a.rows(), b.rows())
                && settings(a).equals(settings(b));
    }

    /**
     * Whether {@code CREATE OR REPLACE} turns {@code from} into {@code to}: PostgreSQL refuses to change
     * the kind, the result type (OUT arguments included), an argument's name, or to remove a default.
     */
    boolean replaceable(Routine from, Routine to) {
        if (from.kind() != to.kind() || !Objects.equals(word(from.returns()), word(to.returns()))
                || !sameArguments(from, to, false)) {
            return false;
        }
        for (int i = 0; i < from.arguments().size(); i++) {
            if (from.arguments().get(i).defaultValue() != null && to.arguments().get(i).defaultValue() == null) return false;
        }
        return true;
    }

    private boolean sameArguments(Routine a, Routine b, boolean defaults) {
        if (a.arguments().size() != b.arguments().size()) return false;
        for (int i = 0; i < a.arguments().size(); i++) {
            Routine.Argument x = a.arguments().get(i);
            Routine.Argument y = b.arguments().get(i);
            if (x.mode() != y.mode() || !Objects.equals(x.name(), y.name()) || !Objects.equals(word(x.type()), word(y.type()))) {
                return false;
            }
            if (defaults && !Objects.equals(text(x.defaultValue()), text(y.defaultValue()))) return false;
        }
        return true;
    }

    /**
     * PostgreSQL keeps a body as written (but a SQL function's {@code BEGIN ATOMIC}, which it parses and
     * prints): two bodies are the same only when their text is, up to the space around it.
     */
    private boolean sameBody(Routine a, Routine b) {
        return a.body().strip().equals(b.body().strip()) || (!exact && text(a.body()).equals(text(b.body()))
                && isParsedBody(a) && isParsedBody(b));
    }

    static boolean isParsedBody(Routine r) {
        String s = r.body().stripLeading().toUpperCase(Locale.ROOT);
        return "sql".equals(r.language()) && (s.startsWith("RETURN") || s.matches("(?s)^BEGIN\\s+ATOMIC\\b.*"));
    }

    private static List<String> settings(Routine r) {
        return r.settings().stream().map(s -> {
            int eq = s.indexOf('=');
            return s.substring(0, eq).strip().toLowerCase(Locale.ROOT) + "=" + s.substring(eq + 1).strip();
        }).sorted().toList();
    }

    /** Everything but the comment. */
    boolean sameTrigger(Trigger a, Trigger b) {
        return a.timing() == b.timing() && a.events().equals(b.events()) && a.updateColumns().equals(b.updateColumns())
                && a.forEachRow() == b.forEachRow() && Objects.equals(text(a.when()), text(b.when()))
                && Objects.equals(a.functionSchema(), b.functionSchema()) && a.function().equals(b.function())
                && a.arguments().equals(b.arguments()) && a.constraint() == b.constraint()
                && a.deferrable() == b.deferrable() && a.initiallyDeferred() == b.initiallyDeferred()
                && Objects.equals(a.oldTable(), b.oldTable()) && Objects.equals(a.newTable(), b.newTable());
    }

    /**
     * Whether {@code ALTER POLICY} turns {@code from} into {@code to}: it cannot change the command or
     * whether the policy is permissive, and can set a condition but not remove one.
     */
    static boolean alterable(Policy from, Policy to) {
        return from.permissive() == to.permissive() && from.command() == to.command()
                && (from.using() == null || to.using() != null) && (from.withCheck() == null || to.withCheck() != null);
    }

    /** Everything but the comment. */
    boolean samePolicy(Policy a, Policy b) {
        return a.permissive() == b.permissive() && a.command() == b.command() && a.roles().equals(b.roles()) && Objects.equals(text(a.using()), text(b.using()))
                && Objects.equals(text(a.withCheck()), text(b.withCheck()));
    }
}
