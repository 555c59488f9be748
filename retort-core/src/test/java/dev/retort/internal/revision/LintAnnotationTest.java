package dev.retort.internal.revision;

import dev.retort.revision.Revision;
import dev.retort.revision.RevisionFormatException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a revision file says beside its revision: {@code lint:} beside an operation, {@code lock_timeout} and {@code statement_timeout}; read with their lines, checked, outside the checksum. */
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

    @Test
    void aRevisionsTimeoutsAreReadOutsideTheChecksumAndBadOnesRefusedAtTheirLine() {
        String plain = revision(DROP);
        RevisionReader.Read read = RevisionReader.parseWithSources("lock_timeout: 2s\nstatement_timeout: PT1M\n" + plain, FILE);
        assertThat(read.lockTimeout()).isEqualTo(java.time.Duration.ofSeconds(2));
        assertThat(read.statementTimeout()).isEqualTo(java.time.Duration.ofMinutes(1));
        assertThat(read.revision().checksum()).isEqualTo(RevisionReader.parse(plain, FILE).checksum());
        assertThat(RevisionReader.parseWithSources("lock_timeout: 250ms\n" + plain, FILE).lockTimeout())
                .isEqualTo(java.time.Duration.ofMillis(250));
        assertThat(RevisionReader.parseWithSources(plain, FILE).lockTimeout()).isNull();
        assertThatThrownBy(() -> RevisionReader.parse("lock_timeout: -5s\n" + plain, FILE))
                .hasMessage("migrations/ab12_x.yaml:1: 'lock_timeout' must be a duration like 500ms, 5s or 2m, not '-5s'");
        assertThatThrownBy(() -> RevisionReader.parse("statement_timeout: PT-5S\n" + plain, FILE))
                .hasMessage("migrations/ab12_x.yaml:1: 'statement_timeout' cannot be negative: 'PT-5S'");
        assertThatThrownBy(() -> RevisionReader.parse("lock_timeout: soon\n" + plain, FILE))
                .hasMessage("migrations/ab12_x.yaml:1: 'lock_timeout' must be a duration like 500ms, 5s or 2m, not 'soon'");
    }
}
