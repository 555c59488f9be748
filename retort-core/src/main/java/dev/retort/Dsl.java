package dev.retort;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The fluent language for defining tables; import its methods statically, with {@link Types}'s:
 *
 * <pre>{@code
 * MetaData metadata = new MetaData();
 * metadata.table("child",
 *     column("id", INTEGER).primaryKey(),
 *     column("test_id", INTEGER).notNull().references("test.id").onDelete(CASCADE),
 *     column("created_at", TIMESTAMPTZ).notNull().defaultExpr("now()"),
 *     index("test_id"));
 * }</pre>
 *
 * A reference is {@code "table.column"} (same schema as the table) or {@code "schema.table.column"}.
 * Unnamed constraints and indexes are named by the MetaData's {@link NamingConvention}.
 */
public final class Dsl {
    public static final ForeignKey.Action NO_ACTION = ForeignKey.Action.NO_ACTION;
    public static final ForeignKey.Action RESTRICT = ForeignKey.Action.RESTRICT;
    public static final ForeignKey.Action CASCADE = ForeignKey.Action.CASCADE;
    public static final ForeignKey.Action SET_NULL = ForeignKey.Action.SET_NULL;
    public static final ForeignKey.Action SET_DEFAULT = ForeignKey.Action.SET_DEFAULT;

    private Dsl() {
    }

    /** Something that goes inside a table definition. */
    public sealed interface TableElement permits ColumnDef, KeyDef, ForeignKeyDef, CheckDef, IndexDef, ExclusionDef, TableOption {
    }

    public static ColumnDef column(String name, SqlType type) {
        return new ColumnDef(name, type);
    }

    public static KeyDef primaryKey(String... columns) {
        return new KeyDef(true, List.of(columns));
    }

    public static KeyDef unique(String... columns) {
        return new KeyDef(false, List.of(columns));
    }

    public static ForeignKeyDef foreignKey(String... columns) {
        return new ForeignKeyDef(List.of(columns));
    }

    public static CheckDef check(String expression) {
        return new CheckDef(expression);
    }

    public static IndexDef index(String... columns) {
        return new IndexDef(Arrays.stream(columns).map(Index.Element::column).toList());
    }

    /** An index over explicit elements: {@code indexOn(expr("lower(name)"), desc("created_at"))}. */
    public static IndexDef indexOn(Index.Element... elements) {
        return new IndexDef(List.of(elements));
    }

    /**
     * An exclusion constraint: {@code exclusion("gist").with("room", "=").with(expr("tstzrange(starts, ends)"), "&&")}.
     * Unnamed, it is named {@code <table>_<columns>_excl} as PostgreSQL names one.
     *
     * @param method the index access method ({@code gist}, {@code btree}, ...)
     */
    public static ExclusionDef exclusion(String method) {
        return new ExclusionDef(method);
    }

    public static Index.Element expr(String sql) {
        return Index.Element.expression(sql);
    }

    public static Index.Element desc(String column) {
        return new Index.Element(column, null, true);
    }

    public static Index.Element asc(String column) {
        return Index.Element.column(column);
    }

    public static TableOption comment(String text) {
        return new TableOption(text, null);
    }

    public static TableOption renamedFrom(String previousName) {
        return new TableOption(null, previousName);
    }

    /**
     * A column under definition. Nullable unless told otherwise, or part of the primary key. The
     * {@link Column} is built when the table is defined, so that a bad column is reported with its table.
     */
    public static final class ColumnDef implements TableElement {
        private final String name;
        private final SqlType type;
        private String serverDefault;
        private String comment;
        private Identity identity;
        private boolean autoIncrement;
        private String computed;
        private String collation;
        private String renamedFrom;
        private Boolean explicitNullable;
        private boolean primaryKey;
        private boolean unique;
        private boolean index;
        private ForeignKeyDef reference;

        private ColumnDef(String name, SqlType type) {
            this.name = name;
            this.type = type;
        }

        public ColumnDef notNull() {
            explicitNullable = false;
            return this;
        }

        public ColumnDef nullable() {
            explicitNullable = true;
            return this;
        }

        public ColumnDef primaryKey() {
            primaryKey = true;
            return this;
        }

        public ColumnDef unique() {
            unique = true;
            return this;
        }

        public ColumnDef index() {
            index = true;
            return this;
        }

