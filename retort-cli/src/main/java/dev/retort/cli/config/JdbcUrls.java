package dev.retort.cli.config;

import java.util.regex.Pattern;

/** Checks JDBC URLs and makes them fit to print. */
public final class JdbcUrls {
    /** {@code password=...} in a URL's query (PostgreSQL's driver accepts it there), up to the next separator. */
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&;]password=)[^&;]*");
    /** {@code user:password@host}, which some drivers accept. */
    private static final Pattern USER_INFO = Pattern.compile("(//[^/@:?]*:)[^/@?]*@");

    private JdbcUrls() {
    }

    /** What is wrong with the URL, or null when it looks like a JDBC URL. */
    public static String problem(String url) {
        if (url.isBlank()) return "is empty";
        if (!url.startsWith("jdbc:")) {
            return "is not a JDBC URL (jdbc:postgresql://HOST:PORT/DATABASE): '" + mask(url) + "'";
        }
        return null;
    }

    /** The URL with any password in it replaced by {@value Secret#MASK}. */
    public static String mask(String url) {
        if (url == null) return null;
        String masked = PASSWORD_PARAMETER.matcher(url).replaceAll("$1" + Secret.MASK);
        return USER_INFO.matcher(masked).replaceAll("$1" + Secret.MASK + "@");
    }
}
