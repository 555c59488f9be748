package dev.retort;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A row-level security policy of a table. It takes effect only while row-level security is enabled on
 * the table ({@link RowSecurity}).
 *
 * @param permissive permissive (combined with OR; the default) or restrictive (combined with AND)
 * @param roles      the roles it applies to, sorted; empty for {@code PUBLIC}
 * @param using      the {@code USING} condition as SQL, or null
 * @param withCheck  the {@code WITH CHECK} condition as SQL, or null
 */
public record Policy(String schema, String table, String name, boolean permissive, Command command, List<String> roles,
                     String using, String withCheck, String comment) {

    public enum Command { ALL, SELECT, INSERT, UPDATE, DELETE }

    public Policy {
        Identifiers.check("policy", name);
        Identifiers.check("policy " + name + ": table", table);
        if (schema != null) Identifiers.check("policy " + name + ": schema", schema);
        if (command == null) command = Command.ALL;
        List<String> named = new ArrayList<>();
        for (String r : roles == null ? List.<String>of() : roles) {
            Identifiers.check("policy " + name + ": role", r);
            // PUBLIC is a keyword, not a role: "public" in any case means every role.
            if (!r.equalsIgnoreCase("public") && !named.contains(r)) named.add(r);
        }
        named.sort(null);
        roles = List.copyOf(named);
        if (using != null && using.isBlank()) using = null;
        if (withCheck != null && withCheck.isBlank()) withCheck = null;
        if (command == Command.INSERT && using != null) {
            throw new IllegalArgumentException("policy " + name + ": an INSERT policy has only WITH CHECK, no USING");
        }
        if ((command == Command.SELECT || command == Command.DELETE) && withCheck != null) {
            throw new IllegalArgumentException("policy " + name + ": a " + command + " policy has only USING, no WITH CHECK");
        }
    }

    public String tableKey() {
        return schema == null ? table : schema + "." + table;
    }

    /** {@code schema.table.name}: the key in {@link MetaData#policies()}; names are unique per table. */
    public String key() {
        return tableKey() + "." + name;
    }

    public Policy withSchema(String newSchema) {
        return new Policy(newSchema, table, name, permissive, command, roles, using, withCheck, comment);
    }

    public Policy withComment(String newComment) {
        return new Policy(schema, table, name, permissive, command, roles, using, withCheck, newComment);
    }

    public Policy withTable(String newTable) {
        return new Policy(schema, newTable, name, permissive, command, roles, using, withCheck, comment);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("policy ").append(name).append(" on ").append(tableKey())
                .append(permissive ? "" : " restrictive").append(" for ").append(command.name().toLowerCase(Locale.ROOT))
                .append(" to ").append(roles.isEmpty() ? "public" : String.join(", ", roles));
        if (using != null) s.append(" using (").append(using).append(')');
        if (withCheck != null) s.append(" with check (").append(withCheck).append(')');
        if (comment != null) s.append(" comment '").append(comment).append('\'');
        return s.toString();
    }
}
