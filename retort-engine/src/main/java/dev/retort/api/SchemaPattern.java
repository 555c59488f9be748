package dev.retort.api;

import java.util.regex.Pattern;

/**
 * A schema-name pattern such as {@code tenant_*}: {@code *} matches any run of characters (none
 * included), {@code ?} exactly one, everything else only itself, case included, as PostgreSQL
 * compares names. It is matched in Java against the names the catalog lists, so nothing of it is
 * ever put into SQL.
 */
public record SchemaPattern(String glob) {

    public SchemaPattern {
        if (glob == null || glob.isBlank()) throw new ConfigurationException("the tenant pattern is empty");
    }

    public static SchemaPattern of(String glob) {
        return new SchemaPattern(glob);
    }

    /** True when {@code text} uses a wildcard, so that a bare command-line spec is read as a pattern. */
    public static boolean isPattern(String text) {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0;
    }

    public boolean matches(String schema) {
        return regex().matcher(schema).matches();
    }

    /** The pattern as a regular expression: literal runs quoted, wildcards translated. */
    public Pattern regex() {
        StringBuilder out = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' || c == '?') {
                if (literal.length() > 0) out.append(Pattern.quote(literal.toString()));
                literal.setLength(0);
                out.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) out.append(Pattern.quote(literal.toString()));
        return Pattern.compile(out.toString(), Pattern.DOTALL);
    }
}
