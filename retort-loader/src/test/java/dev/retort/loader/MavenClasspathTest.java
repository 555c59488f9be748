package dev.retort.loader;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Maven classpath's cache, with a stand-in for Maven that counts its runs. */
class MavenClasspathTest {
    @TempDir
    Path root;
    Path app;
    Path lib;
    Path state;
    final List<List<String>> runs = new ArrayList<>();
    final List<String> progress = new ArrayList<>();
    int exitCode;
    String output = "";

    /** Does what Maven does for this test project: compiles (makes target/classes) and writes the classpath. */
    final Maven maven = (directory, arguments, log) -> {
        runs.add(List.of(directory.toString(), String.join(" ", arguments)));
        Files.writeString(log, output);
        if (exitCode != 0) return exitCode;
        Files.createDirectories(app.resolve("target/classes"));
        Files.createDirectories(lib.resolve("target/classes"));
        String outputFile = arguments.stream().filter(a -> a.startsWith("-Dmdep.outputFile=")).findFirst().orElseThrow()
                .substring("-Dmdep.outputFile=".length());
        Files.writeString(Path.of(outputFile), lib.resolve("target/classes") + File.pathSeparator + root.resolve("repo/x.jar"));
        return 0;
    };

    @BeforeEach
    void project() throws IOException {
        Files.writeString(root.resolve("pom.xml"), "<project><modules><module>lib</module><module>app</module></modules></project>");
        app = Files.createDirectories(root.resolve("app"));
        lib = Files.createDirectories(root.resolve("lib"));
        Files.writeString(app.resolve("pom.xml"), "<project/>");
        Files.writeString(lib.resolve("pom.xml"), "<project/>");
        Files.createDirectories(app.resolve("src/main/java/a"));
        Files.writeString(app.resolve("src/main/java/a/Model.java"), "class Model {}");
        Files.createDirectories(lib.resolve("src/main/java/l"));
        Files.writeString(lib.resolve("src/main/java/l/Shared.java"), "class Shared {}");
        Files.createDirectories(root.resolve("repo"));
        Files.writeString(root.resolve("repo/x.jar"), "");
        state = app.resolve(".retort");
    }

    private List<Path> resolve() {
        return new MavenClasspath(maven, progress::add).resolve(app, state);
    }

