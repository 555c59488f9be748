package dev.retort.cli.config;

import dev.retort.api.DdlTimeouts;
import java.time.Duration;

import dev.retort.loader.ModelSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.Reader;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads retort.yaml through SnakeYAML's node API rather than into maps, because nodes keep their
 * line: every complaint names {@code file:line}. It checks keys and the shape of values; what the
 * values mean (a valid URL, a schema name) is checked by {@link SettingsLoader}, which checks
 * values from the environment and the command line the same way.
 */
final class RetortYamlParser {
    private static final String TENANT_LIST = "list";
    private static final String TENANT_PATTERN = "pattern";
    private static final String TENANT_QUERY = "query";
    private static final String SHARDS = "shards";
    private static final List<String> TENANT_SET_KEYS = List.of(TENANT_LIST, TENANT_PATTERN, TENANT_QUERY);
    private static final List<String> TENANTS_KEYS = List.of(TENANT_LIST, TENANT_PATTERN, TENANT_QUERY, SHARDS);
    private static final List<String> SHARD_KEYS = List.of("url", "tenants");
    private static final String MODEL_CLASS = "class";
    private static final String MODEL_JPA = "jpa";
    private static final String MODEL_NAMING = "naming";
    private static final String MODEL_VALIDATION = "validation";
    private static final List<String> MODEL_KEYS = List.of(MODEL_CLASS, MODEL_JPA, MODEL_NAMING, MODEL_VALIDATION);

    private final String name;

    RetortYamlParser(String name) {
        this.name = name;
    }

