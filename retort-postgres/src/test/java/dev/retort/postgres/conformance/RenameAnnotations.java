package dev.retort.postgres.conformance;

import dev.retort.MetaData;
import dev.retort.Table;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * sqldef's rename annotations ({@code -- @renamed from=old} or {@code /* @renamed from=old *&#47;}) on
 * tables and columns of a desired script, carried onto the reflected model as Retort's own
 * {@code renamedFrom}: PostgreSQL does not keep the comments, and Retort renames only what the model
 * declares. Annotations on other objects (enum types and labels, indexes, constraints) have no
 * counterpart in the model and are left alone; a case using them sees a drop and an add.
 */
record RenameAnnotations(Map<String, String> tables, Map<String, Map<String, String>> columns) {
    private static final String NAME = "(\"(?:[^\"]|\"\")+\"|[A-Za-z_][\\w$]*)";
    private static final Pattern CREATE_TABLE = Pattern.compile("(?i)^\\s*CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?"
            + "(?:" + NAME + "\\s*\\.\\s*)?" + NAME);
    private static final Pattern COLUMN = Pattern.compile("^\\s*" + NAME + "\\s+[A-Za-z\"]");
    private static final Pattern OTHER_STATEMENT = Pattern.compile("(?i)^\\s*(CREATE|ALTER|COMMENT|DROP|GRANT)\\b");
    private static final Pattern RENAMED = Pattern.compile("@renamed\\s+from=" + NAME);

    /** The annotations of a script, keyed by table name as PostgreSQL spells it (schema left out). */
    static RenameAnnotations of(String ddl) {
        Map<String, String> tables = new LinkedHashMap<>();
        Map<String, Map<String, String>> columns = new LinkedHashMap<>();
        String table = null;
        for (String line : ddl.split("\n")) {
            Matcher create = CREATE_TABLE.matcher(line);
            Matcher renamed = RENAMED.matcher(line);
            if (create.find()) {
                table = name(create.group(2));
                if (renamed.find()) tables.put(table, name(renamed.group(1)));
                continue;
            }
            if (OTHER_STATEMENT.matcher(line).find()) table = null;
            if (table != null && renamed.find()) {
                Matcher column = COLUMN.matcher(line);
                if (column.find() && !column.group(1).equalsIgnoreCase("CONSTRAINT")) {
                    columns.computeIfAbsent(table, t -> new HashMap<>()).put(name(column.group(1)), name(renamed.group(1)));
                }
            }
            // The table's statement ends at its semicolon (the annotation's comment left out).
            if (line.replaceAll("--.*$|/\\*.*?\\*/", "").contains(";")) table = null;
        }
        return new RenameAnnotations(tables, columns);
    }

    boolean isEmpty() {
        return tables.isEmpty() && columns.isEmpty();
    }

    /** A copy of the model whose annotated tables and columns declare where they come from. */
    MetaData applyTo(MetaData model) {
        MetaData out = new MetaData();
        model.enums().forEach(out::addEnum);
        for (Table t : model.tables().values()) {
            Map<String, String> cols = columns.getOrDefault(t.name(), Map.of());
            Table renamed = new Table(t.schema(), t.name(),
                    t.columns().stream().map(c -> cols.containsKey(c.name()) ? c.withRenamedFrom(cols.get(c.name())) : c).toList(),
                    t.primaryKey(), t.uniques(), t.foreignKeys(), t.checks(), t.indexes(), t.comment(),
                    tables.getOrDefault(t.name(), t.renamedFrom()), t.exclusions());
            out.add(renamed);
        }
        model.sequences().values().forEach(out::addSequence);
        Convergence.copyPrograms(model, out);
        return out;
    }

    private static String name(String n) {
        return n.startsWith("\"") ? n.substring(1, n.length() - 1).replace("\"\"", "\"") : n.toLowerCase(Locale.ROOT);
    }
}
