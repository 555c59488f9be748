package dev.retort.internal.jdbc;

import dev.retort.api.DatabaseException;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

import static dev.retort.internal.jdbc.ErrorMessages.firstLine;

/** Connections from any {@link DataSource}, with its failures said in Retort's one line. */
public final class Connections {
    private Connections() {
    }

    /**
     * A connection from {@code dataSource}.
     *
     * @throws DatabaseException when it cannot give one, or gives none
     */
    public static Connection open(DataSource dataSource) {
        try {
            Connection c = dataSource.getConnection();
            if (c == null) throw new DatabaseException("the data source gave no connection");
            return c;
        } catch (SQLException e) {
            throw new DatabaseException("cannot connect to the database: " + firstLine(e.getMessage()), e);
        }
    }
}