        /** A server default, as an SQL expression: {@code "now()"}, {@code "'draft'"}, {@code "0"}. */
        public ColumnDef defaultExpr(String sql) {
            serverDefault = sql;
            return this;
        }

        public ColumnDef comment(String text) {
            comment = text;
            return this;
        }

        public ColumnDef identity() {
            return identity(Identity.byDefault());
        }

        public ColumnDef identity(Identity identity) {
            this.identity = identity;
            return this;
        }

        /** A serial column: its default comes from a sequence it owns. */
        public ColumnDef autoIncrement() {
            autoIncrement = true;
            return this;
        }

        /** A stored generated column. */
        public ColumnDef computed(String expression) {
            computed = expression;
            return this;
        }

        public ColumnDef collate(String collation) {
            this.collation = collation;
            return this;
        }

        public ColumnDef renamedFrom(String previousName) {
            renamedFrom = previousName;
            return this;
        }

        /** A single-column foreign key: {@code "table.column"} or {@code "schema.table.column"}. */
        public ColumnDef references(String target) {
            reference = new ForeignKeyDef(List.of(name)).references(target);
            return this;
        }

        public ColumnDef onDelete(ForeignKey.Action action) {
            requireReference("onDelete").onDelete(action);
            return this;
        }

        public ColumnDef onUpdate(ForeignKey.Action action) {
            requireReference("onUpdate").onUpdate(action);
            return this;
        }

        private ForeignKeyDef requireReference(String what) {
            if (reference == null) throw new IllegalStateException(what + " on column " + name + " needs references(...) first");
            return reference;
        }

        private Column build(boolean nullable) {
            return new Column(name, type, nullable, serverDefault, comment, identity, autoIncrement, computed,
                    collation, renamedFrom);
        }
    }

    /** A primary key or unique constraint under definition. */
    public static final class KeyDef implements TableElement {
        private final boolean primary;
        private final List<String> columns;
        private String name;
        private boolean deferrable;
        private boolean initiallyDeferred;

        private KeyDef(boolean primary, List<String> columns) {
            this.primary = primary;
            this.columns = columns;
        }

        /** Checked at the end of the statement, or with {@code initially} at commit (SQL's {@code DEFERRABLE}). */
        public KeyDef deferrable(boolean initially) {
            this.deferrable = true;
            this.initiallyDeferred = initially;
            return this;
        }

        /** An exact name, bypassing the naming convention. */
        public KeyDef named(String exactName) {
            this.name = exactName;
            return this;
        }
    }

    public static final class ForeignKeyDef implements TableElement {
        private final List<String> columns;
        private String unparsedTarget;
        private String referredSchema;
        private String referredTable;
        private List<String> referredColumns;
        private ForeignKey.Action onDelete = ForeignKey.Action.NO_ACTION;
        private ForeignKey.Action onUpdate = ForeignKey.Action.NO_ACTION;
        private boolean deferrable;
        private boolean initiallyDeferred;
        private boolean notValid;
        private String name;

        private ForeignKeyDef(List<String> columns) {
            this.columns = columns;
        }

        /**
         * {@code references("test.id")} for one column, the SQLAlchemy way. The text is read when the
         * table is defined, so that a malformed reference is reported with its table.
         */
        public ForeignKeyDef references(String target) {
            this.unparsedTarget = target;
            this.referredSchema = null;
            this.referredTable = null;
            this.referredColumns = null;
            return this;
        }

        private void parseTarget() {
            if (unparsedTarget == null) return;
            String[] parts = unparsedTarget.split("\\.", -1);
            if (parts.length == 2) {
                references(null, parts[0], parts[1]);
            } else if (parts.length == 3) {
                references(parts[0], parts[1], parts[2]);
            } else {
                throw new IllegalArgumentException("foreign key on " + columns
                        + ": a reference is 'table.column' or 'schema.table.column', not '" + unparsedTarget + "'");
            }
        }

        /** {@code references(null, "test", "a", "b")} for several columns; a null schema means the table's own. */
        public ForeignKeyDef references(String schema, String table, String... columns) {
            this.unparsedTarget = null;
            this.referredSchema = schema;
            this.referredTable = table;
            this.referredColumns = List.of(columns);
            return this;
        }

        public ForeignKeyDef onDelete(ForeignKey.Action action) {
            this.onDelete = Objects.requireNonNull(action);
            return this;
        }

