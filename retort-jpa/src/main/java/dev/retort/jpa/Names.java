package dev.retort.jpa;

import java.util.Locale;

/**
 * Turns logical names into database names under a {@link NamingStrategy}, and composes the implicit
 * names the specification (or Spring's implicit strategy) derives from other names.
 */
final class Names {
    private final NamingStrategy strategy;
    private final boolean fold;

    Names(NamingStrategy strategy, boolean fold) {
        this.strategy = strategy;
        this.fold = fold;
    }

    NamingStrategy strategy() {
        return strategy;
    }

    /** A name in double quotes or backticks: an exact, case-sensitive name in Hibernate's dialect. */
    static boolean isQuoted(String name) {
        return name.length() > 1 && (name.startsWith("\"") && name.endsWith("\"") || name.startsWith("`") && name.endsWith("`"));
    }

    /** The text of a name without its quotes. */
    static String text(String name) {
        return isQuoted(name) ? name.substring(1, name.length() - 1) : name;
    }

    /** The database name of a logical name. */
    String physical(String logical) {
        if (isQuoted(logical)) return text(logical);
        String s = unfolded(logical);
        return fold ? s.toLowerCase(Locale.ROOT) : s;
    }

    /**
     * The name the naming strategy gives before the database folds an unquoted name: Hibernate composes
     * implicit sequence and join-table names from these.
     */
    String unfolded(String logical) {
        if (isQuoted(logical)) return text(logical);
        return strategy == NamingStrategy.SNAKE_CASE ? snake(logical) : logical;
    }

    /**
     * Spring's rule: dots become underscores, an underscore goes before an upper-case letter that sits
     * between a lower-case letter or digit and a lower-case letter or digit, and all is lower-cased.
     */
    static String snake(String name) {
        StringBuilder b = new StringBuilder(name.replace('.', '_'));
        for (int i = 1; i < b.length() - 1; i++) {
            char before = b.charAt(i - 1);
            char current = b.charAt(i);
            char after = b.charAt(i + 1);
            if ((Character.isLowerCase(before) || Character.isDigit(before)) && Character.isUpperCase(current)
                    && (Character.isLowerCase(after) || Character.isDigit(after))) {
                b.insert(i++, '_');
            }
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * The implicit name of a many-to-many (or one-to-many) join table: the two tables' names under the
     * specification, the owner's table and the attribute under Spring's implicit strategy.
     */
    String joinTable(String ownerTableLogical, String targetTableLogical, String attribute) {
        if (strategy == NamingStrategy.SNAKE_CASE) return physical(unfolded(ownerTableLogical) + "_" + attribute);
        return physical(unfolded(ownerTableLogical) + "_" + unfolded(targetTableLogical));
    }

    /** {@code <prefix>_<referenced column>}: implicit join columns. */
    String joinColumn(String prefix, String referencedLogical) {
        return physical(prefix + "_" + text(referencedLogical));
    }
}
