package dev.retort.operations;

/**
 * The escape hatch: SQL written by hand, one statement. It runs with the tenant schema as
 * {@code search_path}; {@code ${schema}} stands for the schema's quoted name and
 * {@code ${schema_literal}} for a string literal holding it, outside string literals only
 * ({@link dev.retort.internal.sql.SqlTemplate} has the rules).
 *
 * @param reverse the SQL that undoes it, or null when there is none
 */
public record Sql(String sql, String reverse) implements Operation {
    public String schema() { return null; }
    public boolean destructive() { return false; }
    public Operation inverse() { return new Sql(reverse == null ? "" : reverse, sql); }
    /** A blank reverse is none: the inverse of SQL without a reverse has blank SQL, and must say so too. */
    public String lossNote() { return reverse == null || reverse.isBlank() ? "hand-written SQL without a reverse" : null; }
    public Operation rebind(String from, String to) { return this; }
    public String describe() { return "sql: " + sql.strip().lines().findFirst().orElse(""); }
}
