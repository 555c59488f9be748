package dev.retort.jpa;

import dev.retort.SqlType;
import dev.retort.Types;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.EnumType;
import jakarta.persistence.EnumeratedValue;
import jakarta.persistence.TemporalType;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Year;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The column type of a basic Java type, with the defaults Hibernate ORM uses on PostgreSQL. */
final class JavaTypes {
    /** PostgreSQL's longest varchar; Hibernate uses text beyond it. */
    static final int MAX_VARCHAR = 10_485_760;

    /** Hibernate's default precision and scale for BigDecimal. */
    static final int DEFAULT_PRECISION = 38;
    static final int DEFAULT_SCALE = 2;

    private static final Map<Class<?>, SqlType> FIXED = Map.ofEntries(
            Map.entry(Long.class, Types.BIGINT), Map.entry(long.class, Types.BIGINT),
            Map.entry(Integer.class, Types.INTEGER), Map.entry(int.class, Types.INTEGER),
            Map.entry(Short.class, Types.SMALLINT), Map.entry(short.class, Types.SMALLINT),
            Map.entry(Byte.class, Types.SMALLINT), Map.entry(byte.class, Types.SMALLINT),
            Map.entry(Boolean.class, Types.BOOLEAN), Map.entry(boolean.class, Types.BOOLEAN),
            Map.entry(Double.class, Types.DOUBLE), Map.entry(double.class, Types.DOUBLE),
            Map.entry(Float.class, Types.REAL), Map.entry(float.class, Types.REAL),
            Map.entry(Character.class, Types.charType(1)), Map.entry(char.class, Types.charType(1)),
            Map.entry(UUID.class, Types.UUID),
            Map.entry(byte[].class, Types.BINARY), Map.entry(Byte[].class, Types.BINARY),
            Map.entry(Instant.class, Types.TIMESTAMPTZ), Map.entry(OffsetDateTime.class, Types.TIMESTAMPTZ),
            Map.entry(ZonedDateTime.class, Types.TIMESTAMPTZ), Map.entry(LocalDateTime.class, Types.TIMESTAMP),
            Map.entry(LocalDate.class, Types.DATE), Map.entry(LocalTime.class, Types.TIME),
            // Hibernate normalises an OffsetTime to UTC and stores it without its offset
            Map.entry(OffsetTime.class, Types.TIME),
            // Hibernate binds a Duration as its nanoseconds: an interval column rejects it
            Map.entry(Duration.class, Types.numeric(21, 0)),
            Map.entry(Year.class, Types.INTEGER),
            Map.entry(java.sql.Timestamp.class, Types.TIMESTAMP), Map.entry(java.sql.Date.class, Types.DATE),
            Map.entry(java.sql.Time.class, Types.TIME));

    /** Hibernate's default fractional-second precision of a time of day. */
    static final int TIME_PRECISION = 0;
    /** Hibernate's default fractional-second precision of a timestamp (PostgreSQL's own, which Hibernate still writes). */
    static final int TIMESTAMP_PRECISION = 6;
    /** Bits per decimal digit, as Hibernate converts a floating-point column's precision. */
    private static final double LOG2_OF_10 = Math.log(10) / Math.log(2);

    /** A type and, for enums, the values a check constraint allows. */
    record Mapped(SqlType type, EnumCheck check) {
    }

    /**
     * The values a column may hold: numbers, or strings to be quoted.
     *
     * @param ordinals the values are an enum's ordinals, which Hibernate checks as a range
     */
    record EnumCheck(List<String> values, boolean numeric, boolean ordinals) {
        EnumCheck(List<String> values, boolean numeric) {
            this(values, numeric, false);
        }

        /** The check expression over a column (already quoted as needed). */
        String expression(String column) {
            if (ordinals && isRange(values)) return column + " between " + values.get(0) + " and " + values.get(values.size() - 1);
            List<String> literals = new ArrayList<>();
            for (String v : values) literals.add(numeric ? v : "'" + v.replace("'", "''") + "'");
            return column + " in (" + String.join(",", literals) + ")";
        }

