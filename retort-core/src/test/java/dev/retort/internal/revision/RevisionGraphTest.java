package dev.retort.internal.revision;

import dev.retort.revision.Revision;
import dev.retort.revision.RevisionException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RevisionGraphTest {
    private static int clock;

    /** A revision created after the previous one made here, so history order is creation order where free. */
    private static Revision rev(String id, String... downs) {
        return Revision.of(id, List.of(downs), "revision " + id, Instant.EPOCH.plusSeconds(clock++), List.of(), List.of())
                .withPath(Path.of("migrations", id + "_x.yaml"));
    }

    private static RevisionGraph graph(Revision... revisions) {
        return RevisionGraph.of(Arrays.asList(revisions));
    }

    private static List<String> ids(List<Revision> revisions) {
        return revisions.stream().map(Revision::id).toList();
    }

    /** a1 <- a2 <- a3 */
    private static RevisionGraph linear() {
        return graph(rev("a1"), rev("a2", "a1"), rev("a3", "a2"));
    }

    /**
     * <pre>
     *        +- b1 <- b2 -+
     * r0 <---+            +--- m <- t
     *        +- c1 -------+
     * </pre>
     */
    private static RevisionGraph merged() {
        return graph(rev("r0"), rev("b1", "r0"), rev("c1", "r0"), rev("b2", "b1"), rev("m", "b2", "c1"), rev("t", "m"));
    }

    /** r0 with two unmerged branches: b1 <- b2 and c1. */
    private static RevisionGraph branched() {
        return graph(rev("r0"), rev("b1", "r0"), rev("c1", "r0"), rev("b2", "b1"));
    }

    @Test
    void linearHistory() {
        RevisionGraph g = linear();
        assertThat(ids(g.history())).containsExactly("a1", "a2", "a3");
        assertThat(g.heads()).containsExactly("a3");
        assertThat(g.bases()).containsExactly("a1");
        assertThat(g.branchPoints()).isEmpty();
        assertThat(g.mergePoints()).isEmpty();
        assertThat(g.resolve("head")).containsExactly("a3");
        assertThat(g.resolve("heads")).containsExactly("a3");
        assertThat(g.resolve("base")).isEmpty();
        assertThat(ids(g.upgradePath(List.of(), "head"))).containsExactly("a1", "a2", "a3");
        assertThat(ids(g.upgradePath(List.of("a1"), "head"))).containsExactly("a2", "a3");
        assertThat(ids(g.upgradePath(List.of("a3"), "head"))).isEmpty();
        assertThat(ids(g.upgradePath(List.of("a3"), "a1"))).isEmpty();
        assertThat(ids(g.downgradePath(List.of("a3"), "base"))).containsExactly("a3", "a2", "a1");
        assertThat(ids(g.downgradePath(List.of("a3"), "a1"))).containsExactly("a3", "a2");
        assertThat(ids(g.downgradePath(List.of("a3"), "a3"))).isEmpty();
    }

    @Test
    void branchesAndTheirHeads() {
        RevisionGraph g = branched();
        assertThat(g.heads()).containsExactly("c1", "b2");
        assertThat(g.branchPoints()).containsExactly("r0");
        assertThat(g.children("r0")).containsExactly("b1", "c1");
        assertThatThrownBy(() -> g.resolve("head"))
                .isInstanceOf(RevisionException.class)
                .hasMessage("multiple heads (c1, b2): merge them with `retort merge -m MSG` or name one");
        assertThat(g.resolve("heads")).containsExactlyInAnyOrder("b2", "c1");
        assertThat(ids(g.upgradePath(List.of(), "heads"))).containsExactly("r0", "b1", "c1", "b2");
        assertThat(ids(g.upgradePath(List.of(), "b2"))).containsExactly("r0", "b1", "b2");
        assertThat(ids(g.upgradePath(List.of("b2"), "c1"))).containsExactly("c1");
        assertThat(g.headsOf(List.of("b2", "c1", "r0"))).containsExactly("c1", "b2");
    }

    @Test
    void aDowngradeOnOneBranchLeavesTheOtherAlone() {
        RevisionGraph g = branched();
        assertThat(ids(g.downgradePath(List.of("b2", "c1"), "b1"))).containsExactly("b2");
        assertThat(ids(g.downgradePath(List.of("b2", "c1"), "r0"))).containsExactly("b2", "c1", "b1");
        assertThat(ids(g.downgradePath(List.of("b2", "c1"), "base"))).containsExactly("b2", "c1", "b1", "r0");
        assertThatThrownBy(() -> g.downgradePath(List.of("b2"), "c1"))
                .hasMessage("cannot downgrade to c1: it is not applied (current: b2)");
    }

    @Test
    void aMergeAppliesOnceAllItsParentsAre() {
        RevisionGraph g = merged();
        assertThat(g.heads()).containsExactly("t");
        assertThat(g.mergePoints()).containsExactly("m");
        assertThat(g.branchPoints()).containsExactly("r0");
        List<String> all = ids(g.upgradePath(List.of(), "head"));
        assertThat(all).containsExactly("r0", "b1", "c1", "b2", "m", "t");
        // Only one branch applied: the other one comes before the merge.
        assertThat(ids(g.upgradePath(List.of("b2"), "head"))).containsExactly("c1", "m", "t");
        assertThat(ids(g.upgradePath(List.of("c1"), "m"))).containsExactly("b1", "b2", "m");
        // Both branch heads as the current state.
        assertThat(ids(g.upgradePath(List.of("b2", "c1"), "head"))).containsExactly("m", "t");
    }

    @Test
    void downgradingThroughAMerge() {
        RevisionGraph g = merged();
        assertThat(ids(g.downgradePath(List.of("t"), "base"))).containsExactly("t", "m", "b2", "c1", "b1", "r0");
        assertThat(ids(g.downgradePath(List.of("t"), "r0"))).containsExactly("t", "m", "b2", "c1", "b1");
        // Down to one parent of the merge: the merge goes, the other branch stays applied.
        List<Revision> path = g.downgradePath(List.of("t"), "b1");
        assertThat(ids(path)).containsExactly("t", "m", "b2");
        assertThat(g.headsOf(remaining(g, List.of("t"), path))).containsExactly("b1", "c1");
        assertThat(ids(g.downgradePath(List.of("t"), "c1"))).containsExactly("t", "m");
    }

    private static List<String> remaining(RevisionGraph g, List<String> current, List<Revision> undone) {
        List<String> applied = new ArrayList<>(g.ancestors(current));
        applied.removeAll(ids(undone));
        return applied;
    }

    @Test
    void idsAndUniquePrefixes() {
        RevisionGraph g = graph(rev("ab12cd"), rev("ab98ef", "ab12cd"), rev("c0ffee", "ab98ef"));
        assertThat(g.resolve("c0ffee")).containsExactly("c0ffee");
        assertThat(g.resolve("c0")).containsExactly("c0ffee");
        assertThat(g.resolve("ab1")).containsExactly("ab12cd");
        assertThatThrownBy(() -> g.resolve("ab"))
                .isInstanceOf(RevisionException.class)
                .hasMessage("ambiguous revision prefix 'ab': it starts ab12cd, ab98ef");
        assertThatThrownBy(() -> g.resolve("ff"))
                .isInstanceOf(RevisionException.class).hasMessage("unknown revision 'ff'");
        assertThatThrownBy(() -> g.resolve(" ")).hasMessage("no target revision given");
    }

    @Test
    void anExactIdWinsOverPrefixesOfLongerIds() {
        RevisionGraph g = graph(rev("ab"), rev("abc", "ab"));
        assertThat(g.resolve("ab")).containsExactly("ab");
    }

    @Test
    void relativeSteps() {
        RevisionGraph g = graph(rev("a1"), rev("a2", "a1"), rev("a3", "a2"), rev("a4", "a3"));
        assertThat(g.resolve("+1", List.of())).containsExactly("a1");
        assertThat(g.resolve("+2", List.of("a1"))).containsExactly("a3");
        assertThat(g.resolve("-1", List.of("a3"))).containsExactly("a2");
        assertThat(g.resolve("-3", List.of("a3"))).isEmpty();
        assertThat(g.resolve("head-1")).containsExactly("a3");
        assertThat(g.resolve("head-4")).isEmpty();
        assertThat(g.resolve("a2+1")).containsExactly("a3");
        assertThat(g.resolve("a2-1")).containsExactly("a1");
        assertThat(g.resolve("base+2")).containsExactly("a2");
        assertThatThrownBy(() -> g.resolve("-4", List.of("a3"))).hasMessage("'-4' goes below base");
        assertThatThrownBy(() -> g.resolve("+2", List.of("a3"))).hasMessage("'+2' goes past the head: nothing follows a4");
        assertThatThrownBy(() -> g.resolve("+1")).hasMessage("'+1' counts from the current revision, which is not known here");
        assertThatThrownBy(() -> g.resolve("heads-1")).hasMessage("'heads-1': cannot count steps from several heads");
        assertThat(ids(g.upgradePath(List.of("a1"), "+2"))).containsExactly("a2", "a3");
        assertThat(ids(g.downgradePath(List.of("a4"), "-2"))).containsExactly("a4", "a3");
        assertThat(ids(g.downgradePath(List.of("a4"), "head-1"))).containsExactly("a4");
    }

    @Test
    void relativeStepsStopAtBranchesAndMerges() {
        RevisionGraph g = merged();
        assertThatThrownBy(() -> g.resolve("r0+1")).hasMessage("'r0+1' is ambiguous: r0 is followed by several revisions (b1, c1); name one");
        assertThatThrownBy(() -> g.resolve("head-2")).hasMessage("'head-2' is ambiguous: m is a merge of (b2, c1); name one");
        assertThat(g.resolve("head-1")).containsExactly("m");
        assertThatThrownBy(() -> branched().resolve("+1", List.of("b2", "c1")))
                .hasMessage("the schema is at several heads (c1, b2): name a revision instead of '+1'");
    }

    @Test
    void danglingDownRevisionsNameTheFile() {
        assertThatThrownBy(() -> graph(rev("a1"), rev("a2", "zz")))
                .isInstanceOf(RevisionException.class)
                .hasMessage("migrations/a2_x.yaml: down_revision 'zz' is not a known revision (no file in the directory has that id)");
    }

    @Test
    void cyclesNameTheFiles() {
        assertThatThrownBy(() -> graph(rev("a1"), rev("x", "z"), rev("y", "x"), rev("z", "y")))
                .isInstanceOf(RevisionException.class)
                .hasMessage("down_revisions form a cycle: x (x_x.yaml) -> z (z_x.yaml) -> y (y_x.yaml) -> x (x_x.yaml)");
        // "after" hangs off the cycle without being part of it.
        assertThatThrownBy(() -> graph(rev("p", "q"), rev("q", "p"), rev("after", "q")))
                .hasMessage("down_revisions form a cycle: q (q_x.yaml) -> p (p_x.yaml) -> q (q_x.yaml)");
    }

    @Test
    void duplicateIdsNameBothFiles() {
        Revision one = rev("a1");
        Revision two = rev("a1").withPath(Path.of("migrations", "a1_copy.yaml"));
        assertThatThrownBy(() -> graph(one, two))
                .hasMessage("revision a1 is defined twice: in migrations/a1_x.yaml and in migrations/a1_copy.yaml");
    }

    @Test
    void anUnknownCurrentRevisionIsReported() {
        assertThatThrownBy(() -> linear().upgradePath(List.of("gone"), "head"))
                .hasMessage("the schema is at revision gone, which is not in the migrations directory (was its file deleted?)");
    }

    @Test
    void anEmptyGraphIsAtBase() {
        RevisionGraph g = graph();
        assertThat(g.isEmpty()).isTrue();
        assertThat(g.heads()).isEmpty();
        assertThat(g.resolve("head")).isEmpty();
        assertThat(g.upgradePath(List.of(), "head")).isEmpty();
        assertThat(g.downgradePath(List.of(), "base")).isEmpty();
        assertThatThrownBy(() -> g.resolve("+1", List.of())).hasMessage("'+1' goes past the head: nothing follows base");
    }

    @Test
    void historyBreaksTiesByCreationTime() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        Revision root = Revision.of("r", List.of(), "r", t0, List.of(), List.of());
        Revision late = Revision.of("aaa", List.of("r"), "late", t0.plusSeconds(20), List.of(), List.of());
        Revision early = Revision.of("zzz", List.of("r"), "early", t0.plusSeconds(10), List.of(), List.of());
        assertThat(ids(RevisionGraph.of(List.of(late, root, early)).history())).containsExactly("r", "zzz", "aaa");
        assertThat(ids(RevisionGraph.of(Set.of(late, root, early)).history())).containsExactly("r", "zzz", "aaa");
    }
}
