package dev.retort.operations;

/**
 * The escape hatch: SQL written by hand. {@code ${schema}} in the text stands for the target schema and
 * is substituted as a quoted identifier when the operation is rendered.
 *
 * @param reverse the SQL that undoes it, or null when there is none
 */
public record Sql(String sql, String reverse) implements Operation {
    public static final String PLACEHOLDER = "${schema}";

    public String schema() { return null; }
    public boolean destructive() { return false; }
    public Operation inverse() { return new Sql(reverse == null ? "" : reverse, sql); }
    public String lossNote() { return reverse == null ? "hand-written SQL without a reverse" : null; }
    public Operation rebind(String from, String to) { return this; }
    public String describe() { return "sql: " + sql.strip().lines().findFirst().orElse(""); }
}