    /**
     * Makes one file look edited after the cache was written, and nothing else: everything is made
     * old, the cache less old, the file newer than the cache (but older than the next cache).
     */
    private void touch(Path file) throws IOException {
        Instant now = Instant.now();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path path : all.toList()) Files.setLastModifiedTime(path, FileTime.from(now.minusSeconds(120)));
        }
        Files.setLastModifiedTime(state.resolve("classpath"), FileTime.from(now.minusSeconds(60)));
        Files.setLastModifiedTime(file, FileTime.from(now.minusSeconds(30)));
    }

    @Test
    void runsMavenFromTheReactorRootForTheModuleAndWhatItNeeds() {
        List<Path> classpath = resolve();
        assertThat(classpath).containsExactly(app.resolve("target/classes"), lib.resolve("target/classes"), root.resolve("repo/x.jar"));
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).get(0)).isEqualTo(root.toString());
        assertThat(runs.get(0).get(1)).startsWith("-q -B -ntp compile dependency:build-classpath -Dmdep.outputFile=")
                .endsWith(" -DincludeScope=runtime -pl app -am");
        assertThat(progress).containsExactly("retort: building the model (mvn compile)...");
        assertThat(state.resolve("classpath")).isRegularFile();
        assertThat(state.resolve(".gitignore")).hasContent("# Retort's caches and the embedded server's data.\n*");
    }

    @Test
    void aFreshCacheSpareMavenAndSaysNothing() {
        List<Path> first = resolve();
        List<Path> second = resolve();
        assertThat(second).isEqualTo(first);
        assertThat(runs).hasSize(1);
        assertThat(progress).hasSize(1);
    }

    @Test
    void anEditedSourcePomOrSiblingModuleRebuilds() throws IOException {
        resolve();
        touch(app.resolve("src/main/java/a/Model.java"));
        resolve();
        assertThat(runs).hasSize(2);
        touch(lib.resolve("src/main/java/l/Shared.java"));
        resolve();
        assertThat(runs).hasSize(3);
        touch(root.resolve("pom.xml"));
        resolve();
        assertThat(runs).hasSize(4);
        touch(app.resolve("pom.xml"));
        resolve();
        assertThat(runs).hasSize(5);
        resolve();
        assertThat(runs).hasSize(5);
        assertThat(progress).hasSize(5);
    }

    @Test
    void aDeletedSourceFileRebuilds() throws IOException {
        resolve();
        Path deleted = app.resolve("src/main/java/a/Model.java");
        Files.delete(deleted);
        touch(deleted.getParent());  // what deleting does: only the directory changes
        resolve();
        assertThat(runs).hasSize(2);
    }

    @Test
    void testSourcesDoNotRebuild() throws IOException {
        resolve();
        Path test = Files.createDirectories(app.resolve("src/test/java/a")).resolve("ModelTest.java");
        Files.writeString(test, "class ModelTest {}");
        touch(test);
        resolve();
        touch(test.getParent());
        resolve();
        assertThat(runs).hasSize(1);
    }

    @Test
    void aVanishedEntryRebuilds() throws IOException {
        resolve();
        Files.delete(app.resolve("target/classes"));
        resolve();
        assertThat(runs).hasSize(2);
    }

    @Test
    void aDamagedCacheIsRebuilt() throws IOException {
        resolve();
        Files.writeString(state.resolve("classpath"), "\u0000not\u0000a path\n");
        assertThat(resolve()).contains(app.resolve("target/classes"));
        assertThat(runs).hasSize(2);
    }

    @Test
    void aFailingBuildReportsTheEndOfMavensOutput() {
        exitCode = 1;
        output = """
                \u001B[0m[ERROR] COMPILATION ERROR :\u001B[0m
                [ERROR] /p/app/src/main/java/a/Model.java:[1,15] ';' expected
                [ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.13.0:compile: Compilation failure
                [ERROR]\s
                [ERROR] -> [Help 1]
                [ERROR] To see the full stack trace of the errors, re-run Maven with the -e switch.
                [ERROR] Re-run Maven using the -X switch to enable full debug logging.
                [ERROR] For more information about the errors and possible solutions, please read the following articles:
                [ERROR] [Help 1] http://cwiki.apache.org/confluence/display/MAVEN/MojoFailureException
                """;
        assertThatThrownBy(this::resolve).isInstanceOf(ModelLoadException.class)
                .hasMessage("building the model failed: mvn compile -pl app -am in " + root + " exited with 1: "
                        + "[ERROR] COMPILATION ERROR : | [ERROR] /p/app/src/main/java/a/Model.java:[1,15] ';' expected | "
                        + "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.13.0:compile: Compilation failure"
                        + " (all of its output: " + state.resolve("maven.log") + ")");
        assertThat(state.resolve("classpath")).doesNotExist();
    }

    @Test
    void mavenThatCannotStartIsReported() {
        Maven missing = (directory, arguments, log) -> {
            throw new IOException("Cannot run program \"mvn\": error=2, No such file or directory");
        };
        assertThatThrownBy(() -> new MavenClasspath(missing, line -> { }).resolve(app, state))
                .isInstanceOf(ModelLoadException.class)
                .hasMessage("cannot run Maven in " + root + " (Cannot run program \"mvn\": error=2, No such file or directory):"
                        + " install Maven, or list the model's classes and jars under classpath: in retort.yaml");
    }

    @Test
    void aStandaloneProjectBuildsInItsOwnDirectory() throws IOException {
        Files.delete(root.resolve("pom.xml"));
        resolve();
        assertThat(runs.get(0).get(0)).isEqualTo(app.toString());
        assertThat(runs.get(0).get(1)).endsWith("-DincludeScope=runtime");
    }
}
