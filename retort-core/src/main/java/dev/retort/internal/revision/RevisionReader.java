package dev.retort.internal.revision;

import dev.retort.revision.Revision;
import dev.retort.revision.RevisionFormatException;
import dev.retort.CheckConstraint;
import dev.retort.Column;
import dev.retort.Constraint;
import dev.retort.ExclusionConstraint;
import dev.retort.ForeignKey;
import dev.retort.Identity;
import dev.retort.Index;
import dev.retort.PrimaryKey;
import dev.retort.Sequence;
import dev.retort.SqlType;
import dev.retort.Table;
import dev.retort.Types;
import dev.retort.UniqueConstraint;
import dev.retort.internal.sql.SqlTemplate;
import dev.retort.operations.Change;
import dev.retort.operations.ColumnOps;
import dev.retort.operations.ConstraintOps;
import dev.retort.operations.EnumOps;
import dev.retort.operations.IndexOps;
import dev.retort.operations.Operation;
import dev.retort.operations.SchemaOps;
import dev.retort.operations.SequenceOps;
import dev.retort.operations.Sql;
import dev.retort.operations.TableOps;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.Supplier;

/**
 * Reads revision files. It walks SnakeYAML's node tree rather than loading plain Java objects so that
 * every complaint names the file and line: malformed YAML, an unknown operation or key, a missing or
 * ill-typed value, a bad type spelling, a value the model rejects. Reading is strict: a key Retort
 * does not know is an error, because a misspelt optional key would otherwise be silently ignored.
 */
