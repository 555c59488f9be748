package dev.retort.cli;

import dev.retort.MetaData;
import dev.retort.ModelProvider;
import dev.retort.api.Retort;
import dev.retort.api.RetortConfiguration;
import dev.retort.cli.config.ConfigException;
import dev.retort.cli.config.Settings;
import dev.retort.loader.LoadedModel;
import dev.retort.loader.ModelLoader;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The {@link Retort} facade as the settings describe it: the migrations directory, the version table,
 * the default schema and the project's model. The model is loaded (and built with Maven if needed)
 * only when a verb first asks for it, so commands that only apply revisions never pay for it.
 */
public final class RetortFactory {
    private RetortFactory() {
    }

    /**
     * The facade over a session's database.
     *
     * @param progress where a line goes when the model must be built first (stderr)
     */
    public static Retort online(Settings settings, DatabaseSession session, Consumer<String> progress) {
        return online(settings, session, progress, null);
    }

    /**
     * The facade over a session's database, waiting up to {@code lockTimeout} for another runner's
     * lock on a schema (null: {@link RetortConfiguration#DEFAULT_LOCK_TIMEOUT}).
     */
    public static Retort online(Settings settings, DatabaseSession session, Consumer<String> progress, Duration lockTimeout) {
        RetortConfiguration configuration = configuration(settings, progress).dataSource(session.dataSource()).dialect(session.dialect());
        return (lockTimeout == null ? configuration : configuration.lockTimeout(lockTimeout)).load();
    }

    /** The facade without a database, for offline SQL and revision files: the configured database's dialect. */
    public static Retort offline(Settings settings, Consumer<String> progress) {
        return configuration(settings, progress).dialect(DatabaseSession.dialect(settings)).load();
    }

    /** What the settings say, without database or dialect; add them and {@code load()}. */
    public static RetortConfiguration configuration(Settings settings, Consumer<String> progress) {
        RetortConfiguration base = Retort.configure()
                .versionTable(settings.versionTable())
                .tenantNamePattern(settings.tenantNamePattern())
                .model(new LazyModel(settings, progress));
        base = settings.migrations() != null ? base.migrations(shown(settings, settings.migrations()))
                : base.migrations(settings.migrationsLocation()).classLoader(projectResources(settings, progress));
        if (settings.ddlTimeouts() != null) base = base.ddlTimeouts(settings.ddlTimeouts());
        return settings.schema() == null ? base : base.defaultSchema(settings.schema());
    }

    /**
     * The project's class path, for {@code classpath:} migrations: the directories and jars the model
     * is loaded from (built with Maven if needed), without Retort's own. Only resources are read from it.
     */
    private static ClassLoader projectResources(Settings settings, Consumer<String> progress) {
        List<Path> classpath = new ModelLoader(progress).classpath(settings.classpathRequest());
        URL[] urls = new URL[classpath.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = classpath.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new ConfigException("classpath entry " + settings.display(classpath.get(i)) + ": " + e.getMessage(), e);
            }
        }
        return new URLClassLoader("retort-project-resources", urls, ClassLoader.getPlatformClassLoader());
    }

    /**
     * A path as Retort's messages will name it: relative to the working directory when Retort runs
     * there (as a process does), so that errors say {@code migrations/ab12_x.yaml:3}; absolute when
     * the working directory is only a test's, which the process's file operations do not resolve against.
     */
    static Path shown(Settings settings, Path path) {
        Path processDirectory = Path.of("").toAbsolutePath().normalize();
        if (settings.workingDirectory().equals(processDirectory) && path.startsWith(processDirectory)) {
            Path relative = processDirectory.relativize(path);
            return relative.toString().isEmpty() ? Path.of(".") : relative;
        }
        return path;
    }

    /** The project's model, loaded on first use and kept. */
    private static final class LazyModel implements ModelProvider {
        private final Settings settings;
        private final Consumer<String> progress;
        private LoadedModel loaded;

        LazyModel(Settings settings, Consumer<String> progress) {
            this.settings = settings;
            this.progress = progress;
        }

        @Override
        public synchronized MetaData metadata() {
            if (loaded == null) loaded = new ModelLoader(progress).load(settings.modelRequest());
            return loaded.metadata();
        }

        @Override
        public String toString() {
            return "model " + settings.model();
        }
    }
}
