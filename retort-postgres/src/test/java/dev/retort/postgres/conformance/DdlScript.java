package dev.retort.postgres.conformance;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a case's DDL into a database as sqldef would have it: sqldef reads the whole file and orders
 * the statements itself, so a case may create a table before its schema. The script is first sent as
 * one batch (one implicit transaction, the fast path); when that fails, the statements run one by one,
 * and those that fail are tried again after the others until no more succeed.
 */
final class DdlScript {
    private DdlScript() {
    }

    static void load(Connection c, String script) throws SQLException {
        List<String> statements = split(script);
        if (statements.isEmpty()) return;
        try (Statement st = c.createStatement()) {
            st.execute(String.join(";\n", statements));
            return;
        } catch (SQLException batchFailed) {
            // fall through to one statement at a time; the batch left nothing behind
        }
        List<String> pending = new ArrayList<>(statements);
        while (!pending.isEmpty()) {
            List<String> failed = new ArrayList<>();
            SQLException first = null;
            for (String sql : pending) {
                try (Statement st = c.createStatement()) {
                    st.execute(sql);
                } catch (SQLException e) {
                    failed.add(sql);
                    if (first == null) first = e;
                }
            }
            if (failed.size() == pending.size()) {
                throw new SQLException("DDL not accepted: " + oneLine(failed.get(0)) + ": " + first.getMessage(), first);
            }
            pending = failed;
        }
    }

    private static String oneLine(String sql) {
        String s = sql.strip().replaceAll("\\s+", " ");
        return s.length() > 120 ? s.substring(0, 117) + "..." : s;
    }

    /**
     * The statements of a script, split at semicolons outside strings, quoted names, comments and
     * dollar-quoted bodies; comments are kept, empty statements dropped.
     */
    static List<String> split(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int n = script.length();
        int i = 0;
        while (i < n) {
            char ch = script.charAt(i);
            if (ch == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
                int end = script.indexOf('\n', i);
                end = end < 0 ? n : end;
                cur.append(script, i, end);
                i = end;
            } else if (ch == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
                int depth = 0;
                int j = i;
                do {
                    if (script.startsWith("/*", j)) {
                        depth++;
                        j += 2;
                    } else if (script.startsWith("*/", j)) {
                        depth--;
                        j += 2;
                    } else {
                        j++;
                    }
                } while (depth > 0 && j < n);
                cur.append(script, i, j);
                i = j;
            } else if (ch == '\'' || ch == '"') {
                boolean escapes = ch == '\'' && i > 0 && (script.charAt(i - 1) == 'E' || script.charAt(i - 1) == 'e')
                        && (i < 2 || !Character.isLetterOrDigit(script.charAt(i - 2)));
                int j = i + 1;
                while (j < n) {
                    char d = script.charAt(j);
                    if (escapes && d == '\\') {
                        j += 2;
                    } else if (d == ch) {
                        if (j + 1 < n && script.charAt(j + 1) == ch) j += 2; else break;
                    } else {
                        j++;
                    }
                }
                j = Math.min(j + 1, n);
                cur.append(script, i, j);
                i = j;
            } else if (ch == '$' && dollarTag(script, i) != null && (i == 0 || !isWordChar(script.charAt(i - 1)))) {
                String tag = dollarTag(script, i);
                int end = script.indexOf(tag, i + tag.length());
                end = end < 0 ? n : end + tag.length();
                cur.append(script, i, end);
                i = end;
            } else if (ch == ';') {
                add(out, cur);
                i++;
            } else {
                cur.append(ch);
                i++;
            }
        }
        add(out, cur);
        return out;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static String dollarTag(String s, int i) {
        int j = i + 1;
        while (j < s.length() && (Character.isLetter(s.charAt(j)) || s.charAt(j) == '_'
                || (j > i + 1 && Character.isDigit(s.charAt(j))))) {
            j++;
        }
        return j < s.length() && s.charAt(j) == '$' ? s.substring(i, j + 1) : null;
    }

    private static void add(List<String> out, StringBuilder cur) {
        String s = cur.toString();
        cur.setLength(0);
        if (!withoutComments(s).isBlank()) out.add(s.strip());
    }

    private static String withoutComments(String s) {
        return s.replaceAll("(?m)--.*$", "").replaceAll("(?s)/\\*.*?\\*/", "");
    }
}
