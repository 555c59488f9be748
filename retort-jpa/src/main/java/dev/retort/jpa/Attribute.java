package dev.retort.jpa;

import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;

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

    /** A relationship (to-one, to-many), as opposed to a basic, embedded or element-collection attribute. */
    boolean isRelationship() {
        return has(ManyToOne.class) || has(OneToOne.class) || has(OneToMany.class) || has(ManyToMany.class);
    }

    /** The entity class a relationship points at ({@code targetEntity}, else the declared type); null for other attributes. */
    Class<?> relationTarget() {
        if (has(ManyToOne.class)) return explicit(get(ManyToOne.class).targetEntity(), type);
        if (has(OneToOne.class)) return explicit(get(OneToOne.class).targetEntity(), type);
        if (has(OneToMany.class)) return explicit(get(OneToMany.class).targetEntity(), elementType());
        if (has(ManyToMany.class)) return explicit(get(ManyToMany.class).targetEntity(), elementType());
        return null;
    }

    private static Class<?> explicit(Class<?> declared, Class<?> inferred) {
        return declared == void.class ? inferred : declared;
    }

    /** The element of a collection, the value of a map; {@code Object} when the type does not say. */
    Class<?> elementType() {
        if (typeArgs.isEmpty()) return Object.class;
        return typeArgs.get(typeArgs.size() - 1);
    }

    /** {@code com.acme.Book.author}: the attribute, as error messages name it. */
    String where() {
        return owner.getName() + "." + name;
    }
}
