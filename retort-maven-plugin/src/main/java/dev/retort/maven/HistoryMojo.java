package dev.retort.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.util.ArrayList;
import java.util.List;

/** {@code retort history}: every revision, newest first. */
@Mojo(name = "history", threadSafe = true)
public class HistoryMojo extends RetortMojo {
    static final Setting VERBOSE = new Setting("verbose");

    /** Show each revision in full. */
    @Parameter
    Boolean verbose;

    @Override
    List<Setting> settings() {
        return List.of(VERBOSE);
    }

    @Override
    List<String> command() {
        List<String> args = new ArrayList<>(List.of("history"));
        if (flag(VERBOSE, verbose)) args.add("--verbose");
        return args;
    }
}
