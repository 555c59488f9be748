package dev.retort.cli;

import dev.retort.api.ConfigurationException;
import dev.retort.Identifiers;
import dev.retort.api.Database;
import dev.retort.api.DatabaseDataSource;
import dev.retort.api.Retort;
import dev.retort.api.SchemaDiff;
import dev.retort.api.SqlScript;
import dev.retort.cli.config.Overrides;
import dev.retort.cli.config.Settings;
import dev.retort.spi.Dialect;
import dev.retort.spi.Dialects;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * {@code retort diff}: what makes schema A match schema B. B is read, its objects retargeted onto A
 * (the clone-with-schema of the reflected model), and compared with A as a model is; objects B refers
 * to in other schemas are referred to, not created. Prints nothing and exits 0 when A already matches,
 * prints the operations (or with {@code --sql} the SQL for A) and exits 3 otherwise.
 */
@Command(name = "diff", sortOptions = false,
        description = {"Print what makes schema A match schema B: the operations, one per line (destructive ones "
                + "marked !), or with --sql the SQL statements for A. Objects of kinds Retort does not migrate that "
                + "differ are listed too, as '? not managed: KIND NAME (only in S | differs)'.",
                "Exit code 0 and no output when A already matches B, 3 when there are differences (with --managed-only, "
                + "differences Retort migrates), 1 on an error."},
        footer = {"", "A side without a URL of its own is the configured database (--url, RETORT_URL, retort.yaml's url); "
                + "without one, the embedded PostgreSQL on .retort/pg beside retort.yaml is started for the command."})
public final class DiffCommand implements Callable<Integer> {
    static final String FROM_URL = "--from-url";
    static final String TO_URL = "--to-url";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = FROM_URL, paramLabel = "JDBC_URL", description = "The database of schema A (default: the --url database).")
    String fromUrl;

    @Option(names = TO_URL, paramLabel = "JDBC_URL", description = "The database of schema B (default: the --url database).")
    String toUrl;

    @Option(names = "--from-schema", required = true, paramLabel = "A", description = "The schema to change.")
    String fromSchema;

    @Option(names = "--to-schema", required = true, paramLabel = "B", description = "The schema to match.")
    String toSchema;

    @Option(names = "--sql", description = "Print the SQL statements for A instead of the operations.")
    boolean sql;

    @Option(names = "--no-drops", description = "Leave out what would drop objects A has and B lacks.")
    boolean noDrops;

    @Option(names = "--managed-only", description = "Exit 0 when what Retort migrates matches, even if objects of "
            + "kinds it does not migrate (listed with ?) differ.")
    boolean managedOnly;

    @Override
    public Integer call() {
        checkSchema("--from-schema", fromSchema);
        checkSchema("--to-schema", toSchema);
        if (Main.of(spec).url != null && fromUrl != null && toUrl != null) {
            throw usage(Overrides.URL_OPTION + " is not used when both " + FROM_URL + " and " + TO_URL + " are given");
        }
        // Every URL given is checked before a server is started or a connection opened.
        Database from = fromUrl != null ? database(FROM_URL, fromUrl) : null;
        Database to = toUrl != null ? database(TO_URL, toUrl) : null;
        Settings settings = Main.settings(spec, null);
        Main.checkSchema(spec, "--from-schema", fromSchema, dialectOf(from, settings), settings.tenantNamePattern());
        Main.checkSchema(spec, "--to-schema", toSchema, dialectOf(to, settings), settings.tenantNamePattern());
        if (from != null && to != null) return compare(from, to, settings.versionTable());
        // The side without a URL of its own is the configured database, or the embedded server.
        try (DatabaseSession session = DatabaseSession.open(settings)) {
            return compare(from != null ? from : session.database(), to != null ? to : session.database(),
                    settings.versionTable());
        }
    }

    /** @param versionTable Retort's own table in each schema, which no comparison sees */
    private int compare(Database from, Database to, String versionTable) {
        Dialect dialect = Dialects.forUrl(from.url());
        Dialect other = Dialects.forUrl(to.url());
        if (!dialect.name().equals(other.name())) {
            throw usage("schema A is in a " + dialect.name() + " database and B in a " + other.name()
                    + " one: both must be of one kind");
        }
        Retort retort = Retort.configure().dataSource(new DatabaseDataSource(dialect, from)).dialect(dialect)
                .versionTable(versionTable).load();
        SchemaDiff diff = retort.diff(fromSchema, from.equals(to) ? null : new DatabaseDataSource(other, to), toSchema, !noDrops);
        if (diff.isEmpty()) return ExitCode.OK;
        print(diff);
        return managedOnly && diff.isManagedEmpty() ? ExitCode.OK : ExitCode.DIFFERENCES;
    }

    /** The operations, one per line, or the SQL for schema A, one block per operation. */
    private void print(SchemaDiff diff) {
        PrintWriter out = spec.commandLine().getOut();
        if (!sql) {
            diff.describe().forEach(out::println);
            diff.notManaged().forEach(n -> out.println("? " + n));
        } else {
            boolean first = true;
            for (SqlScript.Block block : diff.sql().blocks()) {
                if (!first) out.println();
                first = false;
                block.comments().forEach(c -> out.println("-- " + c));
                block.statements().forEach(s -> out.println(s + ";"));
            }
            // Nothing here migrates them: said as comments, after the statements.
            if (!diff.notManaged().isEmpty()) out.println();
            diff.notManaged().forEach(n -> out.println("-- ? " + n));
        }
        out.flush();
    }

    private void checkSchema(String option, String schema) {
        try {
            Identifiers.check("schema", schema);
        } catch (IllegalArgumentException e) {
            throw usage(option + ": " + e.getMessage());
        }
    }

    /** The dialect of a side: its own database's, else the configured one's. */
    private static Dialect dialectOf(Database database, Settings settings) {
        return database != null ? Dialects.forUrl(database.url()) : DatabaseSession.dialect(settings);
    }

    /** The database an option names, when its URL is one and a dialect takes it. */
    private Database database(String option, String url) {
        try {
            Database database = Database.of(url);
            Dialects.forUrl(database.url());
            return database;
        } catch (ConfigurationException e) {
            throw usage(option + ": " + e.getMessage());
        }
    }


    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), Objects.requireNonNull(message));
    }
}
