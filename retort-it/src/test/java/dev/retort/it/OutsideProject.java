package dev.retort.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A project that is not in Retort's reactor: its own pom, a model class of its own, retort.yaml, and
 * only the installed Retort artifacts, which it finds in a local repository of its own (the build's
 * {@code target/it-repo}); everything else comes read-only from the main build's repository, so
 * nothing is downloaded and parallel builds share no writable repository. {@code .mvn/maven.config}
 * carries those settings to every Maven run in the project, the command line's own included.
 */
final class OutsideProject {
    static final String VERSION = property("retort.it.version");
    static final Path REPOSITORY = Path.of(property("retort.it.repository")).toAbsolutePath();
    static final Path MAIN_REPOSITORY = Path.of(property("retort.it.mainRepository")).toAbsolutePath();
    static final Path WORK = Path.of(property("retort.it.work")).toAbsolutePath();

    static final String MODEL = """
            package com.example.shop;

            import dev.retort.MetaData;
            import dev.retort.ModelProvider;

            import static dev.retort.Dsl.*;
            import static dev.retort.Types.*;

            /** The shop's tables, shared by every tenant. */
            public final class TenantModel implements ModelProvider {
                @Override
                public MetaData metadata() {
                    MetaData md = new MetaData();
                    md.table("customer", column("id", BIGINT).primaryKey(), column("name", varchar(100)).notNull());
                    md.table("orders", column("id", BIGINT).primaryKey(),
                            column("customer_id", BIGINT).notNull().references("customer.id"), index("customer_id"));
                    return md;
                }
            }
            """;

    final Path dir;

    private OutsideProject(Path dir) {
        this.dir = dir;
    }

    /** A fresh project in {@code dir} (emptied first). */
    static OutsideProject create(Path dir) throws IOException {
        deleteTree(dir);
        Files.createDirectories(dir.resolve("src/main/java/com/example/shop"));
        Files.writeString(dir.resolve("src/main/java/com/example/shop/TenantModel.java"), MODEL);
        Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(dir.resolve("retort.yaml"), "model: com.example.shop.TenantModel\nmigrations: migrations\n");
        Files.writeString(dir.resolve("pom.xml"), pom());
        Path settings = dir.resolve(".mvn/settings.xml");
        Files.createDirectories(settings.getParent());
        Files.writeString(settings, settings());
        // One argument per line: Maven 3.8 splits maven.config on white space.
        Files.writeString(dir.resolve(".mvn/maven.config"), String.join("\n",
                "-Dmaven.repo.local=" + REPOSITORY, "-s", settings.toString(), "-nsu", "-B", "-ntp") + "\n");
        return new OutsideProject(dir);
    }

    private static String pom() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>com.example</groupId>
                  <artifactId>shop</artifactId>
                  <version>1.0</version>
                  <properties>
                    <maven.compiler.release>17</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>
                  <dependencies>
                    <dependency><groupId>dev.retort</groupId><artifactId>retort-core</artifactId><version>@VERSION@</version></dependency>
                  </dependencies>
                  <build>
                    <plugins>
                      <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.13.0</version></plugin>
                      <plugin><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
                      <!-- what retort runs to learn the model's class path (mvn compile dependency:build-classpath) -->
                      <plugin><artifactId>maven-dependency-plugin</artifactId><version>3.8.1</version></plugin>
                      <plugin>
                        <groupId>dev.retort</groupId>
                        <artifactId>retort-maven-plugin</artifactId>
                        <version>@VERSION@</version>
                        <configuration>
                          <jobs>2</jobs>
                        </configuration>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.replace("@VERSION@", VERSION);
    }

    /** The main build's repository, read-only, for everything but Retort's snapshots. */
    private static String settings() {
        String repository = """
                    <id>main-build</id>
                    <url>%s</url>
                    <releases><enabled>true</enabled></releases>
                    <snapshots><enabled>false</enabled></snapshots>
                """.formatted(MAIN_REPOSITORY.toUri());
        return """
                <settings>
                  <servers>
                    <server><id>shop-db</id><username>shop_owner</username><password>s3cret-in-settings</password></server>
                  </servers>
                  <profiles>
                    <profile>
                      <id>main-build-repository</id>
                      <repositories><repository>
                %s      </repository></repositories>
                      <pluginRepositories><pluginRepository>
                %s      </pluginRepository></pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles><activeProfile>main-build-repository</activeProfile></activeProfiles>
                </settings>
                """.formatted(repository, repository);
    }

    /** What a command printed, and how it ended. */
    record Run(int exitCode, String output) {
        List<String> lines() {
            return output.lines().toList();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + ":\n" + output;
        }
    }

    /** Runs Maven in the project with these environment variables added. */
    Run mvn(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("mvn"));
        command.addAll(List.of(args));
        return run(command, environment);
    }

    /** Runs a program in the project directory, its output and errors together. */
    Run run(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().remove("RETORT_URL");
        builder.environment().remove("TARGET_SCHEMA");
        builder.environment().remove("RETORT_PASSWORD");
        builder.environment().putAll(environment);
        Path log = Files.createTempFile(WORK, "run", ".log");
        builder.redirectOutput(log.toFile());
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " did not finish in 5 minutes: " + Files.readString(log));
        }
        return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) Files.delete(p);
        }
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) throw new IllegalStateException(name + " is not set: run these tests with mvn verify");
        return value;
    }
}
