package dev.retort.internal.fanout;

import dev.retort.api.Database;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes a shard's password out of any text before it is shown: the password-looking parts of URLs
 * ({@link Database#redact}), and the password itself wherever it appears, as given apart or in the
 * URL, plain or percent-decoded. A task's error can quote anything (a driver's message, a URL it
 * built), so outcomes are cleaned here whatever their origin.
 */
final class Redactor {
    static final String MASK = "***";
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(?:password|passwd|pwd)=([^&;\\s]*)");
    private static final Pattern URL_AUTHORITY = Pattern.compile("//[^/@:\\s]*:([^@/\\s]*)@");

    private final List<String> secrets;

    private Redactor(List<String> secrets) {
        this.secrets = secrets;
    }

    static Redactor of(Database database) {
        List<String> found = new ArrayList<>();
        add(found, database.password());
        for (Pattern p : List.of(URL_PASSWORD, URL_AUTHORITY)) {
            Matcher m = p.matcher(database.url());
            while (m.find()) add(found, m.group(1));
        }
        // Longest first, so that a password containing another is masked whole.
        found.sort(Comparator.comparingInt(String::length).reversed());
        return new Redactor(List.copyOf(found));
    }

    private static void add(List<String> secrets, String secret) {
        if (secret == null || secret.isEmpty()) return;
        secrets.add(secret);
        try {
            String decoded = URLDecoder.decode(secret, StandardCharsets.UTF_8);
            if (!decoded.equals(secret)) secrets.add(decoded);
        } catch (IllegalArgumentException ignored) {
            // not percent-encoded text: the plain form is already listed
        }
    }

    String apply(String text) {
        if (text == null) return null;
        String out = Database.redact(text);
        for (String secret : secrets) out = out.replace(secret, MASK);
        return out;
    }
}
