package dev.retort.cli.fanout;

import dev.retort.api.FanOutListener;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/** How a command shows a fan-out going: a progress bar on a terminal, plain lines otherwise. */
public final class Progress {
    private Progress() {
    }

    /**
     * A bar when the command runs on a terminal ({@code System.console()} is there, and no host such
     * as the Maven plugin runs it), else only failures and the summary.
     *
     * @param out    where failures and the summary go
     * @param status where the bar is drawn
     */
    public static FanOutListener of(boolean terminal, PrintWriter out, PrintWriter status, LongSupplier nanoTime) {
        return terminal ? new TerminalProgress(out, status, nanoTime) : new LogProgress(out);
    }
}
