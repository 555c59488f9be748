package dev.retort.cli.migrate;

import dev.retort.api.Retort;
import dev.retort.cli.CancelOnShutdown;
import dev.retort.cli.DatabaseSession;
import dev.retort.cli.Main;
import dev.retort.cli.RetortFactory;
import dev.retort.cli.config.SchemaOption;
import dev.retort.cli.config.Settings;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.Function;

/**
 * What a migration command starts from: the settings, the schema it works on ({@code --schema}, then
 * {@code TARGET_SCHEMA}, then retort.yaml), and the facade over the configured database for the
 * length of the command.
 */
record Session(CommandLine.Model.CommandSpec spec, Settings settings, String schema) {

    static Session of(CommandLine.Model.CommandSpec spec, SchemaOption schema) {
        Settings settings = Main.settings(spec, schema.value());
        return new Session(spec, settings, settings.requireSchema());
    }

    /** Runs {@code work} with the facade over the database (the embedded server started and stopped around it). */
    <T> T online(Duration lockTimeout, Function<Retort, T> work) {
        settings.requireMigrations();
        try (DatabaseSession db = DatabaseSession.open(settings)) {
            Retort retort = RetortFactory.online(settings, db, err()::println, lockTimeout);
            try (CancelOnShutdown ignored = CancelOnShutdown.install(retort)) {
                return work.apply(retort);
            }
        }
    }

    /** The facade without a database, for offline SQL. */
    Retort offline() {
        return RetortFactory.offline(settings, err()::println);
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
