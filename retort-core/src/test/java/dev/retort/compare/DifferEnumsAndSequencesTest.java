package dev.retort.compare;

import dev.retort.MetaData;
import dev.retort.Sequence;
import dev.retort.SqlType;
import dev.retort.Types;
import dev.retort.operations.Change;
import dev.retort.operations.EnumOps.AddEnumValue;
import dev.retort.operations.EnumOps.CreateEnum;
import dev.retort.operations.EnumOps.DropEnum;
import dev.retort.operations.EnumOps.RemoveEnumValue;
import dev.retort.operations.SequenceOps.AlterSequence;
import dev.retort.operations.SequenceOps.CreateSequence;
import dev.retort.operations.SequenceOps.DropSequence;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.retort.Dsl.column;
import static dev.retort.Types.INTEGER;
import static dev.retort.Types.arrayOf;
import static dev.retort.Types.enumType;
import static org.assertj.core.api.Assertions.assertThat;

class DifferEnumsAndSequencesTest {

    private static MetaData withMood(String... labels) {
        MetaData md = new MetaData("app");
        md.table("person", column("id", INTEGER).primaryKey(), column("mood", enumType("mood", labels)));
        return md;
    }

    private static Diff roundTrip(MetaData model, MetaData database) {
        return RoundTrip.check(model, database, CompareOptions.managing("app"), "app");
    }

    private static SqlType.Enum mood(String... labels) {
        return new SqlType.Enum("app", "mood", List.of(labels));
    }

    @Test
    void anEnumTypeIsCreatedBeforeTheColumnThatUsesIt() {
        MetaData model = withMood("sad", "ok");
        MetaData database = new MetaData("app");
        database.table("person", column("id", INTEGER).primaryKey());
        assertThat(RoundTrip.described(roundTrip(model, database)))
                .containsExactly("create enum type mood", "add column person.mood");
        assertThat(roundTrip(model, new MetaData("app")).operations().get(0)).isEqualTo(new CreateEnum(mood("sad", "ok")));
    }

    @Test
    void anEnumTypeNoLongerUsedIsDroppedAfterItsColumn() {
        MetaData database = withMood("sad", "ok");
        MetaData model = new MetaData("app");
        model.table("person", column("id", INTEGER).primaryKey());
        Diff diff = roundTrip(model, database);
        assertThat(RoundTrip.described(diff)).containsExactly("drop column person.mood", "drop enum type mood");
        assertThat(diff.operations().get(1)).isEqualTo(new DropEnum(mood("sad", "ok")));
        assertThat(RoundTrip.described(roundTrip(new MetaData("app"), database)))
                .containsExactly("drop table person", "drop enum type mood");
    }

    @Test
    void labelsAreAppendedOrInsertedBeforeTheirSuccessor() {
        assertThat(roundTrip(withMood("sad", "ok", "happy"), withMood("sad", "ok")).operations())
                .containsExactly(new AddEnumValue("app", "mood", "happy", null));
        assertThat(roundTrip(withMood("sad", "meh", "so-so", "ok"), withMood("sad", "ok")).operations())
                .containsExactly(new AddEnumValue("app", "mood", "meh", "ok"), new AddEnumValue("app", "mood", "so-so", "ok"));
        assertThat(roundTrip(withMood("first", "sad", "ok"), withMood("sad", "ok")).operations())
                .containsExactly(new AddEnumValue("app", "mood", "first", "sad"));
    }

    @Test
    void newLabelsComeBeforeAColumnUsesThemAsItsDefault() {
        MetaData model = new MetaData("app");
        model.table("person", column("id", INTEGER).primaryKey(),
                column("mood", enumType("mood", "sad", "ok", "happy")).defaultExpr("'happy'"));
        assertThat(RoundTrip.described(roundTrip(model, withMood("sad", "ok"))))
                .containsExactly("add value 'happy' to enum type mood", "alter column person.mood: default null -> 'happy'");
    }

    @Test
    void labelsTheModelLacksAreRemovedLast() {
        Diff diff = roundTrip(withMood("sad", "happy"), withMood("sad", "ok", "meh", "happy"));
        assertThat(diff.operations()).containsExactly(
                new RemoveEnumValue("app", "mood", "ok", "meh"),
                new RemoveEnumValue("app", "mood", "meh", "happy"));
        assertThat(diff.destructive()).hasSize(2);
    }

