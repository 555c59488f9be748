package dev.retort.internal.revision;

import dev.retort.revision.Revision;
import dev.retort.revision.RevisionFormatException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code lint: {ignore: [ID], reason: ...}} beside an operation: read with its line, checked, outside the checksum. */
class LintAnnotationTest {
    private static final Path FILE = Path.of("migrations/ab12_x.yaml");

    /** Lines 1-5 are the head; line 6 is the first operation. */
    private static String revision(String upgradeItems) {
        return """
                revision: ab12
                down_revision: null
                message: x
                created: 2026-11-25T12:00:00Z
                upgrade:
                """ + upgradeItems + "downgrade: []\n";
    }

    private static final String DROP = """
              - sql: SELECT 1
              - drop_column:
                  table: orders
                  column: {name: legacy, type: text}
            """;

    @Test
    void anOperationsLineAndTheRulesItSilencesAreRead() {
        RevisionReader.Read read = RevisionReader.parseWithSources(revision(DROP
                + "    lint: {ignore: [drop-column, table-rewrite], reason: unused since 2025}\n"), FILE);
        assertThat(read.upgrade()).containsExactly(OperationSource.at(6),
                new OperationSource(7, List.of("drop-column", "table-rewrite"), "unused since 2025"));
        assertThat(read.upgrade().get(1).ignores(LintRule.DROP_COLUMN)).isTrue();
        assertThat(read.upgrade().get(1).ignores(LintRule.DROP_TABLE)).isFalse();
        assertThat(read.downgrade()).isEmpty();
    }

    @Test
    void silencingARuleIsNotAnEdit() {
        Revision plain = RevisionReader.parse(revision(DROP), FILE);
        Revision silenced = RevisionReader.parse(revision(DROP + "    lint: {ignore: drop-column, reason: unused}\n"), FILE);
        assertThat(silenced.checksum()).isEqualTo(plain.checksum());
        assertThat(silenced).isEqualTo(plain);
    }

    @Test
    void anUnknownRuleIsRefusedAtItsLine() {
        assertThatThrownBy(() -> RevisionReader.parse(revision(DROP + "    lint: {ignore: [drop-colum], reason: unused}\n"), FILE))
                .isInstanceOf(RevisionFormatException.class)
                .hasMessageStartingWith("migrations/ab12_x.yaml:10: lint: unknown rule 'drop-colum' (known: drop-schema, drop-table,");
    }

    @Test
    void aReasonIsRequired() {
        assertThatThrownBy(() -> RevisionReader.parse(revision(DROP + "    lint: {ignore: [drop-column]}\n"), FILE))
                .hasMessage("migrations/ab12_x.yaml:10: lint: ignoring drop-column needs a 'reason'");
        assertThatThrownBy(() -> RevisionReader.parse(revision(DROP + "    lint: {ignore: [], reason: x}\n"), FILE))
                .hasMessage("migrations/ab12_x.yaml:10: lint: 'ignore' names no rule");
        assertThatThrownBy(() -> RevisionReader.parse(revision(DROP + "    lint: {ignore: [drop-column], reason: x, why: y}\n"), FILE))
                .hasMessage("migrations/ab12_x.yaml:10: unknown key 'why' in lint (known: ignore, reason)");
    }

    @Test
    void lintAloneIsNoOperation() {
        assertThatThrownBy(() -> RevisionReader.parse(revision("  - lint: {ignore: [drop-column], reason: x}\n"), FILE))
                .hasMessage("migrations/ab12_x.yaml:6: an operation is a mapping with one key, the operation's name; this one has 0 ()");
    }
}
