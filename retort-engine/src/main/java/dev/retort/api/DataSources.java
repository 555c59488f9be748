package dev.retort.api;

import dev.retort.internal.jdbc.Connections;
import dev.retort.spi.Dialect;
import dev.retort.spi.Dialects;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

import static dev.retort.internal.jdbc.ErrorMessages.firstLine;

/** What the facade needs to know of a {@link DataSource}: its dialect. */
final class DataSources {
    private DataSources() {
    }

    /** The dialect that takes the data source's JDBC URL, read from a connection's metadata. */
    static Dialect dialectOf(DataSource dataSource) {
        if (dataSource instanceof DatabaseDataSource known) return known.dialect();
        String url;
        try (Connection c = Connections.open(dataSource)) {
            url = c.getMetaData().getURL();
        } catch (SQLException e) {
            throw new DatabaseException("cannot read the data source's JDBC URL: " + firstLine(e.getMessage()), e);
        }
        if (url == null) {
            throw new ConfigurationException("the data source's connections give no JDBC URL: configure the dialect (dialect(...))");
        }
        return Dialects.forUrl(url);
    }
}
