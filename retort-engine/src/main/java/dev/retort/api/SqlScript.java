package dev.retort.api;

import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of an upgrade or downgrade, rendered without a database (offline mode): for each revision
 * a transaction that sets the schema, runs its statements and records it in the version table, as
 * the runner would. Every name is qualified with the schema.
 *
 * @param schema the schema it is for
 * @param header comment lines that open the script (without {@code -- })
 * @param blocks one per revision, in order; the first may also create the schema and the version table
 */
public record SqlScript(String schema, List<String> header, List<Block> blocks) {
    public SqlScript {
        header = List.copyOf(header);
        blocks = List.copyOf(blocks);
    }

    /**
     * One transaction.
     *
     * @param comments    lines that say what it is and what it loses (without {@code -- })
     * @param transaction whether to wrap it in {@code BEGIN}/{@code COMMIT} (the database's DDL is transactional)
     * @param statements  the statements, without their terminating semicolons
     */
    public record Block(List<String> comments, boolean transaction, List<String> statements) {
        public Block {
            comments = List.copyOf(comments);
            statements = List.copyOf(statements);
        }
    }

    /** Every statement, in order, without transaction control. */
    public List<String> statements() {
        return blocks.stream().flatMap(b -> b.statements().stream()).toList();
    }

    /** The script as text, each statement ending with {@code ;}. */
    public String text() {
        List<String> lines = new ArrayList<>();
        header.forEach(h -> lines.add("-- " + h));
        for (Block b : blocks) {
            lines.add("");
            b.comments().forEach(c -> lines.add("-- " + c));
            if (b.transaction()) lines.add("BEGIN;");
            b.statements().forEach(s -> lines.add(s + ";"));
            if (b.transaction()) lines.add("COMMIT;");
        }
        return String.join("\n", lines) + "\n";
    }
}
