package dev.retort.cli.config;

/**
 * Where a setting's value came from, so that {@code retort config} can say it and an error about
 * the value can point at it.
 *
 * @param origin the kind of source
 * @param where  the option, the variable, or {@code file:line}; empty for a default
 */
public record Source(Origin origin, String where) {

    /** The sources, strongest first: an option beats a variable, which beats the file. */
    public enum Origin { OPTION, ENVIRONMENT, FILE, DEFAULT }

    public static Source option(String name) {
        return new Source(Origin.OPTION, name);
    }

    public static Source environment(String variable) {
        return new Source(Origin.ENVIRONMENT, variable);
    }

    public static Source file(String fileName, int line) {
        return new Source(Origin.FILE, fileName + ":" + line);
    }

    public static Source byDefault() {
        return new Source(Origin.DEFAULT, "");
    }

    /** For people: {@code option --url}, {@code env RETORT_URL}, {@code retort.yaml:3}, {@code default}. */
    public String describe() {
        return switch (origin) {
            case OPTION -> "option " + where;
            case ENVIRONMENT -> "env " + where;
            case FILE -> where;
            case DEFAULT -> "default";
        };
    }

    @Override
    public String toString() {
        return describe();
    }
}
