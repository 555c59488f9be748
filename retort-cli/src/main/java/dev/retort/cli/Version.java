package dev.retort.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * {@code retort --version}: the version and the commit it was built from, as the build wrote them into
 * {@code version.properties}. A build outside a git checkout knows no commit and says so.
 */
final class Version implements CommandLine.IVersionProvider {
    static final String RESOURCE = "version.properties";

    @Override
    public String[] getVersion() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
        return new String[] {line(p.getProperty("version"), p.getProperty("commit"), p.getProperty("dirty"))};
    }

    /** {@code retort 0.1.0 (commit 3f9c2a1)}, with {@code , modified} when the tree had uncommitted changes. */
    static String line(String version, String commit, String dirty) {
        String v = known(version) ? version : "(unknown version)";
        String c = known(commit) ? "commit " + commit + ("true".equals(dirty) ? ", modified" : "") : "commit unknown";
        return "retort " + v + " (" + c + ")";
    }

    /** A value the build filled in: not missing, and not a placeholder left as it was. */
    private static boolean known(String value) {
        return value != null && !value.isBlank() && !value.contains("${");
    }
}
