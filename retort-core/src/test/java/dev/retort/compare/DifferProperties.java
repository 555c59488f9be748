package dev.retort.compare;

import dev.retort.MetaData;
import dev.retort.operations.Operation;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The differ against the in-memory oracle over random models: a model compared with itself is empty,
 * and the diff between two models, applied to the first, gives the second.
 */
class DifferProperties {
    private static final CompareOptions OPTIONS = CompareOptions.managing(RandomModels.SCHEMA);

    @Property(tries = 300)
    void aModelComparedWithItselfIsEmpty(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int tables) {
        MetaData m = RandomModels.build(new RandomModels(seed, false).model(tables));
        assertThat(Differ.compare(m, m, OPTIONS).operations()).isEmpty();
        assertThat(Differ.compare(m, RandomModels.build(new RandomModels(seed, false).model(tables)), OPTIONS).operations())
                .as("an equal model built again").isEmpty();
    }

    @Property(tries = 200)
    void aModelComparedWithItsCloneFromAnotherSchemaIsEmpty(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int tables) {
        MetaData m = RandomModels.build(new RandomModels(seed, false).model(tables));
        MetaData elsewhere = m.withSchema("other").withSchema(RandomModels.SCHEMA);
        assertThat(Differ.compare(m, elsewhere, OPTIONS).operations()).isEmpty();
    }

    /**
     * With names that follow definitions, as under a naming convention, the result is the model exactly,
     * names included.
     */
    @Property(tries = 500)
    void applyingTheDiffGivesTheModel(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int tables,
                                      @ForAll @DoubleRange(min = 0.02, max = 0.6) double rate) {
        RandomModels random = new RandomModels(seed, true);
        RandomModels.ModelSpec a = random.model(tables);
        RandomModels.ModelSpec b = random.edit(a, rate, false);
        check(RandomModels.build(b), RandomModels.build(a), true);
    }

    /**
     * With names drawn at random and renames declared, equal definitions under other names are kept, so
     * the result is the model up to the names of constraints and indexes.
     */
    @Property(tries = 500)
    void applyingTheDiffGivesTheModelWithRenamesAndStrayNames(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int tables,
                                                              @ForAll @DoubleRange(min = 0.02, max = 0.6) double rate) {
        RandomModels random = new RandomModels(seed, false);
        RandomModels.ModelSpec a = random.model(tables);
        RandomModels.ModelSpec b = random.edit(a, rate, true);
        check(RandomModels.build(b), RandomModels.build(a), false);
    }

    /**
     * Without drops the result is not the model, but the diff still applies, and a second diff without
     * drops finds nothing more to do.
     */
    @Property(tries = 300)
    void withoutDropsTheDiffAppliesAndLeavesNothingToAdd(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int tables,
                                                         @ForAll @DoubleRange(min = 0.02, max = 0.6) double rate,
                                                         @ForAll boolean renames) {
        RandomModels random = new RandomModels(seed, !renames);
        RandomModels.ModelSpec a = random.model(tables);
        MetaData model = RandomModels.build(random.edit(a, rate, renames));
        MetaData database = RandomModels.build(a);
        CompareOptions noDrops = OPTIONS.withDrops(false);
        Diff diff = Differ.compare(model, database, noDrops);
        assertThat(diff.operations()).noneMatch(op -> op instanceof dev.retort.operations.TableOps.DropTable
                || op instanceof dev.retort.operations.EnumOps.DropEnum || op instanceof dev.retort.operations.SequenceOps.DropSequence);
        MetaData after = InMemoryDatabase.of(database, RandomModels.SCHEMA).apply(diff.operations()).toMetaData();
        assertThat(Differ.compare(model, after, noDrops).operations()).isEmpty();
    }

    @Property(tries = 200)
    void applyingTheDiffBetweenUnrelatedModelsGivesTheModel(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int tables) {
        RandomModels random = new RandomModels(seed, true);
        MetaData a = RandomModels.build(random.model(tables));
        MetaData b = RandomModels.build(random.model(tables));
        check(b, a, true);
    }

    private static void check(MetaData model, MetaData database, boolean withNames) {
        Diff diff = RoundTrip.check(model, database, OPTIONS, withNames, RandomModels.SCHEMA);
        assertThat(diff.operations()).as("nothing outside the managed schema").allMatch(op -> RandomModels.SCHEMA.equals(op.schema()));
        // Agnostic and bound again, the operations are the same.
        assertThat(diff.rebind(RandomModels.SCHEMA, null).rebind(null, RandomModels.SCHEMA).operations())
                .isEqualTo(diff.operations());
        assertThat(diff.operations().stream().filter(Operation::destructive).count()).isEqualTo(diff.destructive().size());
    }
}
