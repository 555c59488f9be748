package dev.retort.compare;

import dev.retort.Index;
import dev.retort.MetaData;
import dev.retort.Table;
import dev.retort.operations.IndexOps.CreateIndex;
import dev.retort.operations.IndexOps.DropIndex;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.retort.Dsl.column;
import static dev.retort.Dsl.desc;
import static dev.retort.Dsl.expr;
import static dev.retort.Dsl.index;
import static dev.retort.Dsl.indexOn;
import static dev.retort.Types.BIGINT;
import static dev.retort.Types.INTEGER;
import static dev.retort.Types.TEXT;
import static org.assertj.core.api.Assertions.assertThat;

class DifferIndexesTest {

    private static MetaData model(Index index) {
        MetaData md = new MetaData("app");
        Table t = md.table("doc", column("id", INTEGER).primaryKey(), column("title", TEXT), column("owner", INTEGER),
                column("body", TEXT));
        if (index == null) return md;
        MetaData out = new MetaData("app");
        out.add(new Table(t.schema(), t.name(), t.columns(), t.primaryKey(), t.uniques(), t.foreignKeys(), t.checks(),
                List.of(index), t.comment(), t.renamedFrom()));
        return out;
    }

    private static Index ix(List<Index.Element> elements, boolean unique, String where, String method, List<String> include) {
        return new Index("ix_doc", elements, unique, where, method, include);
    }

    private static final Index BASE = ix(List.of(Index.Element.column("owner")), false, null, null, List.of());

    @Test
    void aMissingOrExtraIndexIsCreatedOrDropped() {
        assertThat(RoundTrip.check(model(BASE), model(null), CompareOptions.managing("app"), "app").operations())
                .containsExactly(new CreateIndex("app", "doc", BASE));
        assertThat(RoundTrip.check(model(null), model(BASE), CompareOptions.managing("app"), "app").operations())
                .containsExactly(new DropIndex("app", "doc", BASE));
    }

    @Test
    void everyPartOfTheDefinitionCounts() {
        List<Index> variants = List.of(
                ix(List.of(Index.Element.column("title")), false, null, null, List.of()),
                ix(List.of(Index.Element.column("owner"), Index.Element.column("title")), false, null, null, List.of()),
                ix(List.of(new Index.Element("owner", null, true)), false, null, null, List.of()),
                ix(List.of(Index.Element.expression("owner + 1")), false, null, null, List.of()),
                ix(List.of(Index.Element.column("owner")), true, null, null, List.of()),
                ix(List.of(Index.Element.column("owner")), false, "owner > 0", null, List.of()),
                ix(List.of(Index.Element.column("owner")), false, null, "hash", List.of()),
                ix(List.of(Index.Element.column("owner")), false, null, null, List.of("title")));
        for (Index other : variants) {
            Diff diff = RoundTrip.check(model(BASE), model(other), CompareOptions.managing("app"), "app");
            assertThat(diff.operations()).as(other.toString())
                    .containsExactly(new DropIndex("app", "doc", other), new CreateIndex("app", "doc", BASE));
        }
    }

    @Test
    void noMethodMeansTheNormalisersDefault() {
        Index explicit = ix(BASE.elements(), false, null, "btree", List.of());
        assertThat(Differ.compare(model(BASE), model(explicit)).operations()).isEmpty();
        Normaliser hashByDefault = new Normaliser() {
            public String normaliseDefault(String e, dev.retort.SqlType t) { return e; }
            public String normaliseExpression(String e) { return e; }
            public String defaultIndexMethod() { return "hash"; }
        };
        CompareOptions options = CompareOptions.managing("app").withNormaliser(hashByDefault);
        assertThat(Differ.compare(model(BASE), model(explicit), options).operations()).hasSize(2);
        assertThat(Differ.compare(model(ix(BASE.elements(), false, null, "hash", List.of())), model(BASE), options).operations()).isEmpty();
    }

    @Test
    void expressionsAndPredicatesAreComparedAfterTheNormaliser() {
        Index model = ix(List.of(Index.Element.expression("lower(title)")), false, "owner > 0", null, List.of());
        Index database = ix(List.of(Index.Element.expression("LOWER(title::text)")), false, "(owner > 0)", null, List.of());
        CompareOptions options = CompareOptions.managing("app");
        assertThat(Differ.compare(model(model), model(database), options).operations()).hasSize(2);
        assertThat(Differ.compare(model(model), model(database), options.withNormaliser(TestNormaliser.INSTANCE)).operations()).isEmpty();
    }

    @Test
    void anIndexNamedOtherwiseButDefinedAlikeIsTheSameIndex() {
        Index renamed = new Index("doc_owner_idx", BASE.elements(), false, null, null, List.of());
        assertThat(Differ.compare(model(BASE), model(renamed)).operations()).isEmpty();
    }

    @Test
    void aTypeChangeDropsAndReCreatesTheIndexesOnTheColumn() {
        MetaData md = new MetaData("app");
        md.table("doc", column("id", INTEGER).primaryKey(), column("owner", INTEGER), column("title", TEXT),
                index("owner"), indexOn(expr("owner * 2")), indexOn(desc("title")).named("ix_title"));
        MetaData wider = new MetaData("app");
        Table t = md.get("app.doc");
        wider.add(t.withColumns(t.columns().stream().map(c -> c.name().equals("owner") ? c.withType(BIGINT) : c).toList()));
        assertThat(RoundTrip.described(RoundTrip.check(wider, md, CompareOptions.managing("app"), "app"))).containsExactly(
                "drop index ix_doc_expr on doc",
                "drop index ix_doc_owner on doc",
                "alter column doc.owner: type integer -> bigint",
                "create index ix_doc_owner on doc",
                "create index ix_doc_expr on doc");
    }
}