    RetortYaml parse(Reader text) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            root = new Yaml(options).compose(text);
        } catch (MarkedYAMLException e) {
            throw syntaxError(e);
        } catch (YAMLException e) {
            throw new ConfigException(name + ": " + oneLine(e.getMessage()), e);
        }
        if (root == null || isNull(root)) return RetortYaml.empty(name);
        MappingNode settings = mapping(root, "retort.yaml", "a mapping of settings (key: value)");

        Map<Key, Integer> lines = new EnumMap<>(Key.class);
        Map<Key, Node> values = new EnumMap<>(Key.class);
        for (Map.Entry<String, NodeTuple> entry : keys(settings, Key.yamlNames()).entrySet()) {
            Key key = Key.byYamlName(entry.getKey()).orElseThrow();
            Node value = entry.getValue().getValueNode();
            if (isNull(value)) continue;        // "key:" with nothing after it sets nothing
            lines.put(key, line(entry.getValue().getKeyNode()));
            values.put(key, value);
        }
        String password = string(values, Key.PASSWORD);
        return new RetortYaml(name, lines,
                string(values, Key.URL),
                string(values, Key.USER),
                password == null ? null : new Secret(password),
                string(values, Key.MIGRATIONS),
                values.containsKey(Key.MODEL) ? model(values.get(Key.MODEL)) : null,
                values.containsKey(Key.CLASSPATH) ? classpath(values.get(Key.CLASSPATH)) : null,
                string(values, Key.VERSION_TABLE),
                string(values, Key.SCHEMA),
                values.containsKey(Key.TENANT_NAME_PATTERN) ? regex(values.get(Key.TENANT_NAME_PATTERN)) : null,
                values.containsKey(Key.TENANTS) ? tenants(values.get(Key.TENANTS)) : null,
                ddlTimeouts(values));
    }

    /** {@code ddl_lock_timeout}, {@code statement_timeout} (durations) and {@code ddl_attempts} over the defaults. */
    private DdlTimeouts ddlTimeouts(Map<Key, Node> values) {
        if (!values.containsKey(Key.DDL_LOCK_TIMEOUT) && !values.containsKey(Key.STATEMENT_TIMEOUT) && !values.containsKey(Key.DDL_ATTEMPTS)) {
            return null;
        }
        DdlTimeouts t = DdlTimeouts.DEFAULTS;
        if (values.containsKey(Key.DDL_LOCK_TIMEOUT)) t = t.withLockTimeout(duration(values.get(Key.DDL_LOCK_TIMEOUT), Key.DDL_LOCK_TIMEOUT));
        if (values.containsKey(Key.STATEMENT_TIMEOUT)) {
            t = t.withStatementTimeout(duration(values.get(Key.STATEMENT_TIMEOUT), Key.STATEMENT_TIMEOUT));
        }
        if (values.containsKey(Key.DDL_ATTEMPTS)) {
            Node node = values.get(Key.DDL_ATTEMPTS);
            String text = string(node, Key.DDL_ATTEMPTS.yamlName()).strip();
            int n;
            try {
                n = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                n = 0;
            }
            if (n < 1) throw error(node, Key.DDL_ATTEMPTS.yamlName() + " must be a whole number of tries, 1 or more, not '" + text + "'");
            t = t.withAttempts(n);
        }
        return t;
    }

    private Duration duration(Node node, Key key) {
        String text = string(node, key.yamlName());
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw error(node, key.yamlName() + ": " + e.getMessage());
        }
    }

    // ---- the sections

    /** {@code tenant_name_pattern:} a Java regular expression, checked here so that its line can be shown. */
    private String regex(Node node) {
        ScalarNode scalar = scalar(node, Key.TENANT_NAME_PATTERN.yamlName());
        String text = nonBlank(scalar, Key.TENANT_NAME_PATTERN.yamlName());
        try {
            Pattern.compile(text);
        } catch (PatternSyntaxException e) {
            throw error(scalar, Key.TENANT_NAME_PATTERN.yamlName() + " is not a regular expression: " + oneLine(e.getDescription()));
        }
        return text;
    }

    /**
     * {@code model:} is a class name, or a mapping with {@code class}, or with {@code jpa} (a package)
     * and optionally {@code naming} and {@code validation}. Unlike other values it is checked whole here, names included: only
     * the file can give a model, and the mapping's values have lines of their own to point at.
     */
    private ModelSource model(Node node) {
        if (node instanceof ScalarNode scalar) {
            return new ModelSource.ModelClass(javaName(scalar, Key.MODEL.yamlName(), "a Java class name such as com.example.db.TenantModel"));
        }
        MappingNode mapping = mapping(node, Key.MODEL.yamlName(),
                "a class name, or a mapping with class (a class name) or jpa (a package of JPA entities)");
        Map<String, NodeTuple> keys = keys(mapping, MODEL_KEYS);
        keys.values().removeIf(tuple -> isNull(tuple.getValueNode()));
        NodeTuple type = keys.get(MODEL_CLASS);
        NodeTuple jpa = keys.get(MODEL_JPA);
        NodeTuple naming = keys.get(MODEL_NAMING);
        NodeTuple validation = keys.get(MODEL_VALIDATION);
        if (type != null && jpa != null) {
            NodeTuple second = line(type.getKeyNode()) > line(jpa.getKeyNode()) ? type : jpa;
            throw error(second.getKeyNode(), "model may give only one of class and jpa");
        }
        if (type == null && jpa == null) {
            throw error(node, "model names no model: give class (a class name) or jpa (a package of JPA entities)");
        }
        if (type != null) {
            if (naming != null) throw error(naming.getKeyNode(), "model naming applies to jpa, not to a class");
            if (validation != null) throw error(validation.getKeyNode(), "model validation applies to jpa, not to a class");
            return new ModelSource.ModelClass(javaName(scalar(type.getValueNode(), "model class"), "model class",
                    "a Java class name such as com.example.db.TenantModel"));
        }
        String packageName = javaName(scalar(jpa.getValueNode(), "model jpa"), "model jpa",
                "a Java package name such as com.example.db.entities");
        return new ModelSource.JpaPackage(packageName,
                naming == null ? ModelSource.Naming.JPA : naming(scalar(naming.getValueNode(), "model naming")),
                validation == null ? ModelSource.Validation.HIBERNATE : validation(scalar(validation.getValueNode(), "model validation")));
    }

    private ModelSource.Validation validation(ScalarNode node) {
        return ModelSource.Validation.byYamlName(node.getValue()).orElseThrow(() -> {
            List<String> known = ModelSource.Validation.yamlNames();
            String hint = DidYouMean.suggest(node.getValue(), known).map(s -> " (did you mean '" + s + "'?)").orElse("");
            return error(node, "model validation must be one of " + String.join(", ", known) + ", not '" + node.getValue() + "'" + hint);
        });
    }

    private ModelSource.Naming naming(ScalarNode node) {
        return ModelSource.Naming.byYamlName(node.getValue()).orElseThrow(() -> {
            List<String> known = ModelSource.Naming.yamlNames();
            String hint = DidYouMean.suggest(node.getValue(), known).map(s -> " (did you mean '" + s + "'?)").orElse("");
            return error(node, "model naming must be one of " + String.join(", ", known) + ", not '" + node.getValue() + "'" + hint);
        });
    }

    private String javaName(ScalarNode node, String what, String expected) {
        if (!ModelSource.JAVA_NAME.matcher(node.getValue()).matches()) {
            throw error(node, what + " must be " + expected + ", not '" + node.getValue() + "'");
        }
        return node.getValue();
    }

    /** A list of entries; a single string is a list of one. */
    private List<String> classpath(Node node) {
        if (node instanceof ScalarNode scalar) return List.of(nonBlank(scalar, "classpath entry"));
        SequenceNode sequence = sequence(node, Key.CLASSPATH.yamlName(), "a list of directories and jars");
        List<String> entries = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            entries.add(nonBlank(scalar(item, "classpath entry"), "classpath entry"));
        }
        return entries;
    }

    /**
     * {@code tenants:} is a list of schemas, or a mapping with one of list, pattern or query and
     * optionally {@code shards}: a list of {url, tenants}.
     */
    private TenantSettings tenants(Node node) {
        if (node instanceof SequenceNode) return new TenantSettings(schemaList(node, "tenants"), List.of());
        MappingNode section = mapping(node, "tenants", "a list of schemas, or a mapping with list, pattern, query or shards");
        Map<String, NodeTuple> keys = keys(section, TENANTS_KEYS);
        TenantSet set = tenantSet(keys, "tenants");
        List<TenantSettings.Shard> shards = new ArrayList<>();
        NodeTuple shardsTuple = keys.get(SHARDS);
        if (shardsTuple != null && !isNull(shardsTuple.getValueNode())) {
            SequenceNode list = sequence(shardsTuple.getValueNode(), SHARDS, "a list of {url, tenants}");
            for (Node item : list.getValue()) {
                shards.add(shard(item, set != null));
            }
        }
        if (set == null && shards.isEmpty()) {
            throw error(node, "tenants names no tenants: give list, pattern, query or shards");
        }
        return new TenantSettings(set, shards);
    }

    private TenantSettings.Shard shard(Node node, boolean sectionHasTenants) {
        MappingNode shard = mapping(node, "shard", "a mapping with url and tenants");
        Map<String, NodeTuple> keys = keys(shard, SHARD_KEYS);
        NodeTuple url = keys.get("url");
        if (url == null || isNull(url.getValueNode())) throw error(node, "shard has no url");
        String urlText = string(url.getValueNode(), "shard url");
        String problem = JdbcUrls.problem(urlText);
        if (problem != null) throw error(url.getValueNode(), "shard url " + problem);
        TenantSet set = null;
        NodeTuple tenants = keys.get("tenants");
        if (tenants != null && !isNull(tenants.getValueNode())) {
            Node value = tenants.getValueNode();
            if (value instanceof SequenceNode) {
                set = schemaList(value, "shard tenants");
            } else {
                MappingNode mapping = mapping(value, "shard tenants", "a list of schemas, or a mapping with list, pattern or query");
                set = tenantSet(keys(mapping, TENANT_SET_KEYS), "shard tenants");
            }
        }
        if (set == null && !sectionHasTenants) {
            throw error(node, "shard " + JdbcUrls.mask(urlText) + " names no tenants, and the tenants section gives none for it");
        }
        return new TenantSettings.Shard(urlText, set, line(node));
    }

    /** The one of list, pattern or query in a mapping; null when it has none. */
    private TenantSet tenantSet(Map<String, NodeTuple> keys, String what) {
        List<NodeTuple> given = TENANT_SET_KEYS.stream().map(keys::get)
                .filter(t -> t != null && !isNull(t.getValueNode())).toList();
        if (given.size() > 1) {
            throw error(given.get(1).getKeyNode(), what + " may give only one of list, pattern and query");
        }
        if (given.isEmpty()) return null;
        NodeTuple tuple = given.get(0);
        String kind = ((ScalarNode) tuple.getKeyNode()).getValue();
        Node value = tuple.getValueNode();
        return switch (kind) {
            case TENANT_LIST -> schemaList(value, what + " list");
            case TENANT_PATTERN -> new TenantSet.Pattern(nonBlank(scalar(value, what + " pattern"), what + " pattern"));
            case TENANT_QUERY -> new TenantSet.Query(nonBlank(scalar(value, what + " query"), what + " query"));
            default -> throw new IllegalStateException(kind);
        };
    }

    private TenantSet.Listed schemaList(Node node, String what) {
        SequenceNode sequence = sequence(node, what, "a list of schema names");
        List<String> schemas = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            schemas.add(nonBlank(scalar(item, what + " entry"), what + " entry"));
        }
        if (schemas.isEmpty()) throw error(node, what + " is empty");
        return new TenantSet.Listed(schemas);
    }

    // ---- nodes

    /** The mapping's entries by key, in order; unknown and repeated keys are errors. */
    private Map<String, NodeTuple> keys(MappingNode mapping, List<String> known) {
        Map<String, NodeTuple> keys = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode scalar) || isNull(keyNode)) {
                throw error(keyNode, "a key must be a name, such as " + known.get(0));
            }
            String key = scalar.getValue();
            if (!known.contains(key)) {
                String hint = DidYouMean.suggest(key, known)
                        .map(s -> " (did you mean '" + s + "'?)")
                        .orElse(" (known keys: " + String.join(", ", known) + ")");
                throw error(keyNode, "unknown key '" + key + "'" + hint);
            }
            NodeTuple first = keys.putIfAbsent(key, tuple);
            if (first != null) {
                throw error(keyNode, "duplicate key '" + key + "' (first given at line " + line(first.getKeyNode()) + ")");
            }
        }
        return keys;
    }

    private String string(Map<Key, Node> values, Key key) {
        Node node = values.get(key);
        return node == null ? null : string(node, key.yamlName());
    }

    /** Any scalar is a string here: {@code password: 1234} means the text 1234. */
    private String string(Node node, String what) {
        return scalar(node, what).getValue();
    }

    private ScalarNode scalar(Node node, String what) {
        if (node instanceof ScalarNode scalar && !isNull(node)) return scalar;
        throw error(node, what + " must be a string, not " + describe(node));
    }

    private String nonBlank(ScalarNode node, String what) {
        if (node.getValue().isBlank()) throw error(node, what + " is empty");
        return node.getValue();
    }

    private MappingNode mapping(Node node, String what, String expected) {
        if (node instanceof MappingNode mapping) return mapping;
        throw error(node, what + " must be " + expected + ", not " + describe(node));
    }

    private SequenceNode sequence(Node node, String what, String expected) {
        if (node instanceof SequenceNode sequence) return sequence;
        throw error(node, what + " must be " + expected + ", not " + describe(node));
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    private static String describe(Node node) {
        if (node instanceof MappingNode) return "a mapping";
        if (node instanceof SequenceNode) return "a list";
        if (isNull(node)) return "empty";
        return "'" + ((ScalarNode) node).getValue() + "'";
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    // ---- errors

    private ConfigException error(Node node, String message) {
        return new ConfigException(name + ":" + line(node) + ": " + message);
    }

    private ConfigException syntaxError(MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String where = mark == null ? name : name + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
        String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
        String context = e.getContext() != null && !e.getContext().equals(problem) ? " (" + e.getContext() + ")" : "";
        return new ConfigException(where + ": " + oneLine(problem) + oneLine(context), e);
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
