package dev.retort.postgres.conformance;

import dev.retort.CheckConstraint;
import dev.retort.Domain;
import dev.retort.ExclusionConstraint;
import dev.retort.Column;
import dev.retort.ForeignKey;
import dev.retort.Identity;
import dev.retort.Index;
import dev.retort.MetaData;
import dev.retort.Policy;
import dev.retort.PrimaryKey;
import dev.retort.Routine;
import dev.retort.RowSecurity;
import dev.retort.Sequence;
import dev.retort.SqlType;
import dev.retort.Table;
import dev.retort.Trigger;
import dev.retort.Types;
import dev.retort.UniqueConstraint;
import dev.retort.View;
import dev.retort.compare.CompareOptions;
import dev.retort.compare.Differ;
import dev.retort.operations.Operation;
import dev.retort.postgres.PostgresDialect;
import dev.retort.testkit.TestDatabase;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random pairs of schemas drawn from the whole model (enum and array types, nullability, defaults,
 * identity and serial columns (identities that cycle), checks (NOT VALID too), deferrable and NULLS NOT
 * DISTINCT uniques, exclusion constraints, foreign keys with actions, MATCH FULL and NOT VALID, indexes of every kind,
 * comments, sequences (owned by a column or not), enum types, a domain and a column of it), created on a real PostgreSQL from Retort's own rendering: the
 * diff from A to B applied to A must give B by the {@link CatalogOracle}, a second diff must be empty,
 * and the same from B back to A ({@link Convergence}, as for the sqldef corpus).
 *
 * <p>Each side is a function of a seed and the enum labels, so a failure names the seeds that rebuild
 * both schemas; the DDL of both is in the message. Column types vary within families whose members
 * PostgreSQL converts into each other without a {@code USING} (Retort writes none but for enums), and
 * each default has one spelling: Retort takes {@code now()} and {@code CURRENT_TIMESTAMP} as one
 * default and changes nothing between them, while the oracle compares the server's text.
 */
class DiffConvergenceProperties {
    private static final PostgresDialect DIALECT = new PostgresDialect();
    /**
     * Label lists that add, drop and move labels, but never move 'happy', which defaults use: a moved
     * label is removed and added back, and a default cannot hold it in between (docs/postgres.md).
     */
    private static final List<List<String>> LABELS = List.of(
            List.of("happy", "sad"), List.of("happy", "sad", "ok"), List.of("happy", "ok"), List.of("happy", "ok", "sad"));
    private static Convergence convergence;

    @Provide
    Arbitrary<Pair> pairs() {
        Arbitrary<Long> seeds = Arbitraries.longs();
        Arbitrary<Integer> labels = Arbitraries.integers().between(0, LABELS.size() - 1);
        return Combinators.combine(seeds, labels, seeds, labels).as(Pair::new);
    }

    /** Two schemas, each built from a seed and a choice of enum labels. */
    record Pair(long seedA, int labelsA, long seedB, int labelsB) {
        @Override
        public String toString() {
            return "A(seed " + seedA + ", labels " + LABELS.get(labelsA) + ") B(seed " + seedB + ", labels " + LABELS.get(labelsB) + ")";
        }
    }

    @Property(tries = 40)
    void diffFromAToBAppliedToAGivesB(@ForAll("pairs") Pair pair) throws SQLException {
        String a = ddl(model(new Random(pair.seedA()), LABELS.get(pair.labelsA())));
        String b = ddl(model(new Random(pair.seedB()), LABELS.get(pair.labelsB())));
        Corpus.Case c = new Corpus.Case("property", pair.toString(), a, b, Map.of());
        Convergence.Result result = convergence().run(c);
        assertThat(result.detail()).as("%s%n-- A:%n%s%n-- B:%n%s", pair, a, b).isNull();
    }

    private static synchronized Convergence convergence() throws SQLException {
        if (convergence == null) {
            TestDatabase server = TestDatabase.postgres();
            convergence = new Convergence(TestDatabase.dataSource(server.createDatabase("property_a")).getConnection(),
                    TestDatabase.dataSource(server.createDatabase("property_b")).getConnection());
        }
        return convergence;
    }

    @AfterContainer
    static void close() throws SQLException {
        if (convergence != null) convergence.close();
        convergence = null;
    }

    /** The DDL that creates a model from nothing, as Retort renders it. */
    static String ddl(MetaData model) {
        List<String> statements = new ArrayList<>();
        CompareOptions options = new CompareOptions(DIALECT.normaliser(), Set.of("public"), false, true);
        for (Operation op : Differ.compare(model, new MetaData("public"), options).operations()) {
            statements.addAll(DIALECT.render(op, null));
        }
        return String.join(";\n", statements) + ";\n";
    }

