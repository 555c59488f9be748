package dev.retort.jpa;

import dev.retort.Column;
import dev.retort.SqlType;
import dev.retort.Types;
import jakarta.persistence.Basic;
import jakarta.persistence.Convert;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Lob;
import jakarta.persistence.Temporal;
import jakarta.persistence.TemporalType;

import java.util.List;

/**
 * Columns for basic values: their name, type and nullability. {@code columnDefinition} wins, then a
 * converter's database type, then the Java type's; Bean Validation constraints amend length,
 * precision, nullability and checks as Hibernate ORM applies them ({@link Validation}).
 */
final class BasicColumns {
    /** How a basic value is typed: annotations of the attribute that carries it. */
    record Hints(EnumType enumerated, TemporalType temporal, boolean lob, Convert convert) {
        static Hints of(Attribute a) {
            Enumerated en = a.get(Enumerated.class);
            Temporal tm = a.get(Temporal.class);
            return new Hints(en == null ? null : en.value(), tm == null ? null : tm.value(), a.has(Lob.class), a.get(Convert.class));
        }
    }

    /** A column's type, the check its values get, and what its definition says. */
    private record Typed(SqlType type, JavaTypes.EnumCheck check, String serverDefault, boolean definitionNotNull) {
    }

    private final Names names;
    private final Converters converters;
    private final boolean enumChecks;
    private final Validation validation;

    BasicColumns(Names names, Converters converters, boolean enumChecks, Validation validation) {
        this.names = names;
        this.converters = converters;
        this.enumChecks = enumChecks;
        this.validation = validation;
    }

    /**
     * The column of a basic value that is no attribute of its own (a map key, a collection's element):
     * Bean Validation does not reach it.
     *
     * @param defaultLogical the name when the annotation gives none
     * @param forceNotNull   not null whatever the annotation says (key columns); primitives are not null too
     * @param forceNullable  nullable whatever else says (a SINGLE_TABLE subclass's columns)
     */
    MappedColumn column(Class<?> javaType, ColumnAnn ann, String defaultLogical, Hints hints, boolean forceNotNull,
                        boolean forceNullable, String where) {
        return make(javaType, ann, defaultLogical, hints, forceNotNull || javaType.isPrimitive(), forceNullable,
                Validation.Effects.NONE, where);
    }

    /** The column of an {@code @Id} attribute (or a part of an {@code @EmbeddedId} in the given scope): not null. */
    MappedColumn id(Attribute a, ColumnAnn ann, Validation.Scope scope) {
        return make(a.type(), ann, a.name(), Hints.of(a), true, false, validation.of(a, scope), a.where());
    }

    private MappedColumn make(Class<?> javaType, ColumnAnn ann, String defaultLogical, Hints hints, boolean notNull,
                              boolean forceNullable, Validation.Effects effects, String where) {
        String logical = ann.name().isEmpty() ? defaultLogical : ann.name();
        ColumnAnn amended = effects.amend(ann);
        Typed typed = typed(javaType, amended, hints, where);
        SqlType referenceType = amended == ann ? typed.type() : typed(javaType, ann, hints, where).type();
        boolean nullable = ann.nullable() && !notNull && !effects.notNull() && !typed.definitionNotNull();
        if (forceNullable) nullable = true;
        if (!effects.bounds().isEmpty() && !isNumber(typed.type())) {
            Validation.Bound b = effects.bounds().get(0);
            throw new JpaMappingException(where, "@" + (b.operator().equals(">=") ? "Min" : "Max") + " on a column of type "
                    + typed.type() + ": Hibernate ORM checks it with " + names.physical(logical) + b.operator() + b.value()
                    + ", which PostgreSQL rejects; remove the constraint or map a number");
        }
        Column column = Column.of(names.physical(logical), typed.type()).withNullable(nullable).withServerDefault(typed.serverDefault())
                .withComment(ann.comment().isEmpty() ? null : ann.comment());
        return new MappedColumn(column, Names.text(logical), ann, typed.check(), effects.bounds(), referenceType);
    }

