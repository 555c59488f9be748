package dev.retort.cli;

import java.io.Console;
import java.util.Locale;

/** Asks the person at the terminal a yes-or-no question; anything but yes is no. */
@FunctionalInterface
public interface Confirmation {

    boolean confirm(String question);

    /** The process's console; without one (output to a pipe, input from a file), the answer is no. */
    static Confirmation console() {
        return question -> {
            Console console = System.console();
            if (console == null) return false;
            String answer = console.readLine("%s [y/N] ", question);
            return answer != null && switch (answer.strip().toLowerCase(Locale.ROOT)) {
                case "y", "yes" -> true;
                default -> false;
            };
        };
    }
}
