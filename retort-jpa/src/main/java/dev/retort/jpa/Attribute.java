package dev.retort.jpa;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.util.List;

/**
 * A persistent attribute of a class: a field, or a getter under property access.
 *
 * @param owner     the entity, mapped superclass or embeddable the attribute is read for (its type
 *                  variables are resolved against this class)
 * @param type      the attribute's class, type variables resolved
 * @param typeArgs  the classes of its type arguments ({@code List<String>} gives {@code [String]}); a
 *                  type argument that cannot be resolved is {@code Object}
 */
record Attribute(Class<?> owner, Class<?> declaringClass, String name, Class<?> type, List<Class<?>> typeArgs,
                 AnnotatedElement element) {

    <A extends Annotation> A get(Class<A> annotation) {
        return element.getAnnotation(annotation);
    }

    boolean has(Class<? extends Annotation> annotation) {
        return element.isAnnotationPresent(annotation);
    }

    /** An annotation by class name, for annotations from libraries Retort does not depend on. */
    boolean hasNamed(String annotationClassName) {
        for (Annotation a : element.getAnnotations()) {
            if (a.annotationType().getName().equals(annotationClassName)) return true;
        }
        return false;
    }

    /**
     * A member of an annotation given by class name ({@code value()}, {@code action()}), or null when
     * the attribute does not carry it.
     */
    Object namedValue(String annotationClassName, String member) {
        for (Annotation a : element.getAnnotations()) {
            if (!a.annotationType().getName().equals(annotationClassName)) continue;
            try {
                return a.annotationType().getMethod(member).invoke(a);
            } catch (ReflectiveOperationException e) {
                return null;
            }
        }
        return null;
    }

    /** {@code com.acme.Book.author}: the attribute, as error messages name it. */
    String where() {
        return owner.getName() + "." + name;
    }
}