    // ---- the generator: a few tables, columns and objects by fixed names, so two draws overlap

    static MetaData model(Random r, List<String> labels) {
        MetaData md = new MetaData("public");
        SqlType.Enum mood = new SqlType.Enum("public", "mood", labels);
        if (r.nextBoolean()) md.addEnum(mood);
        for (String name : List.of("s0", "s1")) {
            if (r.nextInt(3) == 0) continue;
            Long increment = pick(r, null, 1L, 2L, 5L);
            Sequence q = new Sequence("public", name, pick(r, Types.INTEGER, Types.BIGINT), pick(r, null, 10L, 100L),
                    increment, null, pick(r, null, 1_000_000L), pick(r, null, 1L, 10L), r.nextInt(4) == 0);
            // t0 and its id are always drawn.
            md.addSequence(r.nextInt(3) == 0 ? q.ownedBy("t0", "id") : q);
        }
        // A domain whose base type stays (PostgreSQL cannot change it while a column uses it); the rest varies.
        SqlType domain = null;
        if (r.nextBoolean()) {
            List<CheckConstraint> checks = new ArrayList<>();
            if (r.nextBoolean()) checks.add(new CheckConstraint("d0_check", pick(r, "VALUE > 0", "VALUE >= 0", "VALUE < 1000")));
            if (r.nextInt(3) == 0) checks.add(new CheckConstraint("d0_small", "VALUE < 100000"));
            md.addDomain(new Domain("public", "d0", Types.INTEGER, pick(r, null, "1", "7"), r.nextInt(4) == 0, checks, null,
                    pick(r, null, null, "a domain")));
            domain = Types.domain("d0");
        }
        List<String> present = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            if (k > 0 && r.nextInt(5) == 0) continue;
            md.add(table(r, "t" + k, present, mood, domain));
            present.add("t" + k);
        }
        programs(r, md);
        return md;
    }

    /**
     * Routines, views (one on another, materialized ones with an index), triggers, policies and
     * row-level security on t0, each in one of a few shapes, so that two draws share, change or lack them.
     */
    private static void programs(Random r, MetaData md) {
        Table t0 = md.get("public.t0");
        boolean hasC0 = t0.column("c0").isPresent();
        if (r.nextInt(3) > 0) {
            String language = pick(r, "sql", "plpgsql");
            String body = language.equals("sql") ? pick(r, "SELECT x * 2", "SELECT x + x")
                    : pick(r, "BEGIN RETURN x * 2; END", "BEGIN\n  RETURN x + x;\nEND");
            md.addRoutine(new Routine("public", "twice", Routine.Kind.FUNCTION, List.of(Routine.Argument.of("x", "bigint")),
                    pick(r, "bigint", "numeric"), language, body, pick(r, Routine.Volatility.IMMUTABLE, Routine.Volatility.VOLATILE),
                    r.nextBoolean(), false, false, null, null, null, List.of(), pick(r, null, "doubles")));
        }
        boolean trigger = r.nextInt(3) > 0;
        if (trigger) {
            md.addRoutine(new Routine("public", "stamp", Routine.Kind.FUNCTION, List.of(), "trigger", "plpgsql",
                    pick(r, "BEGIN RETURN NEW; END", "BEGIN RETURN NULL; END"), null, false, false, false, null, null, null,
                    List.of(), null));
            Trigger.Timing timing = pick(r, Trigger.Timing.BEFORE, Trigger.Timing.AFTER);
            boolean row = r.nextBoolean();
            List<Trigger.Event> events = pick(r, List.of(Trigger.Event.INSERT), List.of(Trigger.Event.UPDATE),
                    List.of(Trigger.Event.INSERT, Trigger.Event.DELETE));
            String when = row && events.equals(List.of(Trigger.Event.UPDATE)) && r.nextBoolean()
                    ? "OLD.id IS DISTINCT FROM NEW.id" : null;
            md.addTrigger(new Trigger("public", "t0", "t0_stamp", timing, events,
                    events.contains(Trigger.Event.UPDATE) && hasC0 && r.nextBoolean() ? List.of("c0") : List.of(), row, when,
                    "public", "stamp", r.nextBoolean() ? List.of("a") : List.of(), false, false, false, null, null,
                    pick(r, null, "stamps")));
        }
        if (r.nextInt(3) > 0) {
            boolean materialized = r.nextInt(3) == 0;
            String query = pick(r, "SELECT id FROM t0", "SELECT id, id * 2 AS twice FROM t0 WHERE id > 0",
                    hasC0 ? "SELECT id, c0 FROM t0" : "SELECT count(*) AS n FROM t0");
            List<Index> indexes = materialized && query.startsWith("SELECT id") && r.nextBoolean()
                    ? List.of(new Index("ix_v0_id", List.of(Index.Element.column("id")), false, null, null, List.of())) : List.of();
            md.addView(new View("public", "v0", query, materialized,
                    materialized ? List.of() : pick(r, List.of(), List.of("security_barrier=true")), indexes, pick(r, null, "a view")));
            if (query.startsWith("SELECT id") && r.nextBoolean()) {
                md.addView(new View("public", "v1", "SELECT id FROM v0", false, List.of(), List.of(), null));
            }
        }
        if (r.nextBoolean()) md.addRowSecurity(new RowSecurity("public", "t0", true, r.nextBoolean()));
        if (r.nextInt(3) > 0) {
            Policy.Command command = pick(r, Policy.Command.ALL, Policy.Command.SELECT, Policy.Command.UPDATE);
            md.addPolicy(new Policy("public", "t0", "t0_rows", r.nextInt(4) > 0, command, List.of(),
                    pick(r, "id > 0", "true", null), command == Policy.Command.SELECT ? null : pick(r, null, "id < 1000000"),
                    pick(r, null, "rows")));
        }
    }

    private static Table table(Random r, String name, List<String> earlier, SqlType.Enum mood, SqlType domain) {
        List<Column> cols = new ArrayList<>();
        SqlType idType = pick(r, Types.INTEGER, Types.BIGINT);
        Column id = Column.of("id", idType).withNullable(false);
        switch (r.nextInt(5)) {
            case 1 -> id = id.withIdentity(Identity.generatedAlways());
            case 2 -> id = id.withIdentity(new Identity(false, pick(r, null, 10L, 100L), pick(r, null, 2L), null,
                    pick(r, null, 100_000L), pick(r, null, 5L), r.nextInt(3) == 0));
            case 3, 4 -> id = id.withAutoIncrement(true);
            default -> { }
        }
        cols.add(id);
        Column c0 = maybe(r, Column.of("c0", pick(r, Types.SMALLINT, Types.INTEGER, Types.BIGINT, new SqlType.Numeric(10, 2)))
                .withServerDefault(pick(r, null, "0", "42")));
        Column c1 = maybe(r, Column.of("c1", pick(r, Types.TEXT, new SqlType.Varchar(20), new SqlType.Varchar(50)))
                .withServerDefault(pick(r, null, "'x'", "'hello'")).withCollation(r.nextInt(6) == 0 ? "C" : null));
        Column c2 = maybe(r, Column.of("c2", pick(r, mood, Types.TEXT)).withServerDefault(pick(r, null, "'happy'")));
        Column c3 = maybe(r, Column.of("c3", pick(r, Types.TIMESTAMP, Types.TIMESTAMPTZ, Types.DATE))
                .withServerDefault(pick(r, null, "now()")));
        Column c4 = maybe(r, Column.of("c4", Types.BOOLEAN).withServerDefault(pick(r, null, "true", "false")));
        Column c5 = maybe(r, Column.of("c5", Types.JSONB).withServerDefault(pick(r, null, "'{}'::jsonb")));
        Column c6 = maybe(r, Column.of("c6", new SqlType.Array(Types.TEXT)).withServerDefault(pick(r, null, "'{}'")));
        String parent = earlier.isEmpty() || r.nextInt(5) < 2 ? null : earlier.get(r.nextInt(earlier.size()));
        Column parentId = parent == null ? null : Column.of("parent_id", Types.BIGINT);
        for (Column c : java.util.Arrays.asList(c0, c1, c2, c3, c4, c5, c6)) {
            if (c != null) cols.add(r.nextInt(3) == 0 ? c.withNullable(false) : c);
        }
        if (parentId != null) cols.add(parentId);
        if (domain != null && r.nextBoolean()) cols.add(Column.of("c7", domain));
        cols.replaceAll(c -> r.nextInt(6) == 0 ? c.withComment(pick(r, "note", "other note")) : c);

        List<UniqueConstraint> uniques = new ArrayList<>();
        if (c1 != null && r.nextBoolean()) {
            boolean deferrable = r.nextInt(4) == 0;
            List<String> on = c0 != null && r.nextBoolean() ? List.of("c0", "c1") : List.of("c1");
            uniques.add(new UniqueConstraint("uq_" + name, on, deferrable, deferrable && r.nextBoolean(), r.nextInt(4) == 0));
        }
        List<CheckConstraint> checks = new ArrayList<>();
        if (c0 != null && r.nextBoolean()) {
            checks.add(new CheckConstraint("ck_" + name, pick(r, "c0 >= 0", "c0 > -10", "c0 BETWEEN 0 AND 1000"), r.nextInt(5) == 0,
                    r.nextInt(4) == 0));
        }
        List<ForeignKey> fks = new ArrayList<>();
        if (parent != null) {
            ForeignKey.Action[] actions = ForeignKey.Action.values();
            boolean deferrable = r.nextInt(4) == 0;
            fks.add(new ForeignKey("fk_" + name + "_parent", List.of("parent_id"), "public", parent, List.of("id"),
                    actions[r.nextInt(actions.length)], actions[r.nextInt(actions.length)], deferrable, deferrable && r.nextBoolean(),
                    r.nextInt(4) == 0, r.nextInt(4) == 0));
        }
        List<ExclusionConstraint> exclusions = new ArrayList<>();
        if (c0 != null && r.nextInt(3) == 0) {
            exclusions.add(new ExclusionConstraint("ex_" + name + "_a", "gist",
                    List.of(Index.Element.expression(pick(r, "numrange(c0, c0 + 10)", "numrange(c0, c0 + 1)"))), List.of("&&"),
                    List.of(), pick(r, null, "c0 > 0"), false, false));
        }
        if (c1 != null && r.nextInt(3) == 0) {
            boolean deferrable = r.nextBoolean();
            exclusions.add(new ExclusionConstraint("ex_" + name + "_b", pick(r, null, "btree"),
                    List.of(pick(r, Index.Element.column("c1"), Index.Element.expression("lower(c1)"))), List.of("="),
                    List.of(), null, deferrable, deferrable && r.nextBoolean()));
        }
        return new Table("public", name, cols, new PrimaryKey(name + "_pkey", List.of("id")), uniques, fks, checks,
                indexes(r, name, c0, c1, c3, c4, c5, c6), r.nextInt(4) == 0 ? pick(r, "a table", "the table") : null, null,
                exclusions);
    }

    private static List<Index> indexes(Random r, String table, Column c0, Column c1, Column c3, Column c4, Column c5, Column c6) {
        List<Index> out = new ArrayList<>();
        if (c3 != null && r.nextBoolean()) {
            boolean desc = r.nextBoolean();
            Boolean nullsFirst = r.nextInt(3) == 0 ? Boolean.valueOf(!desc) : null;
            out.add(new Index("ix_" + table + "_a", List.of(new Index.Element("c3", null, desc, nullsFirst, null, null)), false,
                    null, null, List.of()));
        }
        if (c1 != null && r.nextBoolean()) {
            // A key collation on a column that has one of its own would be the column's: not a choice to make here.
            Index.Element key = switch (r.nextInt(c1.collation() == null ? 3 : 2)) {
                case 0 -> Index.Element.expression("lower(c1)");
                case 1 -> new Index.Element("c1", null, false, null, "text_pattern_ops", null);
                default -> new Index.Element("c1", null, false, null, null, "C");
            };
            boolean unique = r.nextBoolean();
            out.add(new Index("ix_" + table + "_b", List.of(key), unique, r.nextBoolean() ? "c1 IS NOT NULL" : null, null,
                    List.of(), unique && r.nextBoolean(), List.of()));
        }
        if (c5 != null && r.nextBoolean()) {
            out.add(new Index("ix_" + table + "_c", List.of(new Index.Element("c5", null, false, null,
                    r.nextBoolean() ? "jsonb_path_ops" : null, null)), false, null, "gin", List.of()));
        } else if (c6 != null && r.nextBoolean()) {
            out.add(new Index("ix_" + table + "_c", List.of(Index.Element.column("c6")), false, null, "gin", List.of()));
        }
        if (c0 != null && r.nextBoolean()) {
            out.add(new Index("ix_" + table + "_d", List.of(Index.Element.column("c0")), false, null, null,
                    c4 != null && r.nextBoolean() ? List.of("c4") : List.of(), false,
                    r.nextBoolean() ? List.of("fillfactor=" + pick(r, "70", "90")) : List.of()));
        }
        return out;
    }

    private static Column maybe(Random r, Column c) {
        return r.nextInt(10) < 7 ? c : null;
    }

    @SafeVarargs
    private static <T> T pick(Random r, T... options) {
        return options[r.nextInt(options.length)];
    }
}
