package dev.retort.internal.revision;

import dev.retort.revision.Revision;
import dev.retort.MetaData;
import dev.retort.Table;
import dev.retort.Types;
import dev.retort.operations.ColumnOps;
import dev.retort.operations.Operation;
import dev.retort.operations.Sql;
import dev.retort.operations.TableOps;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.retort.internal.revision.Fixtures.CREATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RevisionFileTest {

    private static final String SEED_FILE = """
            # Retort revision 3f9c2a1b7d4e: initial
            # Operations without a schema apply to the schema being migrated (upgrade --schema S).
            # Comments are not part of the revision; once it is applied, `retort check` reports edits to the rest.
            revision: 3f9c2a1b7d4e
            down_revision: null
            message: initial
            created: 2026-11-25T12:00:00Z
            upgrade:
              - create_table:
                  name: test
                  columns:
                    - {name: id, type: integer, nullable: false}
                    - {name: name, type: varchar(100), nullable: false}
                  primary_key: {name: pk_test, columns: [id]}
              - create_table:
                  name: child
                  columns:
                    - {name: id, type: integer, nullable: false}
                    - {name: test_id, type: integer, nullable: false}
                  primary_key: {name: pk_child, columns: [id]}
                  foreign_keys:
                    - name: fk_child_test_id_test
                      columns: [test_id]
                      referred_table: test
                      referred_columns: [id]
                      on_delete: cascade
                  indexes:
                    - {name: ix_child_test_id, columns: [test_id]}
            downgrade:
              # destructive: drop table child
              - drop_table:
                  name: child
                  columns:
                    - {name: id, type: integer, nullable: false}
                    - {name: test_id, type: integer, nullable: false}
                  primary_key: {name: pk_child, columns: [id]}
                  foreign_keys:
                    - name: fk_child_test_id_test
                      columns: [test_id]
                      referred_table: test
                      referred_columns: [id]
                      on_delete: cascade
                  indexes:
                    - {name: ix_child_test_id, columns: [test_id]}
              # destructive: drop table test
              - drop_table:
                  name: test
                  columns:
                    - {name: id, type: integer, nullable: false}
                    - {name: name, type: varchar(100), nullable: false}
                  primary_key: {name: pk_test, columns: [id]}
            """;

    private static Revision seedRevision() {
        return Revision.fromOperations("3f9c2a1b7d4e", List.of(), "initial", CREATED, Fixtures.createSeedTables());
    }

    @Test
    void theSeedsFirstRevisionReadsLikeTheDesignSketch() {
        assertThat(RevisionWriter.write(seedRevision())).isEqualTo(SEED_FILE);
    }

    @Test
    void everyKindOfOperationReadsBackEqual() {
        Revision r = Revision.fromOperations("3f9c2a1b7d4f", List.of("3f9c2a1b7d4e"), "every kind", CREATED, Fixtures.everyKind());
        Path file = Path.of("migrations/3f9c2a1b7d4f_every_kind.yaml");
        Revision back = RevisionReader.parse(RevisionWriter.write(r), file);
        assertThat(back).isEqualTo(r.withPath(file));
        assertThat(back.upgrade()).isEqualTo(r.upgrade());
        assertThat(back.downgrade()).isEqualTo(r.downgrade());
    }

    @Test
    void theFixtureCoversEveryOperationThatHasAName() {
        Set<String> used = Fixtures.everyKind().stream().map(OperationNames::of).collect(Collectors.toSet());
        assertThat(used).isEqualTo(OperationNames.all());
    }

    @Test
    void aDowngradeThatCannotRestoreDataSaysSoAboveTheOperation() {
        Table child = Fixtures.seedModel().get("child");
        List<Operation> up = List.of(
                new ColumnOps.DropColumn(null, "child", dev.retort.Column.of("note", Types.TEXT)),
                new TableOps.DropTable(child),
                new Sql("DELETE FROM ${schema}.child", null));
        String text = RevisionWriter.write(Revision.fromOperations("aa11", List.of(), "lossy", CREATED, up));
        String downgrade = text.substring(text.indexOf("\ndowngrade:"));
        assertThat(downgrade).contains("""
                  # hand-written SQL without a reverse
                  - sql: {sql: '', reverse: 'DELETE FROM ${schema}.child'}
                """);
        assertThat(downgrade).contains("""
                  # the rows of table child are not restored
                  - create_table:
                """);
        assertThat(downgrade).contains("""
                  # the values of column child.note are not restored
                  - add_column: {table: child, column: {name: note, type: text, nullable: true}}
                """);
        // The upgrade side flags what destroys data.
        assertThat(text.substring(0, text.indexOf("\ndowngrade:")))
                .contains("\n  # destructive: drop column child.note\n  - drop_column:");
    }

    @Test
    void multiLineSqlIsALiteralBlock() {
        Sql sql = new Sql("CREATE VIEW ${schema}.v AS\n  SELECT 1;\n", "DROP VIEW ${schema}.v");
        String text = RevisionWriter.write(Revision.fromOperations("bb22", List.of(), "view", CREATED, List.of(sql)));
        assertThat(text).contains("""
                  - sql:
                      sql: |
                        CREATE VIEW ${schema}.v AS
                          SELECT 1;
                      reverse: DROP VIEW ${schema}.v
                """);
        assertThat(RevisionReader.parse(text, null).upgrade()).containsExactly(sql);
    }

    @Test
    void plainWhereYamlAllowsIt() {
        Revision r = Revision.of("ff66", List.of(), "note, index and {tags}", CREATED, List.of(), List.of());
        assertThat(RevisionWriter.write(r)).contains("\nmessage: note, index and {tags}\n");
        assertThat(RevisionWriter.write(Revision.of("ff66", List.of(), "true", CREATED, List.of(), List.of())))
                .contains("\nmessage: 'true'\n");
        assertThat(RevisionWriter.write(Revision.of("ff66", List.of(), "[x]", CREATED, List.of(), List.of())))
                .contains("\nmessage: '[x]'\n");
    }

    @Test
    void downRevisionIsNullOneIdOrAListForAMerge() {
        assertThat(RevisionWriter.write(Revisions.empty("first", List.of()))).contains("\ndown_revision: null\n");
        assertThat(RevisionWriter.write(Revision.of("cc33", List.of("aa11"), "next", CREATED, List.of(), List.of())))
                .contains("\ndown_revision: aa11\n");
        Revision merge = Revision.of("cc33", List.of("aa11", "bb22"), "merge", CREATED, List.of(), List.of());
        String text = RevisionWriter.write(merge);
        assertThat(text).contains("\ndown_revision: [aa11, bb22]\n").contains("\nupgrade: []\ndowngrade: []\n");
        assertThat(RevisionReader.parse(text, null)).isEqualTo(merge);
    }

    @Test
    void tenantOperationsAreWrittenWithoutASchemaAndFixedOnesKeepTheirs() {
        MetaData bound = Fixtures.seedModel().withSchema("tenant_a");
        List<Operation> ops = List.of(new TableOps.CreateTable(bound.get("tenant_a.test")),
                new TableOps.CreateTable(bound.get("tenant_a.child")),
                new ColumnOps.AddColumn("shared", "lookup", dev.retort.Column.of("code", Types.TEXT)));
        String agnostic = RevisionWriter.write(Revision.fromOperations("dd44", List.of(), "initial", CREATED,
                Revisions.schemaAgnostic(ops, "tenant_a")));
        assertThat(agnostic).doesNotContain("tenant_a").contains("add_column: {table: lookup, schema: shared,");
        String pinned = RevisionWriter.write(Revision.fromOperations("dd44", List.of(), "initial", CREATED, ops));
        assertThat(pinned).contains("schema: tenant_a").contains("referred_schema: tenant_a");
    }

    @Test
    void theChecksumIgnoresLayoutCommentsAndSpellingButNotWhatTheRevisionDoes() {
        Revision original = seedRevision();
        String reformatted = """
                revision: '3f9c2a1b7d4e'   # quoted now
                down_revision: ~
                message: "initial, reworded"
                created: 2030-01-01T00:00:00Z
                upgrade:
                - create_table: {name: test, primary_key: {columns: [id], name: pk_test},
                    columns: [{name: id, type: INTEGER, nullable: false}, {name: name, type: "VARCHAR (100)", nullable: false}]}
                - create_table:
                    name: child
                    columns:
                    - name: id
                      type: integer
                      nullable: false
                    - {name: test_id, type: integer, nullable: false, autoincrement: false}
                    primary_key: {name: pk_child, columns: [id]}
                    foreign_keys: [{name: fk_child_test_id_test, columns: [test_id], referred_table: test,
                      referred_columns: [id], on_delete: CASCADE, on_update: no action}]
                    indexes: [{name: ix_child_test_id, columns: [{column: test_id}], unique: false}]
                downgrade:
                """ + SEED_FILE.substring(SEED_FILE.indexOf("downgrade:\n") + "downgrade:\n".length());
        Revision read = RevisionReader.parse(reformatted, null);
        assertThat(read.checksum()).isEqualTo(original.checksum());
        assertThat(read.upgrade()).isEqualTo(original.upgrade());

        Revision edited = RevisionReader.parse(SEED_FILE.replaceFirst("varchar\\(100\\)", "varchar(101)"), null);
        assertThat(edited.checksum()).isNotEqualTo(original.checksum());
        Revision moved = RevisionReader.parse(SEED_FILE.replace("down_revision: null", "down_revision: ffff"), null);
        assertThat(moved.checksum()).isNotEqualTo(original.checksum());
    }

    @Test
    void aChecksumThatDoesNotMatchTheContentIsRefused() {
        Revision r = seedRevision();
        assertThat(r.checksum()).matches("[0-9a-f]{64}");
        assertThat(r.withPath(Path.of("x.yaml")).checksum()).isEqualTo(r.checksum());
        assertThatThrownBy(() -> new Revision(r.id(), r.downRevisions(), r.message(), r.created(), r.upgrade(),
                List.of(), null, r.checksum()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not match");
    }

    @Test
    void theDowngradeIsTheInverseOfTheUpgradeInReverseOrder() {
        Revision r = seedRevision();
        assertThat(r.downgrade()).containsExactly(r.upgrade().get(1).inverse(), r.upgrade().get(0).inverse());
    }

    @Test
    void anEmptyRevisionHasAFreshIdAndNoOperations() {
        Revision a = Revisions.empty("fill me", List.of("aa11"));
        Revision b = Revisions.empty("fill me", List.of("aa11"));
        assertThat(a.id()).matches("[0-9a-f]{12}").isNotEqualTo(b.id());
        assertThat(a.upgrade()).isEmpty();
        assertThat(a.downgrade()).isEmpty();
        assertThat(a.downRevisions()).containsExactly("aa11");
        assertThat(a.created().getNano()).isZero();
    }

    @Test
    void fileNamesCarryTheIdAndASlugOfTheMessage() {
        Revision r = Revision.of("ab12cd34ef56", List.of(), "Add the Ünïcode column, again!\nmore text", CREATED, List.of(), List.of());
        assertThat(Revisions.fileName(r)).isEqualTo("ab12cd34ef56_add_the_unicode_column_again.yaml");
        assertThat(Revisions.slug("x".repeat(30) + " " + "y".repeat(30))).hasSizeLessThanOrEqualTo(40).doesNotEndWith("_");
        assertThat(Revisions.fileName(Revision.of("ab12", List.of(), "!!!", CREATED, List.of(), List.of()))).isEqualTo("ab12.yaml");
    }

    @Test
    void renameHintsOfTheModelAreNotPartOfARevision() {
        Table hinted = Fixtures.seedModel().get("test");
        hinted = new Table(null, "tests", List.of(hinted.columns().get(0), hinted.columns().get(1).withRenamedFrom("title")),
                hinted.primaryKey(), List.of(), List.of(), List.of(), List.of(), null, "test");
        Revision r = Revision.fromOperations("ee55", List.of(), "hints", CREATED, List.of(new TableOps.CreateTable(hinted),
                new ColumnOps.AddColumn(null, "tests", dev.retort.Column.of("c", Types.TEXT).withRenamedFrom("b"))));
        Table written = ((TableOps.CreateTable) r.upgrade().get(0)).table();
        assertThat(written.renamedFrom()).isNull();
        assertThat(written.columns()).allMatch(c -> c.renamedFrom() == null);
        assertThat(((ColumnOps.AddColumn) r.upgrade().get(1)).column().renamedFrom()).isNull();
        assertThat(RevisionReader.parse(RevisionWriter.write(r), null)).isEqualTo(r);
    }

    @Test
    void idsAreWordsAndNotTargetNames() {
        assertThatThrownBy(() -> Revision.of("head", List.of(), "m", CREATED, List.of(), List.of()))
                .hasMessageContaining("reserved");
        assertThatThrownBy(() -> Revision.of("ab-1", List.of(), "m", CREATED, List.of(), List.of()))
                .hasMessageContaining("not a word");
        assertThatThrownBy(() -> Revision.of("ab", List.of("ab"), "m", CREATED, List.of(), List.of()))
                .hasMessageContaining("names itself");
        assertThatThrownBy(() -> Revision.of("ab", List.of("cd", "cd"), "m", CREATED, List.of(), List.of()))
                .hasMessageContaining("twice");
    }
}