public final class RevisionReader {
    private static final Set<String> TOP = Set.of("revision", "down_revision", "message", "created", "upgrade", "downgrade",
            "lock_timeout", "statement_timeout", "transactional");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|min)?");

    private final Path file;
    private final List<OperationSource> upgradeSources = new ArrayList<>();
    private final List<OperationSource> downgradeSources = new ArrayList<>();
    private Duration lockTimeout;
    private Duration statementTimeout;

    private RevisionReader(Path file) {
        this.file = file;
    }

    /**
     * A revision with where its operations are in the file and what lint rules they silence, and the
     * bounds its {@code lock_timeout} and {@code statement_timeout} set for its statements (null when not
     * given; zero for no bound). None of these is part of the revision or its checksum.
     */
    public record Read(Revision revision, List<OperationSource> upgrade, List<OperationSource> downgrade,
                       Duration lockTimeout, Duration statementTimeout) {
        public Read {
            upgrade = List.copyOf(upgrade);
            downgrade = List.copyOf(downgrade);
        }
    }

    /** Reads one revision file (UTF-8). */
    public static Revision read(Path file) {
        return readWithSources(file).revision();
    }

    /** Reads one revision file (UTF-8), with its operations' lines and lint annotations. */
    public static Read readWithSources(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (CharacterCodingException e) {
            throw notUtf8(file);
        } catch (IOException e) {
            throw new RevisionFormatException(file, 0, "cannot read: " + e.getMessage(), e);
        }
        return parseWithSources(text, file);
    }

    /** Names the line of the first byte that is not UTF-8, so that the editor can be pointed at it. */
    private static RevisionFormatException notUtf8(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return new RevisionFormatException(file, 0, "not UTF-8 text");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult result = decoder.decode(in, CharBuffer.allocate(bytes.length), true);
        if (!result.isError()) return new RevisionFormatException(file, 0, "not UTF-8 text");
        int at = in.position();
        int line = 1;
        for (int i = 0; i < at; i++) if (bytes[i] == '\n') line++;
        return new RevisionFormatException(file, line, String.format("not UTF-8 text: byte 0x%02X is not valid UTF-8 here; save the file as UTF-8",
                bytes[at] & 0xFF));
    }

    /**
     * Reads revision text.
     *
     * @param source where the text came from, for messages and {@link Revision#path()}; may be null
     */
    public static Revision parse(String text, Path source) {
        return parseWithSources(text, source).revision();
    }

    /** Reads revision text, with its operations' lines and lint annotations. */
    public static Read parseWithSources(String text, Path source) {
        RevisionReader reader = new RevisionReader(source);
        Revision revision = reader.revision(compose(text, source));
        return new Read(revision, reader.upgradeSources, reader.downgradeSources, reader.lockTimeout, reader.statementTimeout);
    }

    /** The system property that raises (or lowers) {@link #DEFAULT_LIMIT}. */
    public static final String LIMIT_PROPERTY = "retort.revision.limit";

    /**
     * The most characters (code points) a revision may hold: SnakeYAML's own guard against a runaway
     * file is 3 M, which a revision with a large hand-written function can pass.
     */
    public static final int DEFAULT_LIMIT = 32 * 1024 * 1024;

    private static Node compose(String text, Path source) {
        int limit = limit(source);
        if (text.length() > limit) {
            long size = text.codePointCount(0, text.length());
            if (size > limit) {
                throw new RevisionFormatException(source, 0, "too large: " + size + " characters, over the limit of " + limit
                        + "; raise it with -D" + LIMIT_PROPERTY + "=N (for the command line, in RETORT_JAVA_OPTS)");
            }
        }
        StreamReader stream = new StreamReader(new StringReader(text));
        try {
            LoaderOptions options = new LoaderOptions();
            options.setCodePointLimit(limit == Integer.MAX_VALUE ? limit : limit + 1);
            Node root = new Composer(new ParserImpl(stream, options), new Resolver(), options).getSingleNode();
            if (root == null) throw new RevisionFormatException(source, 0, "empty file: a revision needs at least its 'revision' key");
            return root;
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
            // "but found another document" needs its context ("expected a single document ...").
            if (problem != null && problem.startsWith("but ") && e.getContext() != null) problem = e.getContext() + ", " + problem;
            throw new RevisionFormatException(source, mark == null ? 0 : mark.getLine() + 1,
                    "malformed YAML: " + oneLine(problem), e);
        } catch (ReaderException e) {
            throw new RevisionFormatException(source, lineOfCodePoint(text, e.getPosition()),
                    "malformed YAML: character U+" + String.format("%04X", e.getCodePoint())
                            + " is not allowed in YAML; write it as an escape in a double-quoted string", e);
        } catch (YAMLException e) {
            // No mark: SnakeYAML's limits on nesting and aliases; where it stopped reading is where the problem is.
            throw new RevisionFormatException(source, stream.getMark().getLine() + 1, "malformed YAML: " + oneLine(e.getMessage()), e);
        }
    }

    private static int limit(Path source) {
        String value = System.getProperty(LIMIT_PROPERTY);
        if (value == null || value.isBlank()) return DEFAULT_LIMIT;
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit > 0) return limit;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new RevisionFormatException(source, 0, "-D" + LIMIT_PROPERTY + "=" + value + " is not a positive number of characters");
    }

    private static int lineOfCodePoint(String text, int codePointIndex) {
        int line = 1;
        int seen = 0;
        for (int i = 0; i < text.length() && seen < codePointIndex; seen++) {
            int c = text.codePointAt(i);
            if (c == '\n') line++;
            i += Character.charCount(c);
        }
        return line;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    // --- the revision ---

    private Revision revision(Node root) {
        Fields f = new Fields(root, "revision", TOP);
        Node idNode = f.need("revision");
        String id = text(idNode, "revision");
        check(idNode, () -> {
            RevisionIds.check(id, "revision id");
            return null;
        });
        Node downNode = f.need("down_revision");
        List<String> downs = new ArrayList<>();
        if (downNode instanceof SequenceNode) downs.addAll(strings(downNode, "down_revision"));
        else if (!isNull(downNode)) downs.add(text(downNode, "down_revision"));
        String message = text(f.need("message"), "message");
        Node createdNode = f.need("created");
        Instant created = instant(createdNode);
        if (f.get("lock_timeout") != null) lockTimeout = duration(f.get("lock_timeout"), "lock_timeout");
        if (f.get("statement_timeout") != null) statementTimeout = duration(f.get("statement_timeout"), "statement_timeout");
        List<Operation> upgrade = operations(f.need("upgrade"), "upgrade", upgradeSources);
        List<Operation> downgrade = operations(f.need("downgrade"), "downgrade", downgradeSources);
        Node transactional = f.get("transactional");
        if (transactional != null && bool(transactional, "transactional")) {
            refuseOutsideTransaction(upgrade, upgradeSources, transactional);
            refuseOutsideTransaction(downgrade, downgradeSources, transactional);
        }
        return check(downNode, () -> new Revision(id, downs, message, created, upgrade, downgrade, file, null));
    }

    /**
     * A revision declared {@code transactional: true} promises to run in one transaction, which an index
     * built or dropped concurrently cannot: refused at the operation's line, so nothing of it runs.
     */
    private void refuseOutsideTransaction(List<Operation> ops, List<OperationSource> sources, Node declared) {
        for (int i = 0; i < ops.size(); i++) {
            if (IndexOps.outsideTransaction(ops.get(i))) {
                throw new RevisionFormatException(file, sources.get(i).line(), ops.get(i).describe()
                        + ": cannot run in a transaction, and the revision is declared transactional (line "
                        + (declared.getStartMark().getLine() + 1) + "): drop 'concurrently' or 'transactional: true'");
            }
        }
    }

    /** {@code 500ms}, {@code 5s}, {@code 5} (seconds), {@code 2m}, or ISO-8601 ({@code PT5S}); zero for no bound. */
    private Duration duration(Node n, String what) {
        String s = text(n, what).strip();
        Matcher m = DURATION.matcher(s.toLowerCase(java.util.Locale.ROOT));
        if (m.matches()) {
            long v = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            return unit.equals("ms") ? Duration.ofMillis(v) : unit.equals("s") ? Duration.ofSeconds(v) : Duration.ofMinutes(v);
        }
        Duration d;
        try {
            d = Duration.parse(s.toUpperCase(java.util.Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw fail(n, "'" + what + "' must be a duration like 500ms, 5s or 2m, not '" + s + "'");
        }
        if (d.isNegative()) throw fail(n, "'" + what + "' cannot be negative: '" + s + "'");
        return d;
    }

    private Instant instant(Node n) {
        String s = text(n, "created");
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException e2) {
                throw fail(n, "'created' must be a time like 2026-11-25T12:00:00Z, not '" + s + "'");
            }
        }
    }

    private List<Operation> operations(Node n, String section, List<OperationSource> sources) {
        if (isNull(n)) return List.of();
        if (!(n instanceof SequenceNode seq)) throw fail(n, "'" + section + "' must be a list of operations, not " + kind(n));
        List<Operation> ops = new ArrayList<>();
        for (Node item : seq.getValue()) {
            if (!(item instanceof MappingNode m)) {
                throw fail(item, "an operation is written '- name: {...}', not " + kind(item)
                        + (item instanceof ScalarNode s ? " '" + s.getValue() + "'" : ""));
            }
            List<NodeTuple> tuples = new ArrayList<>();
            OperationSource source = OperationSource.at(item.getStartMark().getLine() + 1);
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(LINT)) {
                    if (!source.ignore().isEmpty()) throw fail(t.getKeyNode(), "key '" + LINT + "' given twice in an operation");
                    source = lint(t.getValueNode(), source.line());
                } else {
                    tuples.add(t);
                }
            }
            ops.add(operation(item, tuples));
            sources.add(source);
        }
        return ops;
    }

    private static final String LINT = "lint";

    /** {@code lint: {ignore: [ID, ...], reason: TEXT}} beside an operation: the rules it silences, and why. */
    private OperationSource lint(Node n, int line) {
        Fields f = new Fields(n, LINT, Set.of("ignore", "reason"));
        Node ignoreNode = f.need("ignore");
        List<String> ignore = ignoreNode instanceof ScalarNode ? List.of(text(ignoreNode, "ignore")) : strings(ignoreNode, "ignore");
        if (ignore.isEmpty()) throw fail(ignoreNode, "lint: 'ignore' names no rule");
        for (String id : ignore) {
            if (LintRule.byId(id).isEmpty()) {
                throw fail(ignoreNode, "lint: unknown rule '" + id + "' (known: " + String.join(", ", LintRule.ids()) + ")");
            }
        }
        String reason = f.optText("reason");
        if (reason == null || reason.isBlank()) {
            throw fail(n, "lint: ignoring " + String.join(", ", ignore) + " needs a 'reason'");
        }
        return new OperationSource(line, ignore, reason.strip());
    }

    private Operation operation(Node item, List<NodeTuple> tuples) {
        if (tuples.size() != 1) {
            throw fail(item, "an operation is a mapping with one key, the operation's name; this one has "
                    + tuples.size() + " (" + String.join(", ", tuples.stream()
                    .map(t -> t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "?").toList()) + ")");
        }
        NodeTuple t = tuples.get(0);
        String name = text(t.getKeyNode(), "operation name");
        Node body = t.getValueNode();
        if (!OperationNames.all().contains(name)) {
            String guess = OperationNames.closest(name);
            throw fail(t.getKeyNode(), "unknown operation '" + name + "'" + (guess == null ? "" : " (did you mean '" + guess + "'?)"));
        }
        return switch (name) {
            case "create_schema" -> new SchemaOps.CreateSchema(schemaOnly(body, name));
            case "drop_schema" -> new SchemaOps.DropSchema(schemaOnly(body, name));
            case "create_table" -> new TableOps.CreateTable(table(body, name));
            case "drop_table" -> new TableOps.DropTable(table(body, name));
            case "rename_table" -> {
                Fields f = new Fields(body, name, Set.of("schema", "from", "to"));
                yield check(body, () -> new TableOps.RenameTable(f.optText("schema"), f.text("from"), f.text("to")));
            }
            case "set_table_comment" -> {
                Fields f = new Fields(body, name, Set.of("table", "schema", "comment"));
                yield new TableOps.SetTableComment(f.optText("schema"), f.text("table"),
                        change(f.need("comment"), "comment", n -> text(n, "comment")));
            }
            case "set_index_comment" -> {
                Fields f = new Fields(body, name, Set.of("table", "schema", "index", "comment"));
                yield new IndexOps.SetIndexComment(f.optText("schema"), f.text("table"), f.text("index"),
                        change(f.need("comment"), "comment", n -> text(n, "comment")));
            }
            case "add_column" -> {
                Fields f = new Fields(body, name, Set.of("table", "schema", "column"));
                yield new ColumnOps.AddColumn(f.optText("schema"), f.text("table"), column(f.need("column")));
            }
            case "drop_column" -> {
                Fields f = new Fields(body, name, Set.of("table", "schema", "column"));
                yield new ColumnOps.DropColumn(f.optText("schema"), f.text("table"), column(f.need("column")));
            }
            case "rename_column" -> {
                Fields f = new Fields(body, name, Set.of("table", "schema", "from", "to"));
                yield new ColumnOps.RenameColumn(f.optText("schema"), f.text("table"), f.text("from"), f.text("to"));
            }
            case "alter_column" -> alterColumn(body);
            case "create_index" -> indexOp(body, name, true);
            case "drop_index" -> indexOp(body, name, false);
            case "add_constraint" -> constraintOp(body, name, true);
            case "drop_constraint" -> constraintOp(body, name, false);
            case "alter_constraint" -> alterConstraint(body);
            case "create_enum" -> new EnumOps.CreateEnum(enumDefinition(body, name));
            case "drop_enum" -> new EnumOps.DropEnum(enumDefinition(body, name));
            case "add_enum_value" -> {
                Fields f = new Fields(body, name, Set.of("enum", "schema", "value", "before"));
                yield new EnumOps.AddEnumValue(f.optText("schema"), f.text("enum"), f.text("value"), f.optText("before"));
            }
            case "remove_enum_value" -> {
                Fields f = new Fields(body, name, Set.of("enum", "schema", "value", "before"));
                yield new EnumOps.RemoveEnumValue(f.optText("schema"), f.text("enum"), f.text("value"), f.optText("before"));
            }
            case "create_sequence" -> new SequenceOps.CreateSequence(sequence(body, name));
            case "drop_sequence" -> new SequenceOps.DropSequence(sequence(body, name));
            case "alter_sequence" -> alterSequence(body);
            case "set_sequence_owner" -> {
                Fields f = new Fields(body, name, Set.of("name", "schema", "owner"));
                Change<Sequence.Owner> owner = change(f.need("owner"), "owner", n -> {
                    Fields o = new Fields(n, "owner", Set.of("table", "column"));
                    return check(n, () -> new Sequence.Owner(o.text("table"), o.text("column")));
                });
                yield check(body, () -> new SequenceOps.SetSequenceOwner(f.optText("schema"), f.text("name"), owner));
            }
            case "sql" -> sql(body);
            default -> {
                Operation op = new ProgramReading(this).operation(name, body);
                if (op == null) throw new IllegalStateException("operation " + name + " has a name but no reader");
                yield op;
            }
        };
    }

    private String schemaOnly(Node body, String what) {
        if (isNull(body)) return null;
        return new Fields(body, what, Set.of("schema")).optText("schema");
    }

    private Operation sql(Node body) {
        if (body instanceof ScalarNode) return new Sql(checkedSql(body, text(body, "sql")), null);
        Fields f = new Fields(body, "sql", Set.of("sql", "reverse"));
        String reverse = f.optText("reverse");
        return new Sql(checkedSql(f.get("sql"), f.text("sql")), reverse == null ? null : checkedSql(f.get("reverse"), reverse));
    }

    /**
     * Hand-written SQL must be one statement with its placeholders outside string literals
     * ({@link SqlTemplate}); a problem is reported at its line in the file.
     */
    private String checkedSql(Node at, String sql) {
        if (sql.isBlank()) return sql;
        try {
            Optional<SqlTemplate.Misplaced> misplaced = SqlTemplate.problem(sql);
            if (misplaced.isPresent()) throw failAt(at, misplaced.get().line(), misplaced.get().message());
            SqlTemplate.requireOneStatement(sql);
        } catch (IllegalArgumentException e) {
            throw fail(at, e.getMessage() + " (write one sql operation per statement)");
        }
        return sql;
    }

    /** A failure at a line of a scalar's text: a block scalar's text starts on the line after its indicator. */
    private RevisionFormatException failAt(Node scalar, int lineInText, String problem) {
        int first = scalar.getStartMark().getLine() + 1;
        boolean block = scalar instanceof ScalarNode sn
                && (sn.getScalarStyle() == DumperOptions.ScalarStyle.LITERAL || sn.getScalarStyle() == DumperOptions.ScalarStyle.FOLDED);
        return new RevisionFormatException(file, first + (block ? 1 : 0) + lineInText - 1, problem);
    }

    // --- tables ---

    private Table table(Node body, String what) {
        Fields f = new Fields(body, what, Set.of("name", "schema", "columns", "primary_key", "uniques",
                "foreign_keys", "checks", "indexes", "exclusions", "comment"));
        String name = f.text("name");
        List<Column> columns = list(f.need("columns"), "columns", this::column);
        Node pkNode = f.get("primary_key");
        PrimaryKey pk = pkNode == null || isNull(pkNode) ? null : primaryKey(pkNode);
        List<UniqueConstraint> uniques = list(f.get("uniques"), "uniques", this::unique);
        List<ForeignKey> fks = list(f.get("foreign_keys"), "foreign_keys", this::foreignKey);
        List<CheckConstraint> checks = list(f.get("checks"), "checks", this::checkConstraint);
        List<Index> indexes = list(f.get("indexes"), "indexes", n -> index(new Fields(n, "index", INDEX_KEYS), n));
        List<ExclusionConstraint> exclusions = list(f.get("exclusions"), "exclusions", this::exclusion);
        return check(body, () -> new Table(f.optText("schema"), name, columns, pk, uniques, fks, checks, indexes,
                f.optText("comment"), null, exclusions));
    }

    private Column column(Node n) {
        Fields f = new Fields(n, "column", Set.of("name", "type", "nullable", "default", "identity", "autoincrement",
                "computed", "collation", "comment"));
        String name = f.text("name");
        SqlType type = type(f.need("type"));
        Node identityNode = f.get("identity");
        Identity identity = identityNode == null || isNull(identityNode) ? null : identity(identityNode);
        return check(n, () -> new Column(name, type, f.bool("nullable", true), f.optText("default"), f.optText("comment"),
                identity, f.bool("autoincrement", false), f.optText("computed"), f.optText("collation"), null));
    }

    SqlType type(Node n) {
        if (n instanceof MappingNode) {
            Fields f = new Fields(n, "enum type", Set.of("enum", "schema", "labels", "array"));
            String name = f.text("enum");
            List<String> labels = strings(f.need("labels"), "labels");
            SqlType.Enum e = check(n, () -> new SqlType.Enum(f.optText("schema"), name, labels));
            return f.bool("array", false) ? new SqlType.Array(e) : e;
        }
        String spelling = text(n, "type");
        String base = spelling.strip().replaceAll("\\[]$", "");
        if (base.startsWith("enum:")) {
            String enumName = base.substring("enum:".length());
            throw fail(n, "enum type " + enumName + " needs its labels: write {enum: " + enumName + ", labels: [...]}");
        }
        return check(n, () -> Types.parse(spelling));
    }

    private Identity identity(Node n) {
        Fields f = new Fields(n, "identity", Set.of("always", "start", "increment", "min_value", "max_value", "cache", "cycle"));
        return check(n, () -> new Identity(f.bool("always", false), f.optLong("start"), f.optLong("increment"),
                f.optLong("min_value"), f.optLong("max_value"), f.optLong("cache"), f.bool("cycle", false)));
    }

    private PrimaryKey primaryKey(Node n) {
        Fields f = new Fields(n, "primary_key", Set.of("name", "columns", "deferrable", "initially_deferred"));
        return check(n, () -> new PrimaryKey(f.text("name"), strings(f.need("columns"), "columns"), f.bool("deferrable", false),
                f.bool("initially_deferred", false)));
    }

    private UniqueConstraint unique(Node n) {
        Fields f = new Fields(n, "unique", Set.of("name", "columns", "deferrable", "initially_deferred", "nulls_not_distinct"));
        return check(n, () -> new UniqueConstraint(f.text("name"), strings(f.need("columns"), "columns"), f.bool("deferrable", false),
                f.bool("initially_deferred", false), f.bool("nulls_not_distinct", false)));
    }

    CheckConstraint checkConstraint(Node n) {
        Fields f = new Fields(n, "check", Set.of("name", "expression", "no_inherit", "not_valid"));
        return check(n, () -> new CheckConstraint(f.text("name"), f.text("expression"), f.bool("no_inherit", false),
                f.bool("not_valid", false)));
    }

    private ExclusionConstraint exclusion(Node n) {
        Fields f = new Fields(n, "exclusion", Set.of("name", "using", "elements", "include", "where", "deferrable",
                "initially_deferred"));
        List<Index.Element> elements = new ArrayList<>();
        List<String> operators = new ArrayList<>();
        for (Node e : list(f.need("elements"), "elements", x -> x)) {
            Fields ef = new Fields(e, "exclusion element", Set.of("column", "expression", "collation", "opclass",
                    "descending", "nulls_first", "operator"));
            String nullsFirst = ef.optText("nulls_first");
            elements.add(check(e, () -> new Index.Element(ef.optText("column"), ef.optText("expression"),
                    ef.bool("descending", false), nullsFirst == null ? null : ef.bool("nulls_first", false),
                    ef.optText("opclass"), ef.optText("collation"))));
            operators.add(ef.text("operator"));
        }
        List<String> include = strings(f.get("include"), "include");
        return check(n, () -> new ExclusionConstraint(f.text("name"), f.optText("using"), elements, operators, include,
                f.optText("where"), f.bool("deferrable", false), f.bool("initially_deferred", false)));
    }

    private ForeignKey foreignKey(Node n) {
        Fields f = new Fields(n, "foreign_key", Set.of("name", "columns", "referred_schema", "referred_table",
                "referred_columns", "on_delete", "on_update", "deferrable", "initially_deferred", "match_full", "not_valid"));
        String name = f.text("name");
        List<String> columns = strings(f.need("columns"), "columns");
        List<String> referred = strings(f.need("referred_columns"), "referred_columns");
        ForeignKey.Action onDelete = action(f, "on_delete");
        ForeignKey.Action onUpdate = action(f, "on_update");
        return check(n, () -> new ForeignKey(name, columns, f.optText("referred_schema"), f.text("referred_table"),
                referred, onDelete, onUpdate, f.bool("deferrable", false), f.bool("initially_deferred", false),
                f.bool("match_full", false), f.bool("not_valid", false)));
    }

    private ForeignKey.Action action(Fields f, String key) {
        String s = f.optText(key);
        if (s == null) return ForeignKey.Action.NO_ACTION;
        try {
            return ForeignKey.Action.parse(s);
        } catch (IllegalArgumentException e) {
            throw fail(f.get(key), "'" + key + "' must be one of no action, restrict, cascade, set null, set default; not '" + s + "'");
        }
    }

    static final Set<String> INDEX_KEYS = Set.of("name", "columns", "unique", "using", "include", "where", "comment");
    private static final Set<String> INDEX_OP_KEYS = Set.of("name", "table", "schema", "columns", "unique", "using",
            "include", "where", "comment", "concurrently");

    Index index(Fields f, Node n) {
        String name = f.text("name");
        List<Index.Element> elements = list(f.need("columns"), "columns", this::indexElement);
        List<String> include = strings(f.get("include"), "include");
        return check(n, () -> new Index(name, elements, f.bool("unique", false), f.optText("where"), f.optText("using"), include,
                false, List.of(), f.optText("comment")));
    }

    private Index.Element indexElement(Node n) {
        if (n instanceof ScalarNode) {
            String column = text(n, "index column");
            return check(n, () -> Index.Element.column(column));
        }
        Fields f = new Fields(n, "index element", Set.of("column", "expression", "descending"));
        return check(n, () -> new Index.Element(f.optText("column"), f.optText("expression"), f.bool("descending", false)));
    }

    private Operation indexOp(Node body, String what, boolean create) {
        Fields f = new Fields(body, what, INDEX_OP_KEYS);
        Index index = index(f, body);
        boolean concurrently = f.bool("concurrently", false);
        return create ? new IndexOps.CreateIndex(f.optText("schema"), f.text("table"), index, concurrently)
                : new IndexOps.DropIndex(f.optText("schema"), f.text("table"), index, concurrently);
    }

    /** {@code alter_constraint}: the check or foreign key as it becomes, and {@code not_valid: {from, to}}. */
    private Operation alterConstraint(Node body) {
        Fields f = new Fields(body, "alter_constraint", Set.of("table", "schema", "foreign_key", "check", "not_valid"));
        Change<Boolean> notValid = change(f.need("not_valid"), "not_valid", n -> bool(n, "not_valid"), false);
        Node fk = f.get("foreign_key");
        Node ck = f.get("check");
        if ((fk == null) == (ck == null)) throw fail(body, "alter_constraint needs exactly one of foreign_key, check");
        Constraint to = fk != null ? foreignKey(fk) : checkConstraint(ck);
        if (to.notValid() != notValid.to()) {
            throw fail(body, "alter_constraint: the constraint's not_valid must be not_valid's 'to'");
        }
        Constraint from = to instanceof ForeignKey k ? k.withNotValid(notValid.from()) : ((CheckConstraint) to).withNotValid(notValid.from());
        return check(body, () -> new ConstraintOps.AlterConstraint(f.optText("schema"), f.text("table"), new Change<>(from, to)));
    }

    private Operation constraintOp(Node body, String what, boolean add) {
        Set<String> kinds = Set.of("primary_key", "unique", "foreign_key", "check", "exclusion");
        Fields f = new Fields(body, what, Set.of("table", "schema", "primary_key", "unique", "foreign_key", "check", "exclusion"));
        List<String> given = kinds.stream().filter(k -> f.get(k) != null).sorted().toList();
        if (given.size() != 1) {
            throw fail(body, what + " needs exactly one of primary_key, unique, foreign_key, check, exclusion"
                    + (given.isEmpty() ? "" : "; found " + String.join(", ", given)));
        }
        Node c = f.get(given.get(0));
        Constraint constraint = switch (given.get(0)) {
            case "primary_key" -> primaryKey(c);
            case "unique" -> unique(c);
            case "foreign_key" -> foreignKey(c);
            case "exclusion" -> exclusion(c);
            default -> checkConstraint(c);
        };
        return add ? new ConstraintOps.AddConstraint(f.optText("schema"), f.text("table"), constraint)
                : new ConstraintOps.DropConstraint(f.optText("schema"), f.text("table"), constraint);
    }

    // --- alterations ---

    private Operation alterColumn(Node body) {
        Fields f = new Fields(body, "alter_column", Set.of("table", "schema", "column", "type", "nullable", "default",
                "identity", "autoincrement", "comment", "collation", "using"));
        return new ColumnOps.AlterColumn(f.optText("schema"), f.text("table"), f.text("column"),
                change(f.get("type"), "type", this::type, false),
                change(f.get("nullable"), "nullable", n -> bool(n, "nullable"), false),
                change(f.get("default"), "default", n -> text(n, "default")),
                change(f.get("identity"), "identity", this::identity),
                change(f.get("comment"), "comment", n -> text(n, "comment")),
                change(f.get("collation"), "collation", n -> text(n, "collation")),
                f.optText("using"),
                change(f.get("autoincrement"), "autoincrement", n -> bool(n, "autoincrement"), false));
    }

    /** {@code {from: A, to: B}}; null when the key is absent (that attribute does not change). */
    private <T> Change<T> change(Node n, String what, Function<Node, T> read) {
        return change(n, what, read, true);
    }

    /** @param nulls whether either side may be null (a default may come or go; a type cannot) */
    private <T> Change<T> change(Node n, String what, Function<Node, T> read, boolean nulls) {
        if (n == null) return null;
        if (!(n instanceof MappingNode)) throw fail(n, "'" + what + "' must be a change written {from: ..., to: ...}, not " + kind(n));
        Fields f = new Fields(n, what + " change", Set.of("from", "to"));
        Node from = f.need("from");
        Node to = f.need("to");
        for (Node side : List.of(from, to)) {
            if (!nulls && isNull(side)) throw fail(side, "a " + what + " change needs a value on both sides");
        }
        return new Change<>(isNull(from) ? null : read.apply(from), isNull(to) ? null : read.apply(to));
    }

    private SqlType.Enum enumDefinition(Node body, String what) {
        Fields f = new Fields(body, what, Set.of("name", "schema", "labels"));
        String name = f.text("name");
        List<String> labels = strings(f.need("labels"), "labels");
        return check(body, () -> new SqlType.Enum(f.optText("schema"), name, labels));
    }

    private static final Set<String> SEQUENCE_KEYS = Set.of("name", "schema", "type", "start", "increment",
            "min_value", "max_value", "cache", "cycle");

    private Sequence sequence(Node body, String what) {
        Fields f = new Fields(body, what, SEQUENCE_KEYS);
        Map<String, Node> attributes = new LinkedHashMap<>();
        for (String key : SEQUENCE_KEYS) attributes.put(key, f.get(key));
        return sequenceFrom(body, attributes);
    }

    /** Each attribute is either a plain value, the same before and after, or a {@code {from, to}} change. */
    private Operation alterSequence(Node body) {
        Fields f = new Fields(body, "alter_sequence", SEQUENCE_KEYS);
        Map<String, Node> from = new LinkedHashMap<>();
        Map<String, Node> to = new LinkedHashMap<>();
        for (String key : SEQUENCE_KEYS) {
            Node v = f.get(key);
            if (v instanceof MappingNode) {
                Fields c = new Fields(v, key + " change", Set.of("from", "to"));
                from.put(key, c.need("from"));
                to.put(key, c.need("to"));
            } else {
                from.put(key, v);
                to.put(key, v);
            }
        }
        return new SequenceOps.AlterSequence(new Change<>(sequenceFrom(body, from), sequenceFrom(body, to)));
    }

    private Sequence sequenceFrom(Node at, Map<String, Node> a) {
        Node nameNode = a.get("name");
        if (nameNode == null) throw fail(at, "sequence: missing key 'name'");
        String name = text(nameNode, "name");
        String schema = optText(a.get("schema"), "schema");
        String typeText = optText(a.get("type"), "type");
        SqlType type = typeText == null ? Types.BIGINT : check(a.get("type"), () -> Types.parse(typeText));
        Long start = optLong(a.get("start"), "start");
        Long increment = optLong(a.get("increment"), "increment");
        Long min = optLong(a.get("min_value"), "min_value");
        Long max = optLong(a.get("max_value"), "max_value");
        Long cache = optLong(a.get("cache"), "cache");
        boolean cycle = a.get("cycle") != null && !isNull(a.get("cycle")) && bool(a.get("cycle"), "cycle");
        return check(at, () -> new Sequence(schema, name, type, start, increment, min, max, cache, cycle));
    }

    // --- scalars and lists ---

    static boolean isNull(Node n) {
        return n instanceof ScalarNode s && Tag.NULL.equals(s.getTag());
    }

    String text(Node n, String what) {
        if (!(n instanceof ScalarNode s)) throw fail(n, "'" + what + "' must be a text value, not " + kind(n));
        if (isNull(n)) throw fail(n, "'" + what + "' has no value");
        return s.getValue();
    }

    String optText(Node n, String what) {
        return n == null || isNull(n) ? null : text(n, what);
    }

    private Long optLong(Node n, String what) {
        if (n == null || isNull(n)) return null;
        String s = text(n, what);
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            throw fail(n, "'" + what + "' must be a whole number, not '" + s + "'");
        }
    }

    boolean bool(Node n, String what) {
        String s = text(n, what);
        if (s.equalsIgnoreCase("true")) return true;
        if (s.equalsIgnoreCase("false")) return false;
        throw fail(n, "'" + what + "' must be true or false, not '" + s + "'");
    }

    List<String> strings(Node n, String what) {
        return list(n, what, item -> text(item, what + " item"));
    }

    /** The items of a list; an absent or null list is empty. */
    <T> List<T> list(Node n, String what, Function<Node, T> read) {
        if (n == null || isNull(n)) return List.of();
        if (!(n instanceof SequenceNode seq)) throw fail(n, "'" + what + "' must be a list, not " + kind(n));
        List<T> out = new ArrayList<>();
        for (Node item : seq.getValue()) out.add(read.apply(item));
        return out;
    }

    static String kind(Node n) {
        if (n instanceof MappingNode) return "a mapping";
        if (n instanceof SequenceNode) return "a list";
        return isNull(n) ? "null" : "a text value";
    }

    /** Runs a model constructor, turning its complaint into one about this place in the file. */
    <T> T check(Node at, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw fail(at, e.getMessage());
        }
    }

    RevisionFormatException fail(Node at, String problem) {
        return new RevisionFormatException(file, at == null ? 0 : at.getStartMark().getLine() + 1, problem);
    }

    /** The keys of one mapping, checked against the ones its context allows. */
    final class Fields {
        private final Node node;
        private final String what;
        private final Map<String, Node> values = new LinkedHashMap<>();

        Fields(Node node, String what, Set<String> allowed) {
            this.node = node;
            this.what = what;
            if (!(node instanceof MappingNode m)) {
                throw fail(node, what + " must be a mapping of keys to values, not " + kind(node));
            }
            for (NodeTuple t : m.getValue()) {
                String key = RevisionReader.this.text(t.getKeyNode(), "key");
                if (!allowed.contains(key)) {
                    String[] sorted = allowed.toArray(String[]::new);
                    Arrays.sort(sorted);
                    throw fail(t.getKeyNode(), "unknown key '" + key + "' in " + what + " (known: " + String.join(", ", sorted) + ")");
                }
                if (values.put(key, t.getValueNode()) != null) throw fail(t.getKeyNode(), "key '" + key + "' given twice in " + what);
            }
        }

        Node get(String key) {
            return values.get(key);
        }

        Node need(String key) {
            Node n = values.get(key);
            if (n == null) throw fail(node, what + ": missing key '" + key + "'");
            return n;
        }

        String text(String key) {
            Node n = need(key);
            if (isNull(n)) throw fail(n, what + ": '" + key + "' has no value");
            return RevisionReader.this.text(n, key);
        }

        String optText(String key) {
            return RevisionReader.this.optText(values.get(key), key);
        }

        Long optLong(String key) {
            return RevisionReader.this.optLong(values.get(key), key);
        }

        boolean bool(String key, boolean absent) {
            Node n = values.get(key);
            return n == null || isNull(n) ? absent : RevisionReader.this.bool(n, key);
        }
    }
}
