package dev.retort.internal.revision;

import dev.retort.revision.Revision;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Paths over random histories with branches and merges. */
class RevisionGraphProperties {

    /** How revision i picks its parents among revisions 0..i-1, and when it was created. */
    record Shape(int first, int second, int parents, int created) {
    }

    @Provide
    Arbitrary<RevisionGraph> graphs() {
        Arbitrary<Shape> shape = Combinators.combine(Arbitraries.integers().between(0, 1000),
                Arbitraries.integers().between(0, 1000), Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 50)).as(Shape::new);
        return shape.list().ofMinSize(1).ofMaxSize(14).map(shapes -> {
            List<Revision> revisions = new ArrayList<>();
            for (int i = 0; i < shapes.size(); i++) {
                Shape s = shapes.get(i);
                Set<String> parents = new LinkedHashSet<>();
                if (i > 0 && s.parents() > 0) parents.add("r" + s.first() % i);
                if (i > 0 && s.parents() > 1) parents.add("r" + s.second() % i);
                revisions.add(Revision.of("r" + i, List.copyOf(parents), "m", Instant.EPOCH.plusSeconds(s.created()),
                        List.of(), List.of()));
            }
            return RevisionGraph.of(revisions);
        });
    }

    @Property
    void historyPutsParentsFirst(@ForAll("graphs") RevisionGraph g) {
        Set<String> seen = new HashSet<>();
        for (Revision r : g.history()) {
            assertThat(seen).containsAll(r.downRevisions());
            seen.add(r.id());
        }
        assertThat(seen).hasSize(g.history().size());
    }

    @Property
    void upgradingToHeadsAppliesEachMissingRevisionOnceAfterItsParents(
            @ForAll("graphs") RevisionGraph g, @ForAll @IntRange(max = 20) int pick) {
        List<String> current = pick(g, pick);
        Set<String> applied = new HashSet<>(g.ancestors(current));
        for (Revision r : g.upgradePath(current, "heads")) {
            assertThat(applied).doesNotContain(r.id()).containsAll(r.downRevisions());
            applied.add(r.id());
        }
        assertThat(applied).hasSize(g.history().size());
    }

    @Property
    void downgradingToARevisionUndoesExactlyWhatFollowsIt(
            @ForAll("graphs") RevisionGraph g, @ForAll @IntRange(max = 20) int pick) {
        List<String> heads = g.heads();
        Set<String> all = g.ancestors(heads);
        String target = g.history().get(pick % g.history().size()).id();
        Set<String> applied = new HashSet<>(all);
        for (Revision r : g.downgradePath(heads, target)) {
            // Nothing still applied follows what is undone.
            for (String child : g.children(r.id())) assertThat(applied).doesNotContain(child);
            applied.remove(r.id());
        }
        Set<String> expected = new HashSet<>(all);
        expected.removeAll(g.descendants(List.of(target)));
        assertThat(applied).isEqualTo(expected).contains(target);
        // And upgrading back to the old heads re-applies exactly that.
        assertThat(g.upgradePath(g.headsOf(applied), "heads")).hasSize(all.size() - applied.size());
    }

    @Property
    void downgradingToBaseUndoesEverythingChildrenFirst(@ForAll("graphs") RevisionGraph g) {
        Set<String> applied = new HashSet<>(g.ancestors(g.heads()));
        for (Revision r : g.downgradePath(g.heads(), "base")) {
            for (String child : g.children(r.id())) assertThat(applied).doesNotContain(child);
            applied.remove(r.id());
        }
        assertThat(applied).isEmpty();
    }

    @Property
    void everyIdResolvesToItself(@ForAll("graphs") RevisionGraph g) {
        for (Revision r : g.history()) assertThat(g.resolve(r.id())).containsExactly(r.id());
    }

    /** A state: the heads of a subset of the revisions. */
    private static List<String> pick(RevisionGraph g, int seed) {
        List<String> chosen = new ArrayList<>();
        List<Revision> h = g.history();
        for (int i = 0; i < h.size(); i++) if (((seed >> (i % 5)) & 1) == 1 && (i * 7 + seed) % 3 == 0) chosen.add(h.get(i).id());
        return g.headsOf(chosen);
    }
}
