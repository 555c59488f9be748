package dev.retort.internal.revision;

import java.util.Set;
import java.util.regex.Pattern;

/** What a revision id may be: a word that no target ({@code head}, {@code ab12+1}) could mean otherwise. */
public final class RevisionIds {
    /** Ids are words: no {@code +} or {@code -}, which relative targets ({@code ab12+1}) use. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_]{1,64}");
    /** Words that targets use and so cannot be ids. */
    static final Set<String> RESERVED = Set.of("head", "heads", "base");

    private RevisionIds() {
    }

    /** @throws IllegalArgumentException naming {@code what} when {@code id} is no valid revision id */
    public static void check(String id, String what) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException(what + " '" + id + "' is not a word of 1 to 64 letters, digits or underscores");
        }
        if (RESERVED.contains(id)) throw new IllegalArgumentException(what + " '" + id + "' is a reserved word");
    }
}
