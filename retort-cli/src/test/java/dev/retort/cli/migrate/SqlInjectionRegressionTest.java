package dev.retort.cli.migrate;

import dev.retort.cli.CliRun;
import dev.retort.cli.ExitCode;
import dev.retort.testkit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tenant name or a tenant query that tries to run SQL of its own, through the command line on a
 * real PostgreSQL: hand-written SQL with schema placeholders, tenant names outside the allowed
 * pattern, tenant queries holding several statements or writing.
 */
class SqlInjectionRegressionTest {
    private static final TestDatabase DB = TestDatabase.postgres();

    private static String unique(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    }

    private static void revision(Consumer project, String id, String upgrade) throws IOException {
        Files.writeString(project.migrations().resolve(id + "_r.yaml"), """
                revision: %s
                down_revision: null
                message: r
                created: 2026-01-01T00:00:00Z
                upgrade:
                %s
                downgrade: []
                """.formatted(id, upgrade.indent(2).stripTrailing()));
    }

    private boolean tableExists(Consumer project, String schema, String table) {
        return !project.strings("SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = '" + schema + "' AND tablename = '" + table + "'")
                .isEmpty();
    }

    @Test
    void aPlaceholderInsideAStringLiteralIsRefusedWhenTheRevisionIsReadWithFileAndLine(@TempDir Path dir) throws IOException {
        Consumer project = Consumer.in(dir, DB);
        String canary = unique("canary");
        DB.execute("CREATE TABLE public." + canary + " (x int)");
        revision(project, "aaa111", "- sql: \"comment on schema ${schema} is 'tenant ${schema}'\"");
        String hostile = "x'; drop table public." + canary + "; --";

        CliRun run = project.run("tenant", "create", hostile);

        assertThat(run.exitCode()).isNotEqualTo(ExitCode.OK);
        assertThat(tableExists(project, "public", canary)).isTrue();

        CliRun upgrade = project.run("upgrade", "--schema", unique("t"));
        assertThat(upgrade.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(upgrade.err()).contains("aaa111_r.yaml:6:", "${schema} inside a string literal", "${schema_literal}");
        assertThat(tableExists(project, "public", canary)).isTrue();
        assertThat(project.strings("SELECT 1 FROM pg_namespace WHERE nspname = '" + hostile.replace("'", "''") + "'")).isEmpty();
    }

    @Test
    void theLiteralPlaceholderCarriesAnyNameAsDataAndTheDefaultPatternRefusesHostileNames(@TempDir Path dir) throws IOException {
        Consumer project = Consumer.in(dir, DB);
        String canary = unique("canary");
        DB.execute("CREATE TABLE public." + canary + " (x int)");
        revision(project, "aaa222", "- sql: \"comment on schema ${schema} is ${schema_literal}\"");
        String hostile = "x'; drop table public." + canary + "; --";

        CliRun refused = project.run("tenant", "create", hostile);
        assertThat(refused.exitCode()).as(refused.err()).isEqualTo(ExitCode.USAGE);
        assertThat(refused.errLines().get(0)).contains("does not match the allowed names", "tenant_name_pattern");
        assertThat(project.strings("SELECT 1 FROM pg_namespace WHERE nspname = '" + hostile.replace("'", "''") + "'")).isEmpty();

        // An operator who allows any name still gets the name as data, never as SQL.
        Files.writeString(dir.resolve("retort.yaml"), Files.readString(dir.resolve("retort.yaml")) + "tenant_name_pattern: '.+'\n");
        CliRun created = project.run("tenant", "create", hostile);
        assertThat(created.exitCode()).as(created.err()).isEqualTo(ExitCode.OK);
        assertThat(tableExists(project, "public", canary)).isTrue();
        assertThat(project.strings("SELECT obj_description(oid, 'pg_namespace') FROM pg_namespace WHERE nspname = '"
                + hostile.replace("'", "''") + "'")).containsExactly(hostile);
        DB.execute("DROP SCHEMA \"" + hostile + "\" CASCADE");
    }

    @Test
    void handWrittenSqlIsOneStatementAndRunsWithTheTenantAsSearchPath(@TempDir Path dir) throws IOException {
        Consumer project = Consumer.in(dir, DB);
        String canary = unique("canary");
        DB.execute("CREATE TABLE public." + canary + " (x int)");
        revision(project, "aaa333", "- sql: |\n    create table made_here (id int);\n    drop table public." + canary);
        String tenant = unique("t");

        CliRun refused = project.run("upgrade", "--schema", tenant);
        assertThat(refused.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(refused.err()).contains("aaa333_r.yaml:6:", "more than one statement");
        assertThat(tableExists(project, "public", canary)).isTrue();

        revision(project, "aaa333", "- sql: create table made_here (id int)");
        CliRun ran = project.run("upgrade", "--schema", tenant);
        assertThat(ran.exitCode()).as(ran.err()).isEqualTo(ExitCode.OK);
        assertThat(tableExists(project, tenant, "made_here")).isTrue();
        assertThat(tableExists(project, "public", "made_here")).isFalse();
    }

    @Test
    void aTenantQueryIsOneStatementInAReadOnlyTransaction(@TempDir Path dir) throws IOException {
        Consumer project = Consumer.in(dir, DB);
        project.initial();
        String canary = unique("canary");
        String registry = unique("registry");
        DB.execute("CREATE TABLE public." + registry + " (name text)", "INSERT INTO public." + registry + " VALUES ('zz')");

        CliRun several = project.run("current", "--tenants",
                "query:select 'zz' ; commit; create table public." + canary + "(x int); select 'zz'");
        assertThat(several.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(several.errLines()).singleElement().asString().contains("one SELECT", "more than one statement");
        assertThat(tableExists(project, "public", canary)).isFalse();

        CliRun writes = project.run("current", "--tenants", "query:create table public." + canary + "(x int)");
        assertThat(writes.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(tableExists(project, "public", canary)).isFalse();

        CliRun deletes = project.run("current", "--tenants",
                "query:with d as (delete from public." + registry + " returning name) select name from d");
        assertThat(deletes.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(deletes.err()).contains("read-only");
        assertThat(project.strings("SELECT name FROM public." + registry)).containsExactly("zz");
    }
}
