package dev.retort;

import java.util.ArrayList;
import java.util.List;

/** A function or procedure under definition ({@link Dsl#function}, {@link Dsl#procedure}); {@link MetaData#routine} builds it. */
public final class RoutineDef {
    private final String name;
    private final Routine.Kind kind;
    private final List<Routine.Argument> arguments = new ArrayList<>();
    private final List<String> settings = new ArrayList<>();
    private String returns;
    private String language;
    private String body;
    private Routine.Volatility volatility = Routine.Volatility.VOLATILE;
    private boolean strict;
    private boolean securityDefiner;
    private boolean leakproof;
    private Routine.Parallel parallel = Routine.Parallel.UNSAFE;
    private Double cost;
    private Double rows;
    private String comment;

    RoutineDef(String name, Routine.Kind kind) {
        this.name = name;
        this.kind = kind;
    }

    /** An input argument: {@code argument("x", "integer")}. */
    public RoutineDef argument(String argName, String type) {
        return argument(new Routine.Argument(Routine.Mode.IN, argName, type, null));
    }

    /** An input argument with a default: {@code argument("sep", "text", "'-'")}. */
    public RoutineDef argument(String argName, String type, String defaultValue) {
        return argument(new Routine.Argument(Routine.Mode.IN, argName, type, defaultValue));
    }

    public RoutineDef argument(Routine.Argument argument) {
        arguments.add(argument);
        return this;
    }

    public RoutineDef out(String argName, String type) {
        return argument(new Routine.Argument(Routine.Mode.OUT, argName, type, null));
    }

    public RoutineDef inout(String argName, String type) {
        return argument(new Routine.Argument(Routine.Mode.INOUT, argName, type, null));
    }

    public RoutineDef variadic(String argName, String type) {
        return argument(new Routine.Argument(Routine.Mode.VARIADIC, argName, type, null));
    }

    /** The result type as SQL: {@code integer}, {@code trigger}, {@code SETOF text}, {@code TABLE(id integer)}. */
    public RoutineDef returns(String type) {
        this.returns = type;
        return this;
    }

    public RoutineDef language(String lang) {
        this.language = lang;
        return this;
    }

    /** The source, as it goes between the dollar quotes (or a SQL function's {@code BEGIN ATOMIC ... END}). */
    public RoutineDef body(String source) {
        this.body = source;
        return this;
    }

    public RoutineDef stable() {
        volatility = Routine.Volatility.STABLE;
        return this;
    }

    public RoutineDef immutable() {
        volatility = Routine.Volatility.IMMUTABLE;
        return this;
    }

    /** {@code STRICT} ({@code RETURNS NULL ON NULL INPUT}). */
    public RoutineDef strict() {
        strict = true;
        return this;
    }

    public RoutineDef securityDefiner() {
        securityDefiner = true;
        return this;
    }

    public RoutineDef leakproof() {
        leakproof = true;
        return this;
    }

    public RoutineDef parallel(Routine.Parallel mode) {
        parallel = mode;
        return this;
    }

    public RoutineDef cost(double estimate) {
        cost = estimate;
        return this;
    }

    public RoutineDef rows(double estimate) {
        rows = estimate;
        return this;
    }

    /** A setting applied while it runs: {@code set("search_path", "public")}. */
    public RoutineDef set(String setting, String value) {
        settings.add(setting + "=" + value);
        return this;
    }

    public RoutineDef comment(String text) {
        comment = text;
        return this;
    }

    Routine build(String schema) {
        return new Routine(schema, name, kind, arguments, returns, language, body, volatility, strict, securityDefiner,
                leakproof, parallel, cost, rows, settings, comment);
    }
}
