package dev.retort.postgres.conformance;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A committed list of cases with a reason each, read from a class-path YAML file of groups:
 * <pre>
 * - reason: views are not part of the model
 *   cases:
 *     tests_views.yml: [CreateView, DropView]
 * </pre>
 * Keys are {@code file/case}. A case listed twice is an error, so that no reason hides another.
 */
final class CaseList {
    private CaseList() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> read(String resource) {
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream in = CaseList.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing class-path resource " + resource);
            Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            if (doc == null) return out;
            for (Object g : (List<Object>) doc) {
                Map<String, Object> group = (Map<String, Object>) g;
                String reason = (String) group.get("reason");
                if (reason == null || reason.isBlank()) throw new IllegalStateException(resource + ": a group has no reason");
                Map<String, List<String>> cases = (Map<String, List<String>>) group.get("cases");
                cases.forEach((file, names) -> names.forEach(n -> {
                    String prev = out.put(file + "/" + n, reason);
                    if (prev != null) throw new IllegalStateException(resource + ": " + file + "/" + n + " is listed twice");
                }));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