        private static boolean isRange(List<String> values) {
            for (int i = 0; i < values.size(); i++) {
                if (!values.get(i).equals(String.valueOf(i))) return false;
            }
            return true;
        }
    }

    private JavaTypes() {
    }

    /**
     * The column type of a basic attribute.
     *
     * @param enumerated the {@code @Enumerated} value, or null when the annotation is absent
     * @param temporal   the {@code @Temporal} value, or null
     */
    static Mapped map(Class<?> type, ColumnAnn column, EnumType enumerated, boolean lob, TemporalType temporal, String where) {
        if (type.isEnum()) return enumType(type, column, enumerated, where);
        if (type == String.class || type == char[].class || type == Character[].class) {
            if (lob || column.length() > MAX_VARCHAR) return plain(Types.TEXT);
            return plain(Types.varchar(positive(column.length(), where, "length")));
        }
        if (type == BigDecimal.class) {
            int precision = column.precision() > 0 ? column.precision() : DEFAULT_PRECISION;
            int scale = column.precision() > 0 || column.scale() > 0 ? column.scale() : DEFAULT_SCALE;
            return plain(numeric(precision, scale, where));
        }
        if (type == BigInteger.class) {
            return plain(numeric(column.precision() > 0 ? column.precision() : DEFAULT_PRECISION, column.scale(), where));
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class) {
            return plain(floating(type == Float.class || type == float.class ? Types.REAL : Types.DOUBLE, column, where));
        }
        if ((type == byte[].class || type == Byte[].class) && lob) {
            // Hibernate writes a @Lob byte[] as a large object and keeps its oid: a bytea column rejects it
            return plain(Types.nativeType("oid"));
        }
        if (type == Date.class || type == Calendar.class) {
            SqlType t = temporal == TemporalType.DATE ? Types.DATE : temporal == TemporalType.TIME ? Types.TIME : Types.TIMESTAMP;
            return plain(withSecondPrecision(t, column.secondPrecision()));
        }
        SqlType fixed = FIXED.get(type);
        if (fixed != null) return plain(withSecondPrecision(fixed, column.secondPrecision()));
        throw new JpaMappingException(where, "Java type " + type.getName() + " has no column type; map it with "
                + "@Column(columnDefinition = ...), an AttributeConverter, @Embedded or a relationship, or mark it @Transient");
    }

    private static Mapped plain(SqlType type) {
        return new Mapped(type, null);
    }

    private static int positive(int value, String where, String what) {
        if (value < 1) throw new JpaMappingException(where, "@Column(" + what + " = " + value + ") must be positive");
        return value;
    }

    private static SqlType numeric(int precision, int scale, String where) {
        try {
            return Types.numeric(precision, scale);
        } catch (IllegalArgumentException e) {
            throw new JpaMappingException(where, e.getMessage());
        }
    }

    /**
     * A floating-point type: Hibernate reads a precision ({@code @Column(precision)}, {@code @Digits}) as
     * decimal digits and declares {@code float(p)} with as many bits, which PostgreSQL makes {@code real}
     * up to 24 bits, {@code double precision} up to 53, and refuses beyond; a scale it refuses itself.
     */
    private static SqlType floating(SqlType fallback, ColumnAnn column, String where) {
        if (column.scale() > 0) {
            throw new JpaMappingException(where, "a scale (" + column.scale() + ") on a floating-point attribute: Hibernate ORM refuses it; "
                    + "map a BigDecimal for decimal places");
        }
        if (column.precision() <= 0) return fallback;
        int bits = (int) Math.ceil(column.precision() * LOG2_OF_10);
        if (bits <= 24) return Types.REAL;
        if (bits <= 53) return Types.DOUBLE;
        throw new JpaMappingException(where, "a precision of " + column.precision() + " digits on a floating-point attribute needs "
                + bits + " bits, more than PostgreSQL's double precision has (53); map a BigDecimal");
    }

