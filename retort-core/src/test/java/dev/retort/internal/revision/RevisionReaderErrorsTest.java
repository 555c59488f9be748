package dev.retort.internal.revision;

import dev.retort.revision.Revision;
import dev.retort.revision.RevisionFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every complaint is one line that names the file and, where there is one, the line. */
class RevisionReaderErrorsTest {
    private static final Path FILE = Path.of("migrations/ab12_x.yaml");

    private static final String HEAD = """
            revision: ab12
            down_revision: null
            message: x
            created: 2026-11-25T12:00:00Z
            """;

    /** Lines 1-4 are HEAD; line 5 is "upgrade:", line 6 the first operation. */
    private static String withUpgrade(String upgradeItems) {
        return HEAD + "upgrade:\n" + upgradeItems + "downgrade: []\n";
    }

    private static RevisionFormatException failure(String text) {
        try {
            RevisionReader.parse(text, FILE);
        } catch (RevisionFormatException e) {
            assertThat(e.getMessage()).doesNotContain("\n");
            assertThat(e.file()).isEqualTo(FILE);
            return e;
        }
        throw new AssertionError("no error for:\n" + text);
    }

    @Test
    void unknownOperation() {
        RevisionFormatException e = failure(withUpgrade("""
                  - create_table:
                      name: t
                      columns: [{name: id, type: integer}]
                  - create_tabel:
                      name: u
                """));
        assertThat(e.getMessage()).isEqualTo(
                "migrations/ab12_x.yaml:9: unknown operation 'create_tabel' (did you mean 'create_table'?)");
        assertThat(e.line()).isEqualTo(9);
    }

    @Test
    void unknownOperationFarFromAnyName() {
        assertThat(failure(withUpgrade("  - frobnicate: {}\n")).getMessage())
                .isEqualTo("migrations/ab12_x.yaml:6: unknown operation 'frobnicate'");
    }

    @Test
    void malformedYaml() {
        RevisionFormatException e = failure(withUpgrade("""
                  - create_table:
                      name: t
                      columns: [{name: id, type: integer}
                """));
        assertThat(e.getMessage()).startsWith("migrations/ab12_x.yaml:").contains(": malformed YAML: ");
        assertThat(e.line()).isBetween(8, 10);
    }

    @Test
    void badIndentationIsMalformedYamlAtItsLine() {
        RevisionFormatException e = failure(HEAD + "upgrade:\n  - sql: {sql: x}\n bad: 1\ndowngrade: []\n");
        assertThat(e.getMessage()).contains("malformed YAML");
        assertThat(e.line()).isEqualTo(7);
    }

    @Test
    void missingRequiredKey() {
        assertThat(failure(withUpgrade("  - create_table:\n      name: t\n")).getMessage())
                .isEqualTo("migrations/ab12_x.yaml:7: create_table: missing key 'columns'");
        assertThat(failure(HEAD.replace("created: 2026-11-25T12:00:00Z\n", "") + "upgrade: []\ndowngrade: []\n").getMessage())
                .isEqualTo("migrations/ab12_x.yaml:1: revision: missing key 'created'");
    }

    @Test
    void badTypeSpelling() {
        RevisionFormatException e = failure(withUpgrade("""
                  - add_column:
                      table: t
                      column:
                        name: c
                        type: varchr(100)
                """));
        assertThat(e.getMessage()).isEqualTo("migrations/ab12_x.yaml:10: unknown type: 'varchr(100)'");
    }

    @Test
    void anEnumTypeNeedsItsLabels() {
        assertThat(failure(withUpgrade("  - add_column: {table: t, column: {name: c, type: 'enum:mood'}}\n")).getMessage())
                .isEqualTo("migrations/ab12_x.yaml:6: enum type mood needs its labels: write {enum: mood, labels: [...]}");
    }

