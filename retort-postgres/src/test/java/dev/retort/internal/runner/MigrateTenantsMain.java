package dev.retort.internal.runner;

import dev.retort.api.Retort;
import dev.retort.testkit.TestDatabase;

import java.nio.file.Path;

/**
 * A runner in a process of its own, for {@link KilledRunnerTest} to kill: upgrades tenants
 * {@code PREFIX0000} to {@code PREFIX(COUNT-1)} to head, one after the other.
 * Arguments: JDBC_URL MIGRATIONS_DIR PREFIX COUNT.
 */
public final class MigrateTenantsMain {
    private MigrateTenantsMain() {
    }

    public static void main(String[] args) {
        Retort retort = Retort.configure().dataSource(TestDatabase.dataSource(args[0])).migrations(Path.of(args[1])).load();
        int count = Integer.parseInt(args[3]);
        for (int i = 0; i < count; i++) retort.upgrade("head", String.format("%s%04d", args[2], i));
    }
}