    @Test
    void aMovedLabelIsRemovedAndAddedBackInPlace() {
        Diff diff = roundTrip(withMood("c", "a", "b"), withMood("a", "b", "c"));
        assertThat(diff.operations()).containsExactly(
                new RemoveEnumValue("app", "mood", "c", null),
                new AddEnumValue("app", "mood", "c", "a"));
        Diff mixed = roundTrip(withMood("new", "b", "a", "x"), withMood("a", "b", "gone"));
        assertThat(RoundTrip.described(mixed)).containsExactly(
                "add value 'new' to enum type mood", "add value 'x' to enum type mood",
                "remove value 'a' from enum type mood", "remove value 'gone' from enum type mood",
                "add value 'a' to enum type mood");
    }

    @Test
    void anEnumChangeIsNotAColumnTypeChange() {
        assertThat(roundTrip(withMood("a", "b"), withMood("a")).operations()).noneMatch(op -> op.describe().contains("alter column"));
    }

    @Test
    void enumArraysAndTypeChangesToAnotherEnum() {
        MetaData model = new MetaData("app");
        model.table("person", column("id", INTEGER).primaryKey(), column("moods", arrayOf(enumType("feeling", "x", "y"))));
        assertThat(RoundTrip.described(roundTrip(model, withMood("a")))).containsExactly(
                "create enum type feeling", "drop column person.mood", "add column person.moods", "drop enum type mood");
        MetaData retyped = new MetaData("app");
        retyped.table("person", column("id", INTEGER).primaryKey(), column("mood", enumType("feeling", "x")));
        assertThat(RoundTrip.described(roundTrip(retyped, withMood("a")))).containsExactly(
                "create enum type feeling", "alter column person.mood: type enum:app.mood -> enum:app.feeling", "drop enum type mood");
    }

    @Test
    void withoutDropsLabelsAreOnlyAdded() {
        CompareOptions noDrops = CompareOptions.managing("app").withDrops(false);
        assertThat(Differ.compare(withMood("a", "c"), withMood("a", "b"), noDrops).operations())
                .containsExactly(new AddEnumValue("app", "mood", "c", null));
    }

    @Test
    void anEnumTypeInAnUnmanagedSchemaIsOnlyReferredTo() {
        MetaData model = new MetaData("app");
        model.table("person", column("id", INTEGER).primaryKey(),
                column("mood", new SqlType.Enum("public", "mood", List.of("a", "b"))));
        MetaData database = new MetaData("app");
        database.table("person", column("id", INTEGER).primaryKey());
        assertThat(RoundTrip.described(Differ.compare(model, database, CompareOptions.managing("app"))))
                .containsExactly("add column person.mood");
    }

    private static MetaData withSequences(Sequence... sequences) {
        MetaData md = new MetaData("app");
        md.table("t", column("id", INTEGER).primaryKey().defaultExpr("nextval('app.s')"));
        for (Sequence s : sequences) md.addSequence(s);
        return md;
    }

    @Test
    void sequencesCreatedBeforeTheTablesDroppedAfterAndAltered() {
        Sequence s = Sequence.of("s");
        Diff create = RoundTrip.check(withSequences(s), new MetaData("app"), CompareOptions.managing("app"), "app");
        assertThat(RoundTrip.described(create)).containsExactly("create sequence s", "create table t");
        assertThat(create.operations().get(0)).isEqualTo(new CreateSequence(s.withSchema("app")));
        Diff drop = RoundTrip.check(new MetaData("app"), withSequences(s), CompareOptions.managing("app"), "app");
        assertThat(RoundTrip.described(drop)).containsExactly("drop table t", "drop sequence s");
        assertThat(drop.operations().get(1)).isEqualTo(new DropSequence(s.withSchema("app")));

        Sequence changed = new Sequence(null, "s", Types.INTEGER, 100L, 10L, null, null, 20L, true);
        Diff alter = roundTrip(withSequences(changed), withSequences(s));
        assertThat(alter.operations()).containsExactly(new AlterSequence(new Change<>(s.withSchema("app"), changed.withSchema("app"))));
    }

    @Test
    void sequenceOptionsEqualToTheDefaultsAreNoChange() {
        Sequence explicit = new Sequence(null, "s", Types.BIGINT, 1L, 1L, 1L, Long.MAX_VALUE, 1L, false);
        assertThat(Differ.compare(withSequences(Sequence.of("s")), withSequences(explicit)).operations()).isEmpty();
    }
}
