package dev.retort.internal.revision;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The rules {@code retort lint} checks revisions against. Their ids are stable: revision files name
 * them ({@code lint: {ignore: [drop-column], reason: ...}}) and CI configurations rely on them, so an
 * id is never renamed or reused. The rules themselves are decided in the engine, which asks the
 * dialect what locks and rewrites; the catalogue lives here so that reading a file can refuse an
 * unknown id at its line.
 */
public enum LintRule {
    DROP_SCHEMA("drop-schema", Category.DATA_LOSS, Severity.ERROR,
            "drops the schema with every table and row in it",
            "drop it in a later revision, once nothing uses it and a backup holds what it kept"),
    DROP_TABLE("drop-table", Category.DATA_LOSS, Severity.ERROR,
            "drops the table and every row in it",
            "stop using the table first, then drop it in a later revision, once a backup holds its rows"),
    DROP_COLUMN("drop-column", Category.DATA_LOSS, Severity.ERROR,
            "drops the column and every value in it",
            "stop reading and writing the column first, then drop it in a later revision"),
    NARROWING_TYPE("narrowing-type", Category.DATA_LOSS, Severity.ERROR,
            "the new type cannot hold every value of the old one: values are cut, rounded or refused",
            "add a column of the new type, copy and check the values, then switch over"),
    REMOVE_ENUM_VALUE("remove-enum-value", Category.DATA_LOSS, Severity.ERROR,
            "removes an enum label: rows holding it make the revision fail, and the label's meaning is lost",
            "update the rows holding the label to another one first (a sql operation before it)"),

    UNIQUE_ON_EXISTING("unique-on-existing", Category.MAY_FAIL, Severity.WARNING,
            "adds a unique or primary key on an existing table: duplicate rows make it fail, and its index is built under lock",
            "build a unique index with CONCURRENTLY first, then add the constraint USING INDEX"),
    SET_NOT_NULL("set-not-null", Category.MAY_FAIL, Severity.WARNING,
            "makes a column not null: a row holding null makes it fail",
            "fill the nulls first (a sql UPDATE before it), and give the column a default"),
    NOT_NULL_WITHOUT_DEFAULT("not-null-without-default", Category.MAY_FAIL, Severity.WARNING,
            "adds a not-null column without a default to an existing table: it fails as soon as the table has a row",
            "add it nullable, fill it, then set it not null; or give it a default"),
    CHECK_ON_EXISTING("check-on-existing", Category.MAY_FAIL, Severity.WARNING,
            "adds a check to an existing table: a row that violates it makes the revision fail",
            "find and fix the violating rows first, or add it NOT VALID and validate it later"),
    FOREIGN_KEY_ON_EXISTING("foreign-key-on-existing", Category.MAY_FAIL, Severity.WARNING,
            "adds a foreign key to an existing table: a row referring to nothing makes the revision fail",
            "find and fix the orphan rows first, or add it NOT VALID and validate it later"),
    TYPE_CHANGE_CAST("type-change-cast", Category.MAY_FAIL, Severity.WARNING,
            "converts the column's values with a cast: a value the cast refuses makes the revision fail",
            "check that every value converts first, or add a column of the new type and copy the values over"),

    INDEX_NOT_CONCURRENT("index-not-concurrent", Category.LOCKS, Severity.WARNING,
            "creates or drops an index on an existing table without CONCURRENTLY: writes to the table wait until it is done",
            "create or drop the index CONCURRENTLY, outside the revision's transaction"),
    CONSTRAINT_NOT_VALID("constraint-not-valid", Category.LOCKS, Severity.WARNING,
            "adds a foreign key or check without NOT VALID: every row is checked while the table is locked",
            "add it NOT VALID, then VALIDATE it in a later step, which does not block writes"),
    TABLE_REWRITE("table-rewrite", Category.LOCKS, Severity.WARNING,
            "the type change rewrites the table and its indexes while holding an exclusive lock: reads and writes wait",
            "add a column of the new type, fill it in batches, then switch over"),
    VOLATILE_DEFAULT("volatile-default", Category.LOCKS, Severity.WARNING,
            "adds a column whose default is computed per row: the table is rewritten under an exclusive lock",
            "add the column without a default (or with a constant one), then fill it in batches"),
    SET_NOT_NULL_SCAN("set-not-null-scan", Category.LOCKS, Severity.WARNING,
            "sets not null by scanning every row while the table is exclusively locked",
            "add a CHECK (col IS NOT NULL) NOT VALID, validate it, then set not null, which then skips the scan");

    /** What a rule protects against. */
    public enum Category {
        DATA_LOSS("data loss"), MAY_FAIL("may fail on existing rows"), LOCKS("locks");

        private final String text;

        Category(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** How bad a finding is; {@code --fail-on} compares with it. */
    public enum Severity {
        WARNING, ERROR
    }

    private final String id;
    private final Category category;
    private final Severity severity;
    private final String explanation;
    private final String alternative;

    LintRule(String id, Category category, Severity severity, String explanation, String alternative) {
        this.id = id;
        this.category = category;
        this.severity = severity;
        this.explanation = explanation;
        this.alternative = alternative;
    }

    public String id() {
        return id;
    }

    public Category category() {
        return category;
    }

    public Severity severity() {
        return severity;
    }

    /** What the operation risks, in one line. */
    public String explanation() {
        return explanation;
    }

    /** The safe way to do the same. */
    public String alternative() {
        return alternative;
    }

    public static Optional<LintRule> byId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(LintRule::id).toList();
    }
}