    private Typed typed(Class<?> javaType, ColumnAnn ann, Hints hints, String where) {
        if (!ann.columnDefinition().isEmpty()) {
            ColumnDefinitions.Definition d = ColumnDefinitions.parse(ann.columnDefinition());
            JavaTypes.EnumCheck check = null;
            Class<?> converter = converters.find(javaType, hints.convert(), where);
            if (converter != null && enumChecks && (javaType == Boolean.class || javaType == boolean.class)) {
                check = booleanCheck(converter, JavaTypes.converterTypes(converter, where)[1]);
            }
            return new Typed(d.type(), check, d.serverDefault(), Boolean.TRUE.equals(d.notNull()));
        }
        Class<?> converter = converters.find(javaType, hints.convert(), where);
        if (converter != null) {
            Class<?> databaseType = JavaTypes.converterTypes(converter, where)[1];
            SqlType type = JavaTypes.map(databaseType, ann, null, hints.lob(), null, where).type();
            JavaTypes.EnumCheck check = enumChecks && (javaType == Boolean.class || javaType == boolean.class)
                    ? booleanCheck(converter, databaseType) : null;
            return new Typed(type, check, null, false);
        }
        JavaTypes.Mapped m = JavaTypes.map(javaType, ann, hints.enumerated(), hints.lob(), hints.temporal(), where);
        return new Typed(m.type(), enumChecks ? m.check() : null, null, false);
    }

    private static boolean isNumber(SqlType t) {
        return t == Types.SMALLINT || t == Types.INTEGER || t == Types.BIGINT || t == Types.REAL || t == Types.DOUBLE
                || t instanceof SqlType.Numeric;
    }

    /** Hibernate's check on a converted boolean: the column holds what the converter makes of false and true. */
    private static JavaTypes.EnumCheck booleanCheck(Class<?> converter, Class<?> databaseType) {
        List<Object> values = Converters.booleanValues(converter);
        if (values == null) return null;
        boolean numeric = Number.class.isAssignableFrom(databaseType);
        if (!numeric && databaseType != String.class && databaseType != Character.class) return null;
        return new JavaTypes.EnumCheck(values.stream().map(String::valueOf).toList(), numeric);
    }

    /**
     * The column of a basic attribute, with Hibernate's {@code @ColumnDefault} and the Bean Validation
     * constraints that reach it where it sits. A primitive is not null, except inside an embeddable:
     * Hibernate lets a whole embedded value be null.
     */
    MappedColumn attribute(Attribute a, ColumnAnn ann, boolean forceNotNull, boolean forceNullable, boolean inEmbeddable,
                           Validation.Scope scope) {
        boolean notNull = forceNotNull || requiredByAnnotation(a) || a.type().isPrimitive() && !inEmbeddable;
        MappedColumn b = make(a.type(), ann, a.name(), Hints.of(a), notNull, forceNullable, validation.of(a, scope), a.where());
        return HibernateAnnotations.withColumnDefault(b, a);
    }

    /** Whether Bean Validation makes a relationship's join columns not null where it sits. */
    boolean requiredByValidation(Attribute a, Validation.Scope scope) {
        return validation.of(a, scope).notNull();
    }

    /** The scope of the attributes of the embeddable an attribute holds. */
    Validation.Scope inside(Attribute holder, Validation.Scope outer) {
        return validation.inside(holder, outer);
    }

    /**
     * Whether a SINGLE_TABLE subclass's attribute must be set in that subclass's rows: a primitive
     * (outside an embeddable), {@code @Basic(optional = false)}, {@code @Version} or
     * {@code @Column(nullable = false)}. Bean Validation's {@code @NotNull} does not count: Hibernate
     * does not apply it to a subclass sharing its root's table.
     */
    static boolean requiredInOwnRows(Attribute a, ColumnAnn ann, boolean inEmbeddable) {
        Basic basic = a.get(Basic.class);
        return !ann.nullable() || a.type().isPrimitive() && !inEmbeddable || basic != null && !basic.optional()
                || a.has(jakarta.persistence.Version.class);
    }

    /** {@code @Basic(optional = false)}. */
    static boolean requiredByAnnotation(Attribute a) {
        Basic basic = a.get(Basic.class);
        return basic != null && !basic.optional();
    }
}
