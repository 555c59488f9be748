package dev.retort.spi;

import dev.retort.api.ConfigurationException;
import dev.retort.api.Database;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** The dialects on the class path, found with {@link ServiceLoader}. */
public final class Dialects {
    private Dialects() {
    }

    /** Every registered dialect, in class-path order. */
    public static List<Dialect> all() {
        List<Dialect> out = new ArrayList<>();
        ServiceLoader.load(Dialect.class, Dialects.class.getClassLoader()).forEach(out::add);
        return out;
    }

    /**
     * The dialect for a JDBC URL.
     *
     * @throws ConfigurationException naming the URL (password removed) and the known dialects
     */
    public static Dialect forUrl(String jdbcUrl) {
        List<Dialect> all = all();
        for (Dialect d : all) {
            if (jdbcUrl != null && d.acceptsUrl(jdbcUrl)) return d;
        }
        throw new ConfigurationException("no database dialect for URL " + Database.redact(jdbcUrl) + " (known: "
                + String.join(", ", all.stream().map(Dialect::name).toList()) + ")");
    }

    /**
     * The dialect called {@code name}.
     *
     * @throws ConfigurationException naming the known dialects
     */
    public static Dialect named(String name) {
        List<Dialect> all = all();
        return all.stream().filter(d -> d.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new ConfigurationException("no database dialect called " + name + " (known: "
                        + String.join(", ", all.stream().map(Dialect::name).toList()) + ")"));
    }
}
