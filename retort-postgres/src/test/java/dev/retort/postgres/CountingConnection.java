package dev.retort.postgres;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** A Connection that counts the statements executed through it: a plain wrapper, not a mock. */
public final class CountingConnection {
    public final AtomicInteger executions = new AtomicInteger();
    public final Connection connection;

    public CountingConnection(Connection real) {
        this.connection = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object result = invoke(real, method, args);
                    return result instanceof Statement st ? countingStatement(st) : result;
                });
    }

    private Object countingStatement(Statement real) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().startsWith("execute")) executions.incrementAndGet();
            return invoke(real, method, args);
        };
        return Proxy.newProxyInstance(getClass().getClassLoader(), allStatementInterfaces(real), handler);
    }

    private static Class<?>[] allStatementInterfaces(Statement st) {
        if (st instanceof java.sql.CallableStatement) return new Class<?>[] {java.sql.CallableStatement.class};
        if (st instanceof java.sql.PreparedStatement) return new Class<?>[] {java.sql.PreparedStatement.class};
        return new Class<?>[] {Statement.class};
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