    @Test
    void wrongValueTypes() {
        assertThat(failure(withUpgrade("  - create_table: {name: t, columns: id}\n")).getMessage())
                .isEqualTo("migrations/ab12_x.yaml:6: 'columns' must be a list, not a text value");
        assertThat(failure(withUpgrade("  - create_table: {name: t, columns: [{name: id, type: integer, nullable: maybe}]}\n")).getMessage())
                .isEqualTo("migrations/ab12_x.yaml:6: 'nullable' must be true or false, not 'maybe'");
        assertThat(failure(withUpgrade("  - create_sequence: {name: s, start: soon}\n")).getMessage())
                .isEqualTo("migrations/ab12_x.yaml:6: 'start' must be a whole number, not 'soon'");
        assertThat(failure(withUpgrade("  - rename_table: {from: [a], to: b}\n")).getMessage())
                .isEqualTo("migrations/ab12_x.yaml:6: 'from' must be a text value, not a list");
        assertThat(failure(HEAD + "upgrade: {create_table: {}}\ndowngrade: []\n").getMessage())
                .isEqualTo("migrations/ab12_x.yaml:5: 'upgrade' must be a list of operations, not a mapping");
        assertThat(failure(withUpgrade("  - alter_column: {table: t, column: c, nullable: false}\n")).getMessage())
                .isEqualTo("migrations/ab12_x.yaml:6: 'nullable' must be a change written {from: ..., to: ...}, not a text value");
        assertThat(failure(withUpgrade("  - add_constraint: {table: t, foreign_key: {name: fk, columns: [a], referred_table: u, referred_columns: [id], on_delete: explode}}\n")).getMessage())
                .startsWith("migrations/ab12_x.yaml:6: 'on_delete' must be one of no action, restrict, cascade");
    }

    @Test
    void unknownAndRepeatedKeys() {
        assertThat(failure(withUpgrade("""
                  - create_table:
                      name: t
                      columns:
                        - {name: id, type: integer, nulable: false}
                """)).getMessage())
                .startsWith("migrations/ab12_x.yaml:9: unknown key 'nulable' in column (known: autoincrement, collation,");
        assertThat(failure(withUpgrade("  - rename_table: {from: a, to: b, to: c}\n")).getMessage())
                .isEqualTo("migrations/ab12_x.yaml:6: key 'to' given twice in rename_table");
        assertThat(failure(HEAD + "upgrade: []\ndowngrade: []\nextra: 1\n").getMessage())
                .startsWith("migrations/ab12_x.yaml:7: unknown key 'extra' in revision");
    }

    @Test
    void anOperationIsOneKeyMapping() {
        assertThat(failure(withUpgrade("  - create_table\n")).getMessage())
                .isEqualTo("migrations/ab12_x.yaml:6: an operation is written '- name: {...}', not a text value 'create_table'");
        assertThat(failure(withUpgrade("  - create_table:\n    name: t\n")).getMessage())
                .isEqualTo("migrations/ab12_x.yaml:6: an operation is a mapping with one key, the operation's name; this one has 2 (create_table, name)");
    }

    @Test
    void whatTheModelRejectsIsReportedAtItsPlace() {
        RevisionFormatException e = failure(withUpgrade("""
                  - create_table:
                      name: t
                      columns:
                        - {name: id, type: integer}
                      primary_key: {name: pk_t, columns: [id]}
                """));
        assertThat(e.getMessage()).isEqualTo("migrations/ab12_x.yaml:7: table t: primary key pk_t(id) is on nullable column id");
        assertThat(failure(withUpgrade("  - create_enum: {name: mood, labels: [a, a]}\n")).getMessage())
                .isEqualTo("migrations/ab12_x.yaml:6: enum type mood repeats a label: [a, a]");
    }

