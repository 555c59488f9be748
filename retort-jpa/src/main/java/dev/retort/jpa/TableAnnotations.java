package dev.retort.jpa;

import jakarta.persistence.CheckConstraint;
import jakarta.persistence.Index;
import jakarta.persistence.UniqueConstraint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The unique constraints, indexes and checks that {@code @Table}, {@code @JoinTable} and
 * {@code @CollectionTable} declare. Their columns may be named before the table has them, so they
 * are resolved when the table is built.
 */
final class TableAnnotations {
    private TableAnnotations() {
    }

    static void apply(TableAssembly t, UniqueConstraint[] uniques, Index[] indexes, CheckConstraint[] checks, String where) {
        for (UniqueConstraint u : uniques) {
            t.addPending(u.name(), List.of(u.columnNames()), null, true, true, where);
        }
        for (Index ix : indexes) index(t, ix, where);
        for (CheckConstraint c : checks) t.addCheck(c.name(), "check", c.constraint());
    }

    /** {@code @Index(columnList = "a, b DESC")}: columns, each optionally followed by ASC or DESC. */
    private static void index(TableAssembly t, Index ix, String where) {
        List<String> cols = new ArrayList<>();
        List<Boolean> desc = new ArrayList<>();
        for (String part : ix.columnList().split(",")) {
            String p = part.strip();
            if (p.isEmpty()) throw new JpaMappingException(where, "@Index(columnList = \"" + ix.columnList() + "\") has an empty entry");
            String[] words = p.split("\\s+");
            if (words.length > 2) {
                throw new JpaMappingException(where, "@Index(columnList = \"" + ix.columnList() + "\"): '" + p
                        + "' is not a column name followed by ASC or DESC");
            }
            boolean descending = false;
            if (words.length == 2) {
                String order = words[1].toUpperCase(Locale.ROOT);
                if (!order.equals("ASC") && !order.equals("DESC")) {
                    throw new JpaMappingException(where, "@Index(columnList = \"" + ix.columnList() + "\"): '" + words[1]
                            + "' is neither ASC nor DESC");
                }
                descending = order.equals("DESC");
            }
            cols.add(words[0]);
            desc.add(descending);
        }
        t.addPending(ix.name(), cols, desc, ix.unique(), false, where);
    }
}
