package dev.retort;

import dev.retort.dialect.Connections;
import dev.retort.dialect.DatabaseDataSource;
import dev.retort.dialect.DatabaseException;
import dev.retort.dialect.Dialect;
import dev.retort.dialect.Dialects;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

import static dev.retort.dialect.ErrorMessages.firstLine;

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
            throw new IllegalArgumentException("the data source's connections give no JDBC URL: configure the dialect (dialect(...))");
        }
        return Dialects.forUrl(url);
    }
}
