package dev.retort.internal.revision;

import dev.retort.operations.Operation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The checksum of a revision: SHA-256 over a canonical, JSON-like encoding of the parsed revision's
 * tree (keys sorted, no comments, no layout). Reformatting a file, re-quoting a string or spelling a
 * type differently leaves it unchanged; changing what the revision does changes it.
 */
public final class Checksums {
    private Checksums() {
    }

    public static String of(String id, List<String> downRevisions, List<Operation> upgrade, List<Operation> downgrade) {
        String canonical = canonical(id, downRevisions, upgrade, downgrade);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The exact text that is hashed. */
    static String canonical(String id, List<String> downRevisions, List<Operation> upgrade, List<Operation> downgrade) {
        StringBuilder canonical = new StringBuilder();
        encode(RevisionEncoder.checksummed(id, downRevisions, upgrade, downgrade), canonical);
        return canonical.toString();
    }

    private static void encode(YNode node, StringBuilder out) {
        if (node instanceof YNode.Null) {
            out.append("null");
        } else if (node instanceof YNode.Raw raw) {
            out.append(raw.text());
        } else if (node instanceof YNode.Str s) {
            string(s.text(), out);
        } else if (node instanceof YNode.Map m) {
            List<YNode.Entry> entries = new ArrayList<>(m.entries());
            entries.sort(Comparator.comparing(YNode.Entry::key));
            out.append('{');
            for (int i = 0; i < entries.size(); i++) {
                if (i > 0) out.append(',');
                string(entries.get(i).key(), out);
                out.append(':');
                encode(entries.get(i).value(), out);
            }
            out.append('}');
        } else {
            List<YNode.Item> items = ((YNode.Seq) node).items();
            out.append('[');
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) out.append(',');
                encode(items.get(i).value(), out);
            }
            out.append(']');
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') out.append('\\').append(c);
            else if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
            else out.append(c);
        }
        out.append('"');
    }
}
