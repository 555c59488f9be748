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
     * @param forceNotNull   not null whatever the annotation says (key columns, set elements)
     * @param forceNullable  nullable whatever else says (a SINGLE_TABLE subclass's columns)
     */
    MappedColumn column(Class<?> javaType, ColumnAnn ann, String defaultLogical, Hints hints, boolean forceNotNull,
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
        } else {
            Class<?> converter = converters.find(javaType, hints.convert(), where);
            if (converter != null) {
                Class<?> databaseType = JavaTypes.converterTypes(converter, where)[1];
                type = JavaTypes.map(databaseType, ann, null, hints.lob(), null, where).type();
            } else {
                JavaTypes.Mapped m = JavaTypes.map(javaType, ann, hints.enumerated(), hints.lob(), hints.temporal(), where);
                type = m.type();
                check = enumChecks ? m.check() : null;
            }
        }
        boolean nullable = ann.nullable() && !javaType.isPrimitive() && !forceNotNull && !Boolean.TRUE.equals(definitionNotNull);
        if (forceNullable) nullable = true;
        Column column = Column.of(names.physical(logical), type).withNullable(nullable).withServerDefault(serverDefault)
                .withComment(ann.comment().isEmpty() ? null : ann.comment());
        return new MappedColumn(column, Names.text(logical), ann, check);
    }

    /** The column of a basic attribute, with Hibernate's {@code @ColumnDefault} applied. */
    MappedColumn attribute(Attribute a, ColumnAnn ann, boolean forceNotNull, boolean forceNullable) {
        MappedColumn b = column(a.type(), ann, a.name(), Hints.of(a), forceNotNull || requiredByAnnotation(a), forceNullable, a.where());
        return HibernateAnnotations.withColumnDefault(b, a);
    }

    /** {@code @Basic(optional = false)} or Bean Validation's {@code @NotNull} (read by name). */
    static boolean requiredByAnnotation(Attribute a) {
        Basic basic = a.get(Basic.class);
        return basic != null && !basic.optional() || a.hasNamed(NOT_NULL);
    }
}
