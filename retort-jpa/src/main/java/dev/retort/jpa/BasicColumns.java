package dev.retort.jpa;

import dev.retort.Column;
import dev.retort.SqlType;
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
 * converter's database type, then the Java type's.
 */
final class BasicColumns {
    private static final String NOT_NULL = "jakarta.validation.constraints.NotNull";

    /** How a basic value is typed: annotations of the attribute that carries it. */
    record Hints(EnumType enumerated, TemporalType temporal, boolean lob, Convert convert) {
        static Hints of(Attribute a) {
            Enumerated en = a.get(Enumerated.class);
            Temporal tm = a.get(Temporal.class);
            return new Hints(en == null ? null : en.value(), tm == null ? null : tm.value(), a.has(Lob.class), a.get(Convert.class));
        }
    }

    private final Names names;
    private final Converters converters;
    private final boolean enumChecks;

    BasicColumns(Names names, Converters converters, boolean enumChecks) {
        this.names = names;
        this.converters = converters;
        this.enumChecks = enumChecks;
    }

    /**
     * The column of a basic value.
     *
     * @param defaultLogical the name when the annotation gives none
     * @param forceNotNull   not null whatever the annotation says (key columns); primitives are not null too
     * @param forceNullable  nullable whatever else says (a SINGLE_TABLE subclass's columns)
     */
    MappedColumn column(Class<?> javaType, ColumnAnn ann, String defaultLogical, Hints hints, boolean forceNotNull,
                        boolean forceNullable, String where) {
        return make(javaType, ann, defaultLogical, hints, forceNotNull || javaType.isPrimitive(), forceNullable, where);
    }

    private MappedColumn make(Class<?> javaType, ColumnAnn ann, String defaultLogical, Hints hints, boolean notNull,
                              boolean forceNullable, String where) {
        String logical = ann.name().isEmpty() ? defaultLogical : ann.name();
        SqlType type;
        JavaTypes.EnumCheck check = null;
        String serverDefault = null;
        Boolean definitionNotNull = null;
        if (!ann.columnDefinition().isEmpty()) {
            ColumnDefinitions.Definition d = ColumnDefinitions.parse(ann.columnDefinition());
            type = d.type();
            serverDefault = d.serverDefault();
            definitionNotNull = d.notNull();
            Class<?> converter = converters.find(javaType, hints.convert(), where);
            if (converter != null && enumChecks && (javaType == Boolean.class || javaType == boolean.class)) {
                check = booleanCheck(converter, JavaTypes.converterTypes(converter, where)[1]);
            }
        } else {
            Class<?> converter = converters.find(javaType, hints.convert(), where);
            if (converter != null) {
                Class<?> databaseType = JavaTypes.converterTypes(converter, where)[1];
                type = JavaTypes.map(databaseType, ann, null, hints.lob(), null, where).type();
                if (enumChecks && (javaType == Boolean.class || javaType == boolean.class)) check = booleanCheck(converter, databaseType);
            } else {
                JavaTypes.Mapped m = JavaTypes.map(javaType, ann, hints.enumerated(), hints.lob(), hints.temporal(), where);
                type = m.type();
                check = enumChecks ? m.check() : null;
            }
        }
        boolean nullable = ann.nullable() && !notNull && !Boolean.TRUE.equals(definitionNotNull);
        if (forceNullable) nullable = true;
        Column column = Column.of(names.physical(logical), type).withNullable(nullable).withServerDefault(serverDefault)
                .withComment(ann.comment().isEmpty() ? null : ann.comment());
        return new MappedColumn(column, Names.text(logical), ann, check);
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
     * The column of a basic attribute, with Hibernate's {@code @ColumnDefault} applied. A primitive is
     * not null, except inside an embeddable: Hibernate lets a whole embedded value be null.
     */
    MappedColumn attribute(Attribute a, ColumnAnn ann, boolean forceNotNull, boolean forceNullable, boolean inEmbeddable) {
        boolean notNull = forceNotNull || requiredByAnnotation(a) || a.type().isPrimitive() && !inEmbeddable;
        MappedColumn b = make(a.type(), ann, a.name(), Hints.of(a), notNull, forceNullable, a.where());
        return HibernateAnnotations.withColumnDefault(b, a);
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

    /** {@code @Basic(optional = false)} or Bean Validation's {@code @NotNull} (read by name). */
    static boolean requiredByAnnotation(Attribute a) {
        Basic basic = a.get(Basic.class);
        return basic != null && !basic.optional() || a.hasNamed(NOT_NULL);
    }
}
