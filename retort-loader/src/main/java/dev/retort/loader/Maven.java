package dev.retort.loader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Runs Maven. An interface so that tests of the classpath cache can count runs without building. */
@FunctionalInterface
public interface Maven {

    /**
     * Runs Maven in {@code directory} with {@code arguments}, its output (stdout and stderr) going to
     * {@code log}.
     *
     * @return Maven's exit code
     * @throws IOException when Maven cannot be started at all
     */
    int run(Path directory, List<String> arguments, Path log) throws IOException, InterruptedException;

    /** The project's Maven wrapper ({@code mvnw} in the directory) when it has one, else {@code mvn} on the PATH. */
    static Maven installed() {
        return (directory, arguments, log) -> {
            List<String> command = new ArrayList<>();
            command.add(executable(directory));
            command.addAll(arguments);
            Process process = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
            process.getOutputStream().close();  // Maven in batch mode asks nothing; never let it wait for input
            return process.waitFor();
        };
    }

    private static String executable(Path directory) {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        Path wrapper = directory.resolve(windows ? "mvnw.cmd" : "mvnw");
        if (Files.isRegularFile(wrapper) && Files.isExecutable(wrapper)) return wrapper.toString();
        return windows ? "mvn.cmd" : "mvn";
    }
}
