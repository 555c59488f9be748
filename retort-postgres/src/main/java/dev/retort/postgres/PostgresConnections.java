package dev.retort.postgres;

import dev.retort.api.Database;
import dev.retort.api.DatabaseException;
import org.postgresql.Driver;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.retort.internal.jdbc.ErrorMessages.firstLine;

/** Opening PostgreSQL connections, with failures said in one line and without the password. */
final class PostgresConnections {
    private static final Pattern URL = Pattern.compile("jdbc:postgresql:(?://([^/?]*))?/?([^?]*)");
    private static final Driver DRIVER = new Driver();

    private PostgresConnections() {
    }

    /**
     * @throws DatabaseException for an unreachable server, refused credentials, a missing database or a
     *                           URL the driver does not take, naming server, database and user
     */
    public static Connection open(Database database) {
        Matcher parts = URL.matcher(database.url());
        if (parts.lookingAt() && parts.group(1) != null && parts.group(1).contains("@")) {
            // The driver would read "user:pw@host" as a host name and say only that the attempt failed.
            throw new DatabaseException("the PostgreSQL driver does not take a user and password before the host ("
                    + database.safeUrl() + "): give them as the URL's user and password parameters, or apart (--user, RETORT_PASSWORD)");
        }
        Properties props = new Properties();
        if (database.user() != null) props.setProperty("user", database.user());
        if (database.password() != null) props.setProperty("password", database.password());
        props.putIfAbsent("connectTimeout", "10");
        props.putIfAbsent("ApplicationName", "retort");
        // The driver lets URL parameters win over properties; a user or password given apart must win.
        String url = database.url();
        if (database.user() != null) url = withoutParameter(url, "user");
        if (database.password() != null) url = withoutParameter(url, "password");
        Connection c;
        try {
            c = DRIVER.connect(url, props);
        } catch (SQLException e) {
            throw translate(database, e);
        }
        if (c == null) throw new DatabaseException("not a PostgreSQL URL: " + database.safeUrl());
        return c;
    }

    static DatabaseException translate(Database database, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String server = server(database.url());
        String db = databaseName(database.url());
        String user = database.user() != null ? database.user() : database.urlParameter("user");
        String reason = firstLine(e.getMessage());
        String message;
        if (state.equals("28P01") || state.equals("28000")) {
            message = "authentication failed for user " + (user == null ? "(default)" : user) + " on " + server + ": " + reason;
        } else if (state.equals("3D000")) {
            message = "database " + db + " does not exist on " + server;
        } else if (state.startsWith("08")) {
            message = "cannot connect to PostgreSQL at " + server + ": " + reason;
        } else {
            message = "cannot open " + database.safeUrl() + ": " + reason;
        }
        return new DatabaseException(message, e);
    }

    /** {@code host:port} as written in the URL, or {@code localhost:5432} by default. */
    static String server(String url) {
        Matcher m = URL.matcher(url);
        if (m.lookingAt() && m.group(1) != null && !m.group(1).isEmpty()) {
            String host = m.group(1);
            int at = host.lastIndexOf('@');
            return at >= 0 ? host.substring(at + 1) : host;
        }
        return "localhost:5432";
    }

    static String databaseName(String url) {
        Matcher m = URL.matcher(url);
        if (m.lookingAt() && m.group(2) != null && !m.group(2).isEmpty()) return m.group(2);
        String user = Database.of(url).urlParameter("user");
        return user != null ? user : "(default)";
    }

    static String withoutParameter(String url, String name) {
        int q = url.indexOf('?');
        if (q < 0) return url;
        StringBuilder kept = new StringBuilder();
        for (String pair : url.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equalsIgnoreCase(name) || pair.isEmpty()) continue;
            kept.append(kept.length() == 0 ? "" : "&").append(pair);
        }
        return url.substring(0, q) + (kept.length() == 0 ? "" : "?" + kept);
    }
}