        public ForeignKeyDef onUpdate(ForeignKey.Action action) {
            this.onUpdate = Objects.requireNonNull(action);
            return this;
        }

        public ForeignKeyDef deferrable(boolean initially) {
            this.deferrable = true;
            this.initiallyDeferred = initially;
            return this;
        }

        /**
         * Added {@code NOT VALID}: the rows already there are not checked (PostgreSQL). A model that no
         * longer says so makes autogenerate validate it ({@code VALIDATE CONSTRAINT}).
         */
        public ForeignKeyDef notValid() {
            this.notValid = true;
            return this;
        }

        public ForeignKeyDef named(String exactName) {
            this.name = exactName;
            return this;
        }
    }

    public static final class CheckDef implements TableElement {
        private final String expression;
        private String label;
        private boolean notValid;
        private String name;

        private CheckDef(String expression) {
            this.expression = expression;
        }

        /** The {@code {constraint_name}} of the naming convention: {@code ck_<table>_<label>}. */
        public CheckDef label(String text) {
            this.label = text;
            return this;
        }

        /**
         * Added {@code NOT VALID}: the rows already there are not checked (PostgreSQL). A model that no
         * longer says so makes autogenerate validate it ({@code VALIDATE CONSTRAINT}).
         */
        public CheckDef notValid() {
            this.notValid = true;
            return this;
        }

        public CheckDef named(String exactName) {
            this.name = exactName;
            return this;
        }
    }

    public static final class IndexDef implements TableElement {
        private final List<Index.Element> elements;
        private boolean unique;
        private String where;
        private String method;
        private List<String> include = List.of();
        private String name;
        private String comment;

        private IndexDef(List<Index.Element> elements) {
            this.elements = elements;
        }

        public IndexDef unique() {
            this.unique = true;
            return this;
        }

        /** A partial index. */
        public IndexDef where(String predicate) {
            this.where = predicate;
            return this;
        }

        public IndexDef using(String accessMethod) {
            this.method = accessMethod;
            return this;
        }

        public IndexDef include(String... columns) {
            this.include = List.of(columns);
            return this;
        }

        public IndexDef named(String exactName) {
            this.name = exactName;
            return this;
        }

        public IndexDef comment(String text) {
            this.comment = text;
            return this;
        }
    }

    /** An exclusion constraint under definition. */
    public static final class ExclusionDef implements TableElement {
        private final String method;
        private final List<Index.Element> elements = new ArrayList<>();
        private final List<String> operators = new ArrayList<>();
        private List<String> include = List.of();
        private String where;
        private boolean deferrable;
        private boolean initiallyDeferred;
        private String name;

        private ExclusionDef(String method) {
            this.method = method;
        }

        /** A column key compared with {@code operator}. */
        public ExclusionDef with(String column, String operator) {
            return with(Index.Element.column(column), operator);
        }

        /** A key (column or {@link #expr expression}, with its ordering or operator class) compared with {@code operator}. */
        public ExclusionDef with(Index.Element key, String operator) {
            elements.add(Objects.requireNonNull(key, "exclusion key"));
            operators.add(Objects.requireNonNull(operator, "exclusion operator"));
            return this;
        }

        public ExclusionDef include(String... columns) {
            this.include = List.of(columns);
            return this;
        }

        /** A partial constraint: only rows matching the predicate are compared. */
        public ExclusionDef where(String predicate) {
            this.where = predicate;
            return this;
        }

        public ExclusionDef deferrable(boolean initially) {
            this.deferrable = true;
            this.initiallyDeferred = initially;
            return this;
        }

        public ExclusionDef named(String exactName) {
            this.name = exactName;
            return this;
        }
    }

    /** A table comment or previous name. */
    public static final class TableOption implements TableElement {
        private final String comment;
        private final String renamedFrom;

        private TableOption(String comment, String renamedFrom) {
            this.comment = comment;
            this.renamedFrom = renamedFrom;
        }
    }

    /**
     * Resolves a definition into a table: default schema, nullability, names. Called by MetaData. Any
     * mistake in the definition is reported as {@code table <key>: <what is wrong>}.
     */
    static Table define(MetaData metadata, String schema, String name, TableElement... elements) {
        Identifiers.check("table", name);
        if (schema != null) Identifiers.check("table " + name + ": schema", schema);
        String key = schema == null ? name : schema + "." + name;
        try {
            return resolve(metadata.namingConvention(), schema, name, elements);
        } catch (IllegalArgumentException | NullPointerException e) {
            String message = String.valueOf(e.getMessage());
            if (message.startsWith("table ")) throw e;
            throw new IllegalArgumentException("table " + key + ": " + message, e);
        }
    }

