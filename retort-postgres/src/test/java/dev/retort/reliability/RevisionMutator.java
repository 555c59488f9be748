package dev.retort.reliability;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeded mutations of real revision files: the ways a file gets damaged by hand, by a bad merge, by a
 * tool writing the wrong encoding, or by someone probing the reader. A case is a migrations directory
 * (file name to bytes) derived from a chain of valid revisions; the same seed gives the same case.
 */
final class RevisionMutator {
    /** What one case did, for the report and for reproducing it. */
    record Case(long seed, Map<String, byte[]> files, String target, List<String> mutations) {
    }

    private static final Pattern KEY_VALUE = Pattern.compile("(?m)^(\\s*(?:- )?)([A-Za-z_]+): (\\S.*)$");
    private static final Pattern FLOW_KEY_VALUE = Pattern.compile("([{,] ?)([A-Za-z_]+): ([^,{}\\[\\]]+)");
    private static final Pattern KEY = Pattern.compile("(?m)^(\\s*(?:- )?)([A-Za-z_]+):");
    private static final List<String> WRONG_VALUES = List.of("[1, 2]", "{a: 1}", "42", "-1", "3.5", "true", "null", "~",
            "''", "\"\"", "!!binary aGVsbG8=", "!!timestamp 2026-01-01", "!!int 7", "!!float x", "!!map {}", "!custom x",
            "&anchor value", "*undefined_alias", ".nan", "-.inf", "0x7FFFFFFFFFFFFFFF", "99999999999999999999999",
            "2026-13-45T99:99:99Z", "[]", "{}", "[[]]", "'multi\n  line'", "\"\\u0000\"", "\"\\uD800\"", "? complex",
            "- item", "<<: *undefined", "!!python/object:os.system x", "!!java.net.URL [\"http://x\"]");
    private static final List<String> SPECIAL = List.of("\t", "&a ", "*a ", "! ", "!!", "%YAML 1.1\n---\n", "---\n", "\n...\n",
            "? ", ": ", "- ", "|", ">", "#", "'", "\"", "`", "@", "{", "}", "[", "]", ",", "\u0000", "\u0001", "\u0085",
            "\u2028", "\ufeff", "\r", "\r\n", "\u007f", "\ud800", "\\", "${schema}", "$$", "\n  ", "\n", "<<: ");
    private static final byte[][] BAD_UTF8 = {
            {(byte) 0xFF}, {(byte) 0xC3, 0x28}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0x80},
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xFE, (byte) 0xFF}};

    private final List<String> names;
    private final List<String> texts;
    private final List<String> ids;

    /**
     * @param chain valid revision files in order (each one's down revision is the one before), as file name to text
     * @param ids   their revision ids, in the same order
     */
    RevisionMutator(Map<String, String> chain, List<String> ids) {
        this.names = List.copyOf(chain.keySet());
        this.texts = List.copyOf(chain.values());
        this.ids = List.copyOf(ids);
    }

    Case next(long seed) {
        Random r = new Random(new java.util.SplittableRandom(seed).nextLong()); // adjacent seeds give unrelated cases
        int target = r.nextInt(names.size());
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) files.put(names.get(i), texts.get(i));
        List<String> done = new ArrayList<>();
        String name = names.get(target);
        String text = texts.get(target);
        int count = 1 + (r.nextInt(4) == 0 ? 1 + r.nextInt(2) : 0);
        boolean invalidUtf8 = false;
        for (int m = 0; m < count; m++) {
            int kind = r.nextInt(17);
            switch (kind) {
                case 0 -> {
                    text = text.substring(0, r.nextInt(text.length() + 1));
                    done.add("truncated");
                }
                case 1 -> {
                    text = replaceValue(r, text, pick(r, WRONG_VALUES));
                    done.add("wrong type");
                }
                case 2 -> {
                    text = unknownKey(r, text);
                    done.add("unknown key");
                }
                case 3 -> {
                    text = replaceValue(r, text, huge(r));
                    done.add("huge value");
                }
                case 4 -> {
                    text = replaceValue(r, text, deep(r));
                    done.add("deep nesting");
                }
                case 5 -> {
                    text = lines(r, text);
                    done.add("lines moved");
                }
                case 6 -> {
                    int at = r.nextInt(text.length() + 1);
                    text = text.substring(0, at) + pick(r, SPECIAL) + text.substring(at);
                    done.add("yaml syntax");
                }
                case 7 -> {
                    text = renameKey(r, text);
                    done.add("misspelt key");
                }
                case 8 -> {
                    text = reindent(r, text);
                    done.add("indentation");
                }
                case 9 -> {
                    text = aliases(r, text);
                    done.add("aliases");
                }
                case 10 -> {
                    // duplicate id: a second file claiming another revision's id
                    String other = names.get((target + 1) % names.size());
                    String copy = texts.get((target + 1) % names.size()).replaceFirst("(?m)^message: .*$", "message: copy");
                    files.put(other.replace(".yaml", "_copy.yaml").replaceFirst("^[0-9a-f]+", "ffff" + Long.toHexString(seed & 0xfff)), copy);
                    done.add("duplicate id");
                }
                case 11 -> {
                    // cycle: the first revision's down revision is a later one (or itself)
                    String first = files.get(names.get(0));
                    String to = ids.get(r.nextInt(ids.size()));
                    files.put(names.get(0), first.replaceFirst("(?m)^down_revision: .*$", "down_revision: " + to));
                    if (target == 0) text = files.get(names.get(0));
                    done.add("cycle");
                }
                case 12 -> {
                    text = text.replaceFirst("(?m)^down_revision: .*$", "down_revision: " + pick(r, List.of(
                            "abcdefabcdef", "[" + String.join(", ", ids) + ", " + ids.get(0) + "]", "[]", "'" + ids.get(0).toUpperCase() + "'",
                            ids.get(0).substring(0, 6), "{x: 1}", "''", "[null]")));
                    done.add("down revision");
                }
                case 13 -> {
                    text = text.replaceFirst("(?m)^revision: .*$", "revision: " + pick(r, List.of(
                            "''", "ZZZ", "a".repeat(65), "head", "base", "x y", "../../etc/passwd", "\"\\u0000\"", "1e3", "[a]",
                            ids.get((target + 1) % ids.size()))));
                    done.add("revision id");
                }
                case 14 -> {
                    text = duplicateKey(r, text);
                    done.add("duplicate key");
                }
                case 15 -> {
                    text = pick(r, List.of("", " ", "\n", "# only a comment\n", "---\n", "~\n", "[]\n", "'text'\n", "\ufeff", "--- !!map {}\n"));
                    done.add("empty or not a mapping");
                }
                default -> {
                    invalidUtf8 = true; // applied last, to the bytes
                    done.add("invalid UTF-8");
                }
            }
        }
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : files.entrySet()) out.put(e.getKey(), e.getValue().getBytes(StandardCharsets.UTF_8));
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.put(name, invalidUtf8 ? badUtf8(r, bytes) : bytes);
        return new Case(seed, out, name, done);
    }

    private static <T> T pick(Random r, List<T> from) {
        return from.get(r.nextInt(from.size()));
    }

    private static String replaceValue(Random r, String text, String value) {
        boolean flow = r.nextBoolean();
        Matcher m = (flow ? FLOW_KEY_VALUE : KEY_VALUE).matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) spans.add(new int[]{m.start(3), m.end(3)});
        if (spans.isEmpty()) return text + "\nmessage: " + value;
        int[] s = spans.get(r.nextInt(spans.size()));
        return text.substring(0, s[0]) + value + text.substring(s[1]);
    }

    private static String unknownKey(Random r, String text) {
        if (r.nextBoolean()) {
            int brace = text.indexOf('{', r.nextInt(Math.max(1, text.length())));
            if (brace >= 0) return text.substring(0, brace + 1) + "bogus_" + r.nextInt(100) + ": 1, " + text.substring(brace + 1);
        }
        Matcher m = KEY.matcher(text);
        List<int[]> lines = new ArrayList<>();
        while (m.find()) lines.add(new int[]{m.start(), m.group(1).replace("- ", "  ").length()});
        if (lines.isEmpty()) return "unknown: 1\n" + text;
        int[] at = lines.get(r.nextInt(lines.size()));
        return text.substring(0, at[0]) + " ".repeat(at[1]) + "colour_" + r.nextInt(100) + ": " + pick(r, List.of("1", "x", "[a]", "{b: c}"))
                + "\n" + text.substring(at[0]);
    }

    private static String huge(Random r) {
        int n = pick(r, List.of(10_000, 100_000, 100_000, 1_000_000));
        return switch (r.nextInt(6)) {
            case 0 -> "x".repeat(n);
            case 1 -> "9".repeat(Math.min(n, 100_000));
            case 2 -> "varchar(" + "9".repeat(1 + r.nextInt(30)) + ")";
            case 3 -> "[" + "a, ".repeat(n / 3) + "a]";
            case 4 -> "\"" + "\\u00e9".repeat(n / 6) + "\"";
            default -> "numeric(" + (r.nextInt() % 5000) + ", " + (r.nextInt() % 5000) + ")";
        };
    }

    private static String deep(Random r) {
        int d = pick(r, List.of(40, 60, 200, 1_000, 10_000));
        return switch (r.nextInt(3)) {
            case 0 -> "[".repeat(d) + "]".repeat(d);
            case 1 -> "{a: ".repeat(d) + "1" + "}".repeat(d);
            default -> {
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < Math.min(d, 500); i++) b.append('\n').append(" ".repeat(2 * (i + 1))).append("- ");
                yield b.append("x").toString();
            }
        };
    }

    private static String lines(Random r, String text) {
        List<String> ls = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (ls.size() < 2) return text;
        int i = r.nextInt(ls.size());
        int j = r.nextInt(ls.size());
        switch (r.nextInt(3)) {
            case 0 -> ls.remove(i);
            case 1 -> ls.add(j, ls.get(i));
            default -> {
                String t = ls.get(i);
                ls.set(i, ls.get(j));
                ls.set(j, t);
            }
        }
        return String.join("\n", ls);
    }

    private static String renameKey(Random r, String text) {
        Matcher m = KEY.matcher(text);
        List<int[]> keys = new ArrayList<>();
        while (m.find()) keys.add(new int[]{m.start(2), m.end(2)});
        if (keys.isEmpty()) return text;
        int[] k = keys.get(r.nextInt(keys.size()));
        String key = text.substring(k[0], k[1]);
        String typo = switch (r.nextInt(4)) {
            case 0 -> key + "s";
            case 1 -> key.length() > 1 ? key.substring(1) : key + key;
            case 2 -> key.toUpperCase();
            default -> key.replace('_', '-');
        };
        return text.substring(0, k[0]) + typo + text.substring(k[1]);
    }

    private static String reindent(Random r, String text) {
        List<String> ls = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int i = r.nextInt(ls.size());
        String l = ls.get(i);
        ls.set(i, r.nextBoolean() ? " ".repeat(1 + r.nextInt(3)) + l : l.stripLeading());
        return String.join("\n", ls);
    }

    private static String aliases(Random r, String text) {
        return switch (r.nextInt(4)) {
            // a value that refers to itself
            case 0 -> text.replaceFirst("(?m)^upgrade:\\s*$", "upgrade: &loop\n  - sql: {sql: [*loop]}\n  - x: *loop");
            // a mapping holding itself, where an operation's body is read
            case 1 -> replaceValue(r, text, "&self {name: x, columns: [*self]}");
            // exponential expansion ("billion laughs")
            case 2 -> {
                StringBuilder b = new StringBuilder("message: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
                String body = text.replaceFirst("(?m)^message: .*$\\n?", "");
                StringBuilder extra = new StringBuilder();
                for (int i = 1; i < 10; i++) {
                    extra.append("x").append(i).append(": &l").append(i).append(" [");
                    for (int j = 0; j < 9; j++) extra.append(j == 0 ? "" : ", ").append("*l").append(i - 1);
                    extra.append("]\n");
                }
                yield b + body + extra;
            }
            default -> text.replaceFirst("(?m)^created: (.*)$", "created: &c $1").replaceFirst("(?m)^message: .*$", "message: *c");
        };
    }

    private static String duplicateKey(Random r, String text) {
        Matcher m = KEY_VALUE.matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) spans.add(new int[]{m.start(), m.end()});
        if (spans.isEmpty()) return text;
        int[] s = spans.get(r.nextInt(spans.size()));
        String line = text.substring(s[0], s[1]);
        String again = line.replaceFirst("^(\\s*)- ", "$1  ");
        return text.substring(0, s[1]) + "\n" + again + text.substring(s[1]);
    }

    private static byte[] badUtf8(Random r, byte[] in) {
        byte[] bad = BAD_UTF8[r.nextInt(BAD_UTF8.length)];
        int at = r.nextInt(in.length + 1);
        byte[] out = new byte[in.length + bad.length];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(bad, 0, out, at, bad.length);
        System.arraycopy(in, at, out, at + bad.length, in.length - at);
        return out;
    }
}
