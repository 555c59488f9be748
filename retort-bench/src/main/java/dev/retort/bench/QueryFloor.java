package dev.retort.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The physical floor of a read-only scenario (drift, autogen-noop): the statements Retort sent, sent
 * again by a bare JDBC loop that reads every column of every row and builds nothing. What Retort
 * takes beyond it is its own work: building the models from the rows and comparing them.
 *
 * <p>{@link #recording} wraps a connection and notes each statement executed through it with its
 * bound parameters (arrays by their elements), so the floor is the very same queries with the same
 * parameters, whatever the reflector's SQL looks like today.
 */
final class QueryFloor {
    /** One executed statement: its text and the setter calls that bound its parameters, in order. */
    record Query(String sql, List<Binding> bindings) {
    }

    /** A {@code PreparedStatement.setX(index, value)} call; an array value as its type name and elements. */
    record Binding(String setter, Class<?>[] types, Object[] args) {
    }

    private record ArrayValue(String type, Object[] elements) {
    }

    private final List<Query> queries = new ArrayList<>();
    private final Map<Array, ArrayValue> arrays = new IdentityHashMap<>();

    private QueryFloor() {
    }

    /** A recorder; its {@link #wrap} connection notes what runs through it. */
    static QueryFloor recording() {
        return new QueryFloor();
    }

    List<Query> queries() {
        return List.copyOf(queries);
    }

    /** {@code connection}, noting every statement executed through it. */
    Connection wrap(Connection connection) {
        return proxy(Connection.class, connection, (method, args, result) -> {
            switch (method.getName()) {
                case "createArrayOf" -> arrays.put((Array) result, new ArrayValue((String) args[0], (Object[]) args[1]));
                case "createStatement" -> {
                    return proxy(Statement.class, result, (m, a, r) -> {
                        if (m.getName().startsWith("execute") && a != null && a.length > 0 && a[0] instanceof String sql) {
                            queries.add(new Query(sql, List.of()));
                        }
                        return r;
                    });
                }
                case "prepareStatement" -> {
                    String sql = (String) args[0];
                    List<Binding> bindings = new ArrayList<>();
                    return proxy(PreparedStatement.class, result, (m, a, r) -> {
                        if (m.getName().startsWith("set") && a != null && a.length == 2) {
                            Object value = a[1] instanceof Array array && arrays.containsKey(array) ? arrays.get(array) : a[1];
                            bindings.add(new Binding(m.getName(), m.getParameterTypes(), new Object[] {a[0], value}));
                        } else if (m.getName().startsWith("execute") && (a == null || a.length == 0)) {
                            queries.add(new Query(sql, List.copyOf(bindings)));
                        }
                        return r;
                    });
                }
                default -> {
                }
            }
            return result;
        });
    }

    /**
     * Sends {@code queries} on {@code connection}, one after the other, reading every value of every
     * row as text; returns the seconds taken and the number of values read.
     */
    static double[] replay(Connection connection, List<Query> queries) throws SQLException {
        long start = System.nanoTime();
        long values = 0;
        for (Query q : queries) {
            try (PreparedStatement ps = connection.prepareStatement(q.sql())) {
                for (Binding b : q.bindings()) bind(connection, ps, b);
                if (ps.execute()) {
                    try (ResultSet rs = ps.getResultSet()) {
                        int columns = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            for (int i = 1; i <= columns; i++) {
                                rs.getString(i);
                                values++;
                            }
                        }
                    }
                }
            }
        }
        return new double[] {(System.nanoTime() - start) / 1e9, values};
    }

    private static void bind(Connection connection, PreparedStatement ps, Binding b) throws SQLException {
        Object value = b.args()[1] instanceof ArrayValue a ? connection.createArrayOf(a.type(), a.elements()) : b.args()[1];
        try {
            PreparedStatement.class.getMethod(b.setter(), b.types()).invoke(ps, b.args()[0], value);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof SQLException s) throw s;
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot replay " + b.setter(), e);
        }
    }

    @FunctionalInterface
    private interface After {
        Object apply(Method method, Object[] args, Object result) throws Throwable;
    }

    /** {@code target} behind an interface, each call passed through and then to {@code after} with its result. */
    private static <T> T proxy(Class<T> type, Object target, After after) {
        return type.cast(Proxy.newProxyInstance(QueryFloor.class.getClassLoader(), new Class<?>[] {type}, (p, method, args) -> {
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            return after.apply(method, args, result);
        }));
    }
}
