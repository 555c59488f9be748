package dev.retort.cli;

/** The exit codes of every {@code retort} command. */
public final class ExitCode {
    /** The command did what it was asked. */
    public static final int OK = 0;
    /** The command failed; one line on stderr says why. */
    public static final int ERROR = 1;
    /** The command line was wrong; the message and the usage are on stderr. */
    public static final int USAGE = 2;
    /** A comparison (check, diff) found differences. */
    public static final int DIFFERENCES = 3;

    private ExitCode() {
    }
}
