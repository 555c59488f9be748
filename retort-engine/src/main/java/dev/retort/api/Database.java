package dev.retort.api;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where a database is: a JDBC URL and, when not in the URL, a user and password. {@link #toString()}
 * and every message built from a Database hide the password, wherever it was given.
 *
 * @param user     the user, or null to use the URL's (or the driver's default)
 * @param password the password, or null
 */
public record Database(String url, String user, String password) {

    /** The environment variable that names the database when no URL is given otherwise. */
    public static final String URL_VARIABLE = "RETORT_URL";

    // password=secret in a query string or a property list; user:secret@ in an authority.
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)(password|passwd|pwd)=[^&;\\s]*");
    private static final Pattern AUTHORITY_SECRET = Pattern.compile("(//[^/@:\\s]*):[^@/\\s]*@");

    public Database {
        if (url == null || url.isBlank()) throw new ConfigurationException("database URL is empty");
        url = url.strip();
        if (!url.startsWith("jdbc:")) {
            throw new ConfigurationException("not a JDBC URL (it must start with jdbc:): " + redact(url));
        }
    }

    public static Database of(String url) {
        return new Database(url, null, null);
    }

    /** The database named by {@value #URL_VARIABLE} in the environment given, or null when unset or blank. */
    public static Database fromEnvironment(Map<String, String> environment) {
        String url = environment.get(URL_VARIABLE);
        return url == null || url.isBlank() ? null : of(url);
    }

    public Database withCredentials(String newUser, String newPassword) {
        return new Database(url, newUser, newPassword);
    }

    /**
     * The value of a query parameter of the URL ({@code ?user=app&...}), its name compared without
     * case; null when absent. Not decoded: JDBC drivers take these values as written.
     */
    public String urlParameter(String name) {
        int q = url.indexOf('?');
        if (q < 0) return null;
        for (String pair : url.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equalsIgnoreCase(name)) return pair.substring(eq + 1);
        }
        return null;
    }

    /** The URL with any password in it replaced by {@code ***}: the form to show. */
    public String safeUrl() {
        return redact(url);
    }

    /** {@code text} with every password-looking part of a URL replaced by {@code ***}. */
    public static String redact(String text) {
        if (text == null) return null;
        String out = PASSWORD_PARAM.matcher(text).replaceAll("$1=***");
        return AUTHORITY_SECRET.matcher(out).replaceAll("$1:***@");
    }

    @Override
    public String toString() {
        return "Database[" + safeUrl() + (user == null ? "" : ", user " + user)
                + (password == null ? "" : ", password ***") + "]";
    }
}
