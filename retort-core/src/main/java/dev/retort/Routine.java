package dev.retort;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A function or a procedure. Types, defaults and the body are SQL text, without the tenant's schema
 * (names of the routine's own schema are written unqualified; {@code ${schema}} stands for that schema
 * where a name must be qualified), so one definition serves every tenant.
 *
 * <p>Two routines of one schema may share a name when their argument types differ (overloading): a
 * routine is identified by its {@link #signature()}.
 *
 * @param returns         the result type ({@code integer}, {@code trigger}, {@code SETOF text},
 *                        {@code TABLE(id integer, label text)}); null for a procedure
 * @param language        {@code sql}, {@code plpgsql}, ...
 * @param body            the source as written between the dollar quotes, or, for a SQL function whose
 *                        body the server parses, {@code BEGIN ATOMIC ... END} or {@code RETURN expr}
 * @param cost            the planner's estimated cost, or null for the database's default
 * @param rows            the estimated rows of a set-returning function, or null for the default
 * @param settings        configuration set while it runs, as {@code name=value} ({@code search_path=public})
 */
public record Routine(String schema, String name, Kind kind, List<Argument> arguments, String returns, String language,
                      String body, Volatility volatility, boolean strict, boolean securityDefiner, boolean leakproof,
                      Parallel parallel, Double cost, Double rows, List<String> settings, String comment) {

    public enum Kind {
        FUNCTION, PROCEDURE;

        public String sql() {
            return name();
        }
    }

    public enum Volatility { VOLATILE, STABLE, IMMUTABLE }

    public enum Parallel { UNSAFE, RESTRICTED, SAFE }

    /** How an argument passes: {@code IN} (the default), {@code OUT}, {@code INOUT} or {@code VARIADIC}. */
    public enum Mode {
        IN, OUT, INOUT, VARIADIC;

        /** Whether the argument is part of the routine's identity (OUT arguments are not). */
        public boolean identifies() {
            return this != OUT;
        }
    }

    /**
     * One argument.
     *
     * @param name         the name, or null for an unnamed argument
     * @param type         the type as SQL ({@code integer}, {@code text[]}, {@code anyelement})
     * @param defaultValue the default as an SQL expression, or null
     */
    public record Argument(Mode mode, String name, String type, String defaultValue) {
        public Argument {
            if (mode == null) mode = Mode.IN;
            if (name != null && name.isEmpty()) name = null;
            if (name != null) Identifiers.check("argument", name);
            if (type == null || type.isBlank()) throw new IllegalArgumentException("argument " + name + " has no type");
            type = type.strip();
            if (defaultValue != null && defaultValue.isBlank()) defaultValue = null;
        }

        public static Argument of(String name, String type) {
            return new Argument(Mode.IN, name, type, null);
        }

        @Override
        public String toString() {
            return (mode == Mode.IN ? "" : mode.name().toLowerCase(Locale.ROOT) + " ") + (name == null ? "" : name + " ")
                    + type + (defaultValue == null ? "" : " default " + defaultValue);
        }
    }

    private static final Pattern SPACES = Pattern.compile("\\s+");

    public Routine {
        String what = kind == null ? "function" : kind.name().toLowerCase(Locale.ROOT);
        Identifiers.check(what, name);
        if (schema != null) Identifiers.check(what + " " + name + ": schema", schema);
        if (kind == null) kind = Kind.FUNCTION;
        arguments = arguments == null ? List.of() : List.copyOf(arguments);
        if (returns != null && returns.isBlank()) returns = null;
        if (kind == Kind.FUNCTION && returns == null) {
            throw new IllegalArgumentException("function " + name + " has no return type");
        }
        if (kind == Kind.PROCEDURE && returns != null) {
            throw new IllegalArgumentException("procedure " + name + " cannot return " + returns + " (a function can)");
        }
        if (language == null || language.isBlank()) throw new IllegalArgumentException(what + " " + name + " has no language");
        language = language.strip().toLowerCase(Locale.ROOT);
        if (body == null || body.isBlank()) throw new IllegalArgumentException(what + " " + name + " has no body");
        if (volatility == null) volatility = Volatility.VOLATILE;
        if (parallel == null) parallel = Parallel.UNSAFE;
        settings = settings == null ? List.of() : List.copyOf(settings);
        for (String s : settings) {
            if (s.indexOf('=') <= 0) throw new IllegalArgumentException(what + " " + name + ": setting '" + s + "' is not name=value");
        }
    }

    /** {@code name(type, ...)} over the arguments that identify it (all but OUT), types as written, lower case. */
    public String signature() {
        List<String> types = new ArrayList<>();
        for (Argument a : arguments) {
            if (a.mode().identifies()) types.add(SPACES.matcher(a.type().toLowerCase(Locale.ROOT)).replaceAll(" "));
        }
        return name + "(" + String.join(", ", types) + ")";
    }

    /** {@code schema.name(types)}: the key in {@link MetaData#routines()}. */
    public String key() {
        return schema == null ? signature() : schema + "." + signature();
    }

    /** "function" or "procedure". */
    public String what() {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    public Routine withSchema(String newSchema) {
        return new Routine(newSchema, name, kind, arguments, returns, language, body, volatility, strict, securityDefiner,
                leakproof, parallel, cost, rows, settings, comment);
    }

    public Routine withComment(String newComment) {
        return new Routine(schema, name, kind, arguments, returns, language, body, volatility, strict, securityDefiner,
                leakproof, parallel, cost, rows, settings, newComment);
    }

    public Routine withBody(String newBody) {
        return new Routine(schema, name, kind, arguments, returns, language, newBody, volatility, strict, securityDefiner,
                leakproof, parallel, cost, rows, settings, comment);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(what()).append(' ').append(schema == null ? "" : schema + ".").append(name)
                .append('(').append(String.join(", ", arguments.stream().map(Argument::toString).toList())).append(')');
        if (returns != null) s.append(" returns ").append(returns);
        s.append(" language ").append(language);
        if (volatility != Volatility.VOLATILE) s.append(' ').append(volatility.name().toLowerCase(Locale.ROOT));
        if (strict) s.append(" strict");
        if (securityDefiner) s.append(" security definer");
        if (leakproof) s.append(" leakproof");
        if (parallel != Parallel.UNSAFE) s.append(" parallel ").append(parallel.name().toLowerCase(Locale.ROOT));
        if (cost != null) s.append(" cost ").append(cost);
        if (rows != null) s.append(" rows ").append(rows);
        settings.forEach(x -> s.append(" set ").append(x));
        if (comment != null) s.append(" comment '").append(comment).append('\'');
        return s.toString();
    }
}
