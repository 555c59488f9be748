package dev.retort;

import dev.retort.dialect.DatabaseDataSource;
import dev.retort.dialect.DatabaseException;
import dev.retort.dialect.Dialect;
import dev.retort.dialect.Dialects;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

import static dev.retort.dialect.ErrorMessages.firstLine;

/** What the facade needs from a {@link DataSource}: connections with one-line failures, and its dialect. */
final class DataSources {
    private DataSources() {
    }

    /** The dialect that takes the data source's JDBC URL, read from a connection's metadata. */
    static Dialect dialectOf(DataSource dataSource) {
        if (dataSource instanceof DatabaseDataSource known) return known.dialect();
        String url;
        try (Connection c = connect(dataSource)) {
            url = c.getMetaData().getURL();
        } catch (SQLException e) {
            throw new DatabaseException("cannot read the data source's JDBC URL: " + firstLine(e.getMessage()), e);
        }
        if (url == null) {
            throw new IllegalArgumentException("the data source's connections give no JDBC URL: configure the dialect (dialect(...))");
        }
        return Dialects.forUrl(url);
    }

    /** A connection, or a one-line {@link DatabaseException}. */
    static Connection connect(DataSource dataSource) {
        try {
            Connection c = dataSource.getConnection();
            if (c == null) throw new DatabaseException("the data source gave no connection");
            return c;
        } catch (SQLException e) {
            throw new DatabaseException("cannot connect to the database: " + firstLine(e.getMessage()), e);
        }
    }
}
