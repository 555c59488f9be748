package dev.retort.jpa;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;

import java.lang.invoke.MethodType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The attribute converters of the model: those {@code @Convert} names and those applied automatically. */
final class Converters {
    private final Map<Class<?>, Class<?>> autoApplied = new HashMap<>();

    /** Collects the {@code @Converter(autoApply = true)} classes among the given ones; two for one Java type are refused. */
    Converters(List<Class<?>> classes) {
        for (Class<?> c : classes) {
            Converter converter = c.getAnnotation(Converter.class);
            if (converter == null || !converter.autoApply()) continue;
            Class<?> x = JavaTypes.converterTypes(c, c.getName())[0];
            Class<?> before = autoApplied.putIfAbsent(x, c);
            if (before != null && before != c) {
                throw new JpaMappingException(c.getName(), "auto-applies to " + x.getName() + ", as " + before.getName() + " does");
            }
        }
    }

    /**
     * The database values a converter gives {@code false} and {@code true}, in that order, from which
     * Hibernate makes a check constraint on a converted boolean; null when the converter cannot be
     * made here (no constructor without arguments: an application's container may inject it) or gives
     * a null.
     */
    static List<Object> booleanValues(Class<?> converter) {
        try {
            var constructor = converter.getDeclaredConstructor();
            constructor.setAccessible(true);
            @SuppressWarnings("unchecked")
            AttributeConverter<Boolean, Object> c = (AttributeConverter<Boolean, Object>) constructor.newInstance();
            Object no = c.convertToDatabaseColumn(Boolean.FALSE);
            Object yes = c.convertToDatabaseColumn(Boolean.TRUE);
            return no == null || yes == null ? null : List.of(no, yes);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** The converter that applies to a value of that Java type, or null. */
    Class<?> find(Class<?> javaType, Convert convert, String where) {
        if (convert != null) {
            if (convert.disableConversion()) return null;
            if (convert.converter() != AttributeConverter.class) return convert.converter();
            if (!convert.attributeName().isEmpty()) {
                throw new JpaMappingException(where, "@Convert(attributeName) is not supported here; put @Convert on the attribute it converts");
            }
        }
        return autoApplied.get(javaType.isPrimitive() ? MethodType.methodType(javaType).wrap().returnType() : javaType);
    }
}