    private static Table resolve(NamingConvention naming, String schema, String name, TableElement... elements) {
        List<Column> columns = new ArrayList<>();
        List<String> pkColumns = new ArrayList<>();
        String pkName = null;
        KeyDef pkDef = null;
        List<UniqueConstraint> uniques = new ArrayList<>();
        List<ForeignKeyDef> fkDefs = new ArrayList<>();
        List<CheckConstraint> checks = new ArrayList<>();
        List<Index> indexes = new ArrayList<>();
        List<ExclusionConstraint> exclusions = new ArrayList<>();
        String comment = null;
        String renamedFrom = null;
        int unnamedChecks = 0;

        for (TableElement element : elements) {
            Objects.requireNonNull(element, "a table element is null");
            if (element instanceof ColumnDef c) {
                List<String> own = List.of(Identifiers.check("column", c.name));
                if (c.primaryKey) pkColumns.add(c.name);
                if (c.unique) uniques.add(new UniqueConstraint(naming.uniqueName(name, own), own));
                if (c.index) indexes.add(new Index(naming.indexName(name, own), List.of(Index.Element.column(c.name)), false, null, null, List.of()));
                if (c.reference != null) fkDefs.add(c.reference);
            } else if (element instanceof KeyDef k) {
                if (k.primary) {
                    if (!pkColumns.isEmpty()) throw new IllegalArgumentException("the primary key is declared twice");
                    pkColumns.addAll(k.columns);
                    pkName = k.name;
                    pkDef = k;
                } else {
                    uniques.add(new UniqueConstraint(k.name != null ? k.name : naming.uniqueName(name, k.columns), k.columns,
                            k.deferrable, k.initiallyDeferred));
                }
            } else if (element instanceof ForeignKeyDef f) {
                fkDefs.add(f);
            } else if (element instanceof CheckDef ck) {
                String label = ck.label != null ? ck.label : String.valueOf(++unnamedChecks);
                checks.add(new CheckConstraint(ck.name != null ? ck.name : naming.checkName(name, label), ck.expression, false,
                        ck.notValid));
            } else if (element instanceof IndexDef ix) {
                indexes.add(index(naming, name, ix));
            } else if (element instanceof ExclusionDef x) {
                List<String> parts = x.elements.stream().map(e -> e.column() != null ? e.column() : "expr").toList();
                exclusions.add(new ExclusionConstraint(x.name != null ? x.name
                        : NamingConvention.truncate(name + "_" + String.join("_", parts) + "_excl"), x.method, x.elements,
                        x.operators, x.include, x.where, x.deferrable, x.initiallyDeferred));
            } else if (element instanceof TableOption o) {
                if (o.comment != null) comment = o.comment;
                if (o.renamedFrom != null) renamedFrom = o.renamedFrom;
            }
        }

        for (TableElement element : elements) {
            if (element instanceof ColumnDef c) {
                boolean inPk = pkColumns.contains(c.name);
                if (inPk && Boolean.TRUE.equals(c.explicitNullable)) {
                    throw new IllegalArgumentException("primary key column " + c.name + " is declared nullable");
                }
                boolean nullable = !inPk && (c.explicitNullable == null || c.explicitNullable);
                Column col = c.build(nullable);
                columns.add(col.withType(bindEnum(col.type(), schema)));
            }
        }

        List<ForeignKey> fks = new ArrayList<>();
        for (ForeignKeyDef f : fkDefs) {
            f.parseTarget();
            if (f.referredTable == null) throw new IllegalArgumentException("foreign key on " + f.columns + " refers to nothing");
            String referredSchema = f.referredSchema != null ? f.referredSchema : schema;
            fks.add(new ForeignKey(f.name != null ? f.name : naming.foreignKeyName(name, f.columns, f.referredTable),
                    f.columns, referredSchema, f.referredTable, f.referredColumns, f.onDelete, f.onUpdate,
                    f.deferrable, f.initiallyDeferred, false, f.notValid));
        }
        PrimaryKey pk = pkColumns.isEmpty() ? null : new PrimaryKey(pkName != null ? pkName : naming.primaryKeyName(name, pkColumns),
                pkColumns, pkDef != null && pkDef.deferrable, pkDef != null && pkDef.initiallyDeferred);
        return new Table(schema, name, columns, pk, uniques, fks, checks, indexes, comment, renamedFrom, exclusions);
    }

