package dev.retort.compare;

import dev.retort.CheckConstraint;
import dev.retort.Column;
import dev.retort.ForeignKey;
import dev.retort.Index;
import dev.retort.MetaData;
import dev.retort.Sequence;
import dev.retort.SqlType;
import dev.retort.Table;
import dev.retort.UniqueConstraint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * What a schema looks like to a user, written as sorted lines so that a failed comparison shows what
 * differs: column order left out (added columns go last), empty comments taken as none, the database
 * defaults of identities and sequences filled in, and, when asked, the names of constraints and indexes
 * left out. Independent of the differ's own comparison.
 */
final class Shapes {
    private Shapes() {
    }

    static Map<String, List<String>> of(MetaData md, Predicate<String> schemas, boolean withNames) {
        Map<String, List<String>> out = new TreeMap<>();
        for (Table t : md.tables().values()) {
            if (schemas.test(t.schema())) out.put("table " + t.key(), table(t, withNames));
        }
        for (SqlType.Enum e : md.enums()) {
            if (schemas.test(e.schema())) out.put("enum " + e.key(), List.copyOf(e.labels()));
        }
        for (Sequence s : md.sequences().values()) {
            if (schemas.test(s.schema())) out.put("sequence " + s.key(), List.of(Normaliser.LITERAL.normaliseSequence(s).toString()));
        }
        return out;
    }

    private static List<String> table(Table t, boolean withNames) {
        List<String> lines = new ArrayList<>();
        if (t.comment() != null && !t.comment().isEmpty()) lines.add("comment " + t.comment());
        for (Column c : t.columns()) lines.add(column(c));
        if (t.primaryKey() != null) lines.add(named(withNames, t.primaryKey().name()) + "primary key " + t.primaryKey().columns());
        for (UniqueConstraint u : t.uniques()) lines.add(named(withNames, u.name()) + "unique " + u.columns());
        for (CheckConstraint c : t.checks()) lines.add(named(withNames, c.name()) + "check " + c.expression().strip());
        for (ForeignKey f : t.foreignKeys()) {
            lines.add(named(withNames, f.name()) + "foreign key " + f.columns() + " -> " + f.referredKey() + f.referredColumns()
                    + " " + f.onDelete() + " " + f.onUpdate() + (f.deferrable() ? " deferrable" : "")
                    + (f.initiallyDeferred() ? " initially deferred" : ""));
        }
        for (Index i : t.indexes()) {
            lines.add(named(withNames, i.name()) + (i.unique() ? "unique " : "") + "index using "
                    + Objects.requireNonNullElse(i.method(), "btree") + " " + i.elements() + " include " + i.include()
                    + (i.where() == null ? "" : " where " + i.where().strip()));
        }
        lines.sort(null);
        return lines;
    }

    private static String column(Column c) {
        return "column " + c.name() + " " + (c.type() instanceof SqlType.Enum e ? e.key() + e.labels() : c.type())
                + (InMemoryDatabase.effectiveNullable(c) ? " null" : " not null")
                + (c.serverDefault() == null ? "" : " default " + c.serverDefault().strip())
                + (c.identity() == null ? "" : " " + Normaliser.LITERAL.normaliseIdentity(c.identity()))
                + (c.autoIncrement() ? " serial" : "")
                + (c.computed() == null ? "" : " generated " + c.computed().strip())
                + (c.collation() == null ? "" : " collate " + c.collation())
                + (c.comment() == null || c.comment().isEmpty() ? "" : " comment " + c.comment());
    }

    private static String named(boolean withNames, String name) {
        return withNames ? name + ": " : "";
    }
}
