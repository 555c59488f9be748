package dev.retort.internal.runner;

import dev.retort.internal.jdbc.SimpleDataSource;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;

/**
 * A data source over one connection the caller owns (a fan-out's pooled connection): the runner
 * "closes" what it gets, which here leaves the connection open for the fan-out to return to its pool.
 * The runner restores auto-commit and releases its lock itself, so the connection is left as found.
 */
final class BorrowedConnection extends SimpleDataSource {
    private final Connection connection;

    BorrowedConnection(Connection connection) {
        this.connection = connection;
    }

    @Override
    public Connection getConnection() {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) return null;
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public Connection getConnection(String username, String password) {
        return getConnection();
    }
}