    /** The index an index definition makes on a table (or materialized view), named by the convention unless named. */
    static Index index(NamingConvention naming, String table, IndexDef ix) {
        List<String> nameParts = ix.elements.stream().map(e -> e.column() != null ? e.column() : "expr").toList();
        return new Index(ix.name != null ? ix.name : naming.indexName(table, nameParts), ix.elements,
                ix.unique, ix.where, ix.method, ix.include, false, List.of(), ix.comment);
    }

    // ---- domains, views, routines, triggers and policies: built by MetaData.domain(...), view(...), routine(...), ...

    /** A domain: {@code metadata.domain(domain("posint", INTEGER).notNull().check("VALUE > 0"))}. */
    public static DomainDef domain(String name, SqlType type) {
        return new DomainDef(name, type);
    }

    /** A domain under definition; unnamed checks are named {@code <domain>_check}, as PostgreSQL names them. */
    public static final class DomainDef {
        private final String name;
        private final SqlType type;
        private String defaultExpr;
        private boolean notNull;
        private final List<String[]> checks = new ArrayList<>();
        private String collation;
        private String comment;

        private DomainDef(String name, SqlType type) {
            this.name = name;
            this.type = type;
        }

        public DomainDef defaultExpr(String sql) {
            this.defaultExpr = sql;
            return this;
        }

        public DomainDef notNull() {
            this.notNull = true;
            return this;
        }

        /** A check on {@code VALUE}: {@code check("VALUE > 0")}. */
        public DomainDef check(String expression) {
            checks.add(new String[] {null, expression});
            return this;
        }

        public DomainDef check(String checkName, String expression) {
            checks.add(new String[] {checkName, expression});
            return this;
        }

        public DomainDef collate(String collationName) {
            this.collation = collationName;
            return this;
        }

        public DomainDef comment(String text) {
            this.comment = text;
            return this;
        }

        Domain build(String schema) {
            List<CheckConstraint> built = new ArrayList<>();
            int unnamed = 0;
            for (String[] c : checks) {
                String n = c[0];
                if (n == null) n = NamingConvention.truncate(name + "_check" + (unnamed++ == 0 ? "" : String.valueOf(unnamed - 1)));
                built.add(new CheckConstraint(n, c[1]));
            }
            return new Domain(schema, name, bindEnum(type, schema), defaultExpr, notNull, built, collation, comment);
        }
    }

    // ---- views, routines, triggers and policies: built by MetaData.view(...), routine(...), trigger(...), policy(...)

    /** A view: {@code metadata.view(view("active_users", "SELECT id FROM users WHERE active"))}. */
    public static ViewDef view(String name, String query) {
        return new ViewDef(name, query, false);
    }

    /** A materialized view; {@code .index(index("user_id"))} adds indexes to it. */
    public static ViewDef materializedView(String name, String query) {
        return new ViewDef(name, query, true);
    }

    /** A function: {@code function("touch").returns("trigger").language("plpgsql").body("BEGIN ... END")}. */
    public static RoutineDef function(String name) {
        return new RoutineDef(name, Routine.Kind.FUNCTION);
    }

    /** A procedure (called with {@code CALL}, returns nothing). */
    public static RoutineDef procedure(String name) {
        return new RoutineDef(name, Routine.Kind.PROCEDURE);
    }

    /** A trigger: {@code trigger("touch_doc").on("doc").before(UPDATE).forEachRow().execute("touch")}. */
    public static TriggerDef trigger(String name) {
        return new TriggerDef(name);
    }

    /** A row-level security policy: {@code policy("own_rows").on("doc").using("owner = current_user")}. */
    public static PolicyDef policy(String name) {
        return new PolicyDef(name);
    }

    /** An enum type that names no schema takes the table's, as a foreign key does (rule 1). */
    private static SqlType bindEnum(SqlType type, String schema) {
        if (type instanceof SqlType.Array a) return new SqlType.Array(bindEnum(a.element(), schema));
        if (type instanceof SqlType.Enum e && e.schema() == null && schema != null) return e.withSchema(schema);
        return type;
    }
}