    /**
     * A time type with the precision {@code @Column(secondPrecision)} gives, else Hibernate's (0 for a
     * time of day, 6 for timestamps), spelled out as Hibernate declares it ({@code timestamp(6)}) and as
     * the catalog then prints it, though 6 is also PostgreSQL's default.
     */
    private static SqlType withSecondPrecision(SqlType type, int given) {
        int precision = given >= 0 ? given : type == Types.TIME ? TIME_PRECISION : TIMESTAMP_PRECISION;
        if (type == Types.TIMESTAMP) return Types.nativeType("timestamp(" + precision + ") without time zone");
        if (type == Types.TIMESTAMPTZ) return Types.nativeType("timestamp(" + precision + ") with time zone");
        if (type == Types.TIME) return Types.nativeType("time(" + precision + ") without time zone");
        return type;
    }

    private static Mapped enumType(Class<?> type, ColumnAnn column, EnumType enumerated, String where) {
        Object[] constants = type.getEnumConstants();
        Field valueField = enumeratedValueField(type, where);
        List<String> values = new ArrayList<>();
        if (valueField != null) {
            // Jakarta Persistence 3.2: the constant's @EnumeratedValue field is what is stored
            for (Object c : constants) values.add(String.valueOf(read(valueField, c, where)));
            boolean numeric = valueField.getType() != String.class;
            // Hibernate stores numeric values in the ordinal's smallint; Retort widens it when a value does not fit
            Mapped field = numeric ? plain(values.stream().allMatch(JavaTypes::fitsSmallint) ? Types.SMALLINT : Types.INTEGER)
                    : map(valueField.getType(), column, null, false, null, where);
            if (numeric != (enumerated != EnumType.STRING) && enumerated != null) {
                throw new JpaMappingException(where, "@Enumerated(" + enumerated + ") does not fit @EnumeratedValue field "
                        + type.getSimpleName() + "." + valueField.getName() + " of type " + valueField.getType().getSimpleName());
            }
            return new Mapped(field.type(), new EnumCheck(values, numeric));
        }
        if (enumerated == EnumType.STRING) {
            for (Object c : constants) values.add(((Enum<?>) c).name());
            return new Mapped(Types.varchar(positive(column.length(), where, "length")), new EnumCheck(values, false));
        }
        for (int i = 0; i < constants.length; i++) values.add(String.valueOf(i));
        SqlType t = constants.length <= Short.MAX_VALUE ? Types.SMALLINT : Types.INTEGER;
        return new Mapped(t, constants.length == 0 ? null : new EnumCheck(values, true, true));
    }

    private static boolean fitsSmallint(String value) {
        long v = Long.parseLong(value);
        return v >= Short.MIN_VALUE && v <= Short.MAX_VALUE;
    }

    private static Field enumeratedValueField(Class<?> type, String where) {
        Field found = null;
        for (Field f : type.getDeclaredFields()) {
            if (!f.isAnnotationPresent(EnumeratedValue.class)) continue;
            if (found != null) throw new JpaMappingException(where, "enum " + type.getName() + " has two @EnumeratedValue fields");
            found = f;
        }
        return found;
    }

    private static Object read(Field f, Object target, String where) {
        try {
            f.setAccessible(true);
            return f.get(target);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new JpaMappingException(where, "cannot read @EnumeratedValue " + f + ": " + e);
        }
    }

    /** The Java type and database type of an {@code AttributeConverter<X, Y>}: {@code [X, Y]}. */
    static Class<?>[] converterTypes(Class<?> converter, String where) {
        for (Class<?> c = converter; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Type i : c.getGenericInterfaces()) {
                if (i instanceof ParameterizedType p && p.getRawType() == AttributeConverter.class) {
                    Class<?> x = Attributes.raw(p.getActualTypeArguments()[0]);
                    Class<?> y = Attributes.raw(p.getActualTypeArguments()[1]);
                    if (y == Object.class) break;
                    return new Class<?>[] {x, y};
                }
            }
            Type sup = c.getGenericSuperclass();
            if (sup instanceof ParameterizedType p && AttributeConverter.class.isAssignableFrom(Attributes.raw(p))) {
                Type[] args = p.getActualTypeArguments();
                if (args.length == 2 && args[1] instanceof Class<?> y) return new Class<?>[] {Attributes.raw(args[0]), y};
            }
        }
        throw new JpaMappingException(where, "cannot tell the database type of converter " + converter.getName()
                + "; implement AttributeConverter<X, Y> with concrete types");
    }
}
