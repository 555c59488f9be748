package dev.retort.api;

import java.util.regex.Pattern;

/**
 * One database server (or database) of several, with the tenants it holds.
 *
 * @param name     how reports and messages name it: never holds a password
 * @param database where it is
 * @param tenants  its tenant set
 */
public record Shard(String name, Database database, TenantSpec tenants) {
    private static final Pattern USER_INFO = Pattern.compile("//[^/@?]*@");

    public Shard {
        if (name == null || name.isBlank()) throw new ConfigurationException("a shard has no name");
        if (database == null) throw new ConfigurationException("shard " + name + " has no database");
        if (tenants == null) throw new ConfigurationException("shard " + name + " names no tenants");
        name = Database.redact(name);
    }

    /** A shard named after its URL: {@code postgresql://host:port/db}, without user, password or parameters. */
    public static Shard of(Database database, TenantSpec tenants) {
        return new Shard(nameOf(database), database, tenants);
    }

    static String nameOf(Database database) {
        String url = database.safeUrl();
        if (url.startsWith("jdbc:")) url = url.substring("jdbc:".length());
        int query = url.indexOf('?');
        if (query >= 0) url = url.substring(0, query);
        return USER_INFO.matcher(url).replaceFirst("//");
    }

    @Override
    public String toString() {
        return "Shard[" + name + ", " + database + ", " + tenants.describe() + "]";
    }
}
