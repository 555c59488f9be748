package dev.retort;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Templates that name constraints and indexes left unnamed in a definition, like SQLAlchemy's
 * {@code naming_convention}. Tokens: {@code {table}}, {@code {column_0}} (first column),
 * {@code {column_0_N}} (all columns joined by {@code _}), {@code {referred_table}} and
 * {@code {constraint_name}} (a check's label).
 *
 * <p>No token yields a schema, so a name never depends on the schema a model is bound to and a
 * migration generated against one tenant applies unchanged to another. (SQLAlchemy's default index
 * name for a cloned model, {@code ix_tenant_a_child_test_id}, is what this avoids.) Names longer than
 * {@link Identifiers#MAX_BYTES} are cut and given a hash suffix of the full name, so they stay
 * deterministic and distinct.
 */
public record NamingConvention(String primaryKey, String foreignKey, String unique, String index, String check) {

    public static final NamingConvention DEFAULT = new NamingConvention(
            "pk_{table}",
            "fk_{table}_{column_0_N}_{referred_table}",
            "uq_{table}_{column_0_N}",
            "ix_{table}_{column_0_N}",
            "ck_{table}_{constraint_name}");

    public NamingConvention {
        for (String t : new String[] {primaryKey, foreignKey, unique, index, check}) {
            if (t == null || t.isBlank()) throw new IllegalArgumentException("every naming template must be given");
            if (t.contains("{schema}")) throw new IllegalArgumentException("naming templates may not use the schema: " + t);
        }
    }

    public String primaryKeyName(String table, List<String> columns) {
        return fill(primaryKey, table, columns, null, null);
    }

    public String foreignKeyName(String table, List<String> columns, String referredTable) {
        return fill(foreignKey, table, columns, referredTable, null);
    }

    public String uniqueName(String table, List<String> columns) {
        return fill(unique, table, columns, null, null);
    }

    /** Expression keys contribute {@code expr}, so the name stays a plain identifier. */
    public String indexName(String table, List<String> columns) {
        return fill(index, table, columns, null, null);
    }

    public String checkName(String table, String label) {
        return fill(check, table, List.of(), null, label);
    }

    private static String fill(String template, String table, List<String> columns, String referredTable, String label) {
        String name = template
                .replace("{table}", table)
                .replace("{column_0_N}", String.join("_", columns))
                .replace("{column_0}", columns.isEmpty() ? "" : columns.get(0))
                .replace("{referred_table}", referredTable == null ? "" : referredTable)
                .replace("{constraint_name}", label == null ? "" : label);
        return truncate(name);
    }

    /** Cuts a name to the identifier limit, keeping it unique with a hash of the whole name. */
    static String truncate(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= Identifiers.MAX_BYTES) return name;
        String hash = HexFormat.of().formatHex(sha256(bytes)).substring(0, 8);
        int keep = Identifiers.MAX_BYTES - hash.length() - 1;
        StringBuilder prefix = new StringBuilder();
        int used = 0;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (used + len > keep) break;
            prefix.appendCodePoint(cp);
            used += len;
            i += Character.charCount(cp);
        }
        return prefix + "_" + hash;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
