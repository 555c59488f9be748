package dev.retort.cli.config;

import dev.retort.cli.Main;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * {@code retort init [DIR]}: a commented starter retort.yaml and an empty migrations directory. It
 * never overwrites a retort.yaml.
 */
@Command(name = "init", description = "Write a commented starter retort.yaml and an empty migrations directory.")
public final class InitCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "DIR",
            description = "Where to write them (made if missing); the working directory when omitted.")
    Path directory;

    @Override
    public void run() {
        Main root = Main.of(spec);
        if (root.configGiven()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "init writes DIR/" + SettingsLoader.FILE_NAME + ": give the directory, not " + Overrides.CONFIG_OPTION);
        }
        Path workDir = root.workingDirectory();
        Path dir = directory == null ? workDir : workDir.resolve(directory).normalize();
        Path config = dir.resolve(SettingsLoader.FILE_NAME);
        Path migrations = dir.resolve(Settings.DEFAULT_MIGRATIONS);
        if (Files.exists(config)) {
            throw new ConfigException(Display.path(workDir, config) + " already exists; init leaves it as it is");
        }
        try {
            Files.createDirectories(dir);
            // CREATE_NEW: if another process wrote the file since the check above, fail rather than overwrite it.
            Files.writeString(config, StarterConfig.TEXT, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            Files.createDirectories(migrations);
            if (isEmpty(migrations)) Files.createFile(migrations.resolve(".gitkeep"));
        } catch (FileAlreadyExistsException e) {
            throw new ConfigException(Display.path(workDir, config) + " already exists; init leaves it as it is");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + Display.path(workDir, config) + ": " + e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("Wrote " + Display.path(workDir, config) + " and " + Display.path(workDir, migrations) + "/");
        out.println("Next: set model: in " + SettingsLoader.FILE_NAME + " to the class that provides your model,"
                + " then check the wiring with 'retort config --load-model'.");
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }
}
