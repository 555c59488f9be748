package dev.retort.postgres.conformance;

import java.util.Map;

/**
 * Whether a case applies to Retort on this server at all, from its sqldef options alone. Options
 * that only change how sqldef words its output ({@code legacy_ignore_quotes}, {@code config}) do not
 * change the database states, so they do not matter here; {@code enable_drop: false} runs the diff
 * without drops ({@link Convergence}); {@code user} runs the DDL with that role's search path.
 * Whether a case's objects are in scope is not decided here but by the committed skip list.
 */
final class Applicability {
    private Applicability() {
    }

    /** The reason the case does not apply, or null when it does. */
    static String notApplicable(Corpus.Case c, int serverMajor) {
        if (c.flag("offline", false)) {
            return "offline case: checks sqldef's parser on a proprietary dialect, with no database";
        }
        Object flavor = c.option("flavor");
        if (flavor != null && !flavor.toString().startsWith("!")) {
            return "needs the " + flavor + " flavour of the server";
        }
        Object min = c.option("min_version");
        if (min != null && major(min.toString()) > serverMajor) {
            return "needs PostgreSQL " + min + " or later (the server is " + serverMajor + ")";
        }
        Object max = c.option("max_version");
        if (max != null && major(max.toString()) < serverMajor) {
            return "needs PostgreSQL " + max + " or earlier (the server is " + serverMajor + ")";
        }
        Object error = c.option("error");
        if (error != null) {
            return "expects sqldef to refuse the input (\"" + oneLine(error.toString()) + "\"): a check of sqldef's own rules";
        }
        if (c.option("managed_roles") != null) return "manages the privileges of roles: out of scope";
        if (c.option("manage") instanceof Map<?, ?> manage) {
            if (manage.containsKey("privilege")) return "manages privileges: out of scope";
            if (manage.containsKey("function")) return "manages functions: out of scope";
            if (manage.containsKey("extension")) return "manages extensions: out of scope";
        }
        return null;
    }

    private static int major(String version) {
        int dot = version.indexOf('.');
        return Integer.parseInt(dot < 0 ? version : version.substring(0, dot));
    }

    private static String oneLine(String s) {
        String t = s.strip().replaceAll("\\s+", " ");
        return t.length() > 80 ? t.substring(0, 77) + "..." : t;
    }
}