    @Test
    void badRevisionHeader() {
        assertThat(failure(HEAD.replace("ab12", "head") + "upgrade: []\ndowngrade: []\n").getMessage())
                .isEqualTo("migrations/ab12_x.yaml:1: revision id 'head' is a reserved word");
        assertThat(failure(HEAD.replace("2026-11-25T12:00:00Z", "yesterday") + "upgrade: []\ndowngrade: []\n").getMessage())
                .isEqualTo("migrations/ab12_x.yaml:4: 'created' must be a time like 2026-11-25T12:00:00Z, not 'yesterday'");
        assertThat(failure(HEAD.replace("down_revision: null", "down_revision: [ab12]") + "upgrade: []\ndowngrade: []\n").getMessage())
                .isEqualTo("migrations/ab12_x.yaml:2: revision ab12 names itself as its down_revision");
    }

    @Test
    void emptyFileAndWrongDocumentShape() {
        assertThat(failure("").getMessage()).isEqualTo("migrations/ab12_x.yaml: empty file: a revision needs at least its 'revision' key");
        assertThat(failure("- a\n- b\n").getMessage())
                .isEqualTo("migrations/ab12_x.yaml:1: revision must be a mapping of keys to values, not a list");
        assertThat(failure(HEAD + "upgrade: []\ndowngrade: []\n---\nrevision: cd34\n").getMessage())
                .contains("malformed YAML");
    }

    @Test
    void charactersYamlDoesNotAllow(@TempDir Path dir) throws Exception {
        RevisionFormatException e = failure(HEAD + "upgrade:\n  - sql: \"x\"\n  - sql: bell\u0007\ndowngrade: []\n");
        assertThat(e.getMessage()).contains("U+0007");
        assertThat(e.line()).isEqualTo(7);

        Path latin1 = dir.resolve("ab12_x.yaml");
        Files.write(latin1, (HEAD + "upgrade: []\ndowngrade: []\n# caf\u00e9\n").getBytes("ISO-8859-1"));
        assertThatThrownBy(() -> RevisionReader.read(latin1))
                .isInstanceOf(RevisionFormatException.class)
                .hasMessage(latin1 + ":7: not UTF-8 text: byte 0xE9 is not valid UTF-8 here; save the file as UTF-8");
    }

    /** Found by the fuzzer: SnakeYAML's own limits (nesting, aliases) throw without a mark; the line is still named. */
    @Test
    void tooDeepNestingAndTooManyAliasesNameTheirLine() {
        RevisionFormatException deep = failure(HEAD + "upgrade:\n  - sql: x\n  - sql: " + "[".repeat(100) + "]".repeat(100) + "\ndowngrade: []\n");
        assertThat(deep.getMessage()).contains("malformed YAML", "Nesting Depth");
        assertThat(deep.line()).isEqualTo(7);
        StringBuilder laughs = new StringBuilder(HEAD + "upgrade: []\ndowngrade: []\nx0: &l0 [a, a, a, a, a, a, a, a]\n");
        for (int i = 1; i < 8; i++) laughs.append("x").append(i).append(": &l").append(i).append(" [").append(("*l" + (i - 1) + ", ").repeat(8)).append("a]\n");
        RevisionFormatException aliases = failure(laughs.toString());
        assertThat(aliases.getMessage()).contains("malformed YAML", "aliases");
        assertThat(aliases.line()).isBetween(8, 15);
    }

    @Test
    void hintsAndAlternativeSpellingsThatAreAccepted() {
        String text = HEAD + """
                upgrade:
                  - sql: ANALYZE
                  - add_column: {table: t, column: {name: c, type: VARCHAR( 10 )}}
                  - create_index: {name: ix, table: t, columns: [c, {expression: lower(c), descending: true}]}
                  - add_constraint: {table: t, foreign_key: {name: fk, columns: [a], referred_table: u, referred_columns: [id], on_delete: SET_NULL}}
                downgrade:
                """;
        Revision r = RevisionReader.parse(text, FILE);
        assertThat(r.upgrade()).hasSize(4);
        assertThat(r.downgrade()).isEmpty();
        assertThat(r.path()).isEqualTo(FILE);
    }
}
