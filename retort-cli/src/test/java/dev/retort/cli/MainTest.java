package dev.retort.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {

    @Command(name = "boom")
    static final class Boom implements Runnable {
        @CommandLine.Option(names = "--message")
        String message = "table child: foreign key fk_x refers to column test.idx, which does not exist";

        @Override
        public void run() {
            throw new IllegalArgumentException(message);
        }
    }

    @Command(name = "silent-boom")
    static final class SilentBoom implements Runnable {
        @Override
        public void run() {
            throw new IllegalStateException();
        }
    }

    private static CommandLine withFailingCommands() {
        return Main.commandLine(CommandLine.defaultFactory())
                .addSubcommand("boom", new Boom())
                .addSubcommand("silent-boom", new SilentBoom());
    }

    @Test
    void exitCodesAreTheDocumentedOnes() {
        assertThat(List.of(ExitCode.OK, ExitCode.ERROR, ExitCode.USAGE, ExitCode.DIFFERENCES)).containsExactly(0, 1, 2, 3);
    }

    @Test
    void aFailingCommandPrintsOneLineAndExitsWithOne() {
        CliRun run = CliRun.of(withFailingCommands(), "boom");
        assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(run.err()).isEqualTo("retort: table child: foreign key fk_x refers to column test.idx, which does not exist"
                + System.lineSeparator());
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aMultiLineMessageIsPrintedOnOneLine() {
        CliRun run = CliRun.of(withFailingCommands(), "boom", "--message", "first\n  second\r\nthird\n");
        assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(run.errLines()).containsExactly("retort: first second third");
    }

    @Test
    void aFailureWithoutAMessageIsNamedByItsType() {
        CliRun run = CliRun.of(withFailingCommands(), "silent-boom");
        assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(run.errLines()).containsExactly("retort: IllegalStateException");
    }

    @Test
    void debugPrintsTheStackTraceWhereverItIsGiven() {
        for (String[] args : List.of(new String[] {"--debug", "boom"}, new String[] {"boom", "--debug"})) {
            CliRun run = CliRun.of(withFailingCommands(), args);
            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(ExitCode.ERROR);
            assertThat(run.errLines().get(0)).startsWith("java.lang.IllegalArgumentException: table child");
            assertThat(run.err()).contains("at " + Boom.class.getName() + ".run(");
            assertThat(run.errLines()).noneMatch(l -> l.startsWith("retort: "));
        }
    }

    @Test
    void noCommandIsAUsageError() {
        CliRun run = CliRun.of();
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines().get(0)).isEqualTo("retort: a command is required");
        assertThat(run.err()).contains("Usage: retort");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        CliRun run = CliRun.of("--no-such-option");
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines().get(0)).startsWith("retort: Unknown option: '--no-such-option'");
    }

    @Test
    void aMistypedCommandGetsASuggestion() {
        CliRun run = CliRun.of("demo", "problme");
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("problem");
    }

    @Test
    void everyCommandHasHelpAndDebug() {
        List<CommandLine> all = new ArrayList<>();
        collect(Main.commandLine(CommandLine.defaultFactory()), all);
        assertThat(all).hasSizeGreaterThan(3);
        for (CommandLine command : all) {
            String path = command.getCommandSpec().qualifiedName(" ");
            if (command.getCommandSpec().userObject() instanceof CommandLine.HelpCommand) continue;
            assertThat(command.getCommandSpec().findOption("--help")).as(path).isNotNull();
            assertThat(command.getCommandSpec().findOption("--debug")).as(path).isNotNull();
            List<String> args = new ArrayList<>(List.of(path.split(" "))).subList(1, path.split(" ").length);
            List<String> withHelp = new ArrayList<>(args);
            withHelp.add("--help");
            CliRun run = CliRun.of(withHelp.toArray(String[]::new));
            assertThat(run.exitCode()).as(path + " --help").isEqualTo(ExitCode.OK);
            assertThat(run.out()).as(path + " --help").startsWith("Usage: " + path);
        }
    }

    private static void collect(CommandLine command, List<CommandLine> into) {
        into.add(command);
        command.getSubcommands().values().forEach(sub -> collect(sub, into));
    }

    @Test
    void runWithoutWritersPrintsToTheProcessStreams() {
        PrintStream originalOut = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            assertThat(Main.run("--version")).isEqualTo(ExitCode.OK);
        } finally {
            System.setOut(originalOut);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).startsWith("retort ");
    }
}
