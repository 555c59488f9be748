package dev.retort.jpa;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Transient;

import java.beans.Introspector;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Finds the persistent attributes a class declares, and resolves their generic types. */
final class Attributes {
    private Attributes() {
    }

    /**
     * The access type of a hierarchy: an explicit {@code @Access} on the given class, else where
     * {@code @Id} or {@code @EmbeddedId} sits among the classes (a getter means property access), else
     * field access.
     */
    static AccessType accessOf(Class<?> annotated, List<Class<?>> hierarchy) {
        Access explicit = annotated.getAnnotation(Access.class);
        if (explicit != null) return explicit.value();
        for (Class<?> c : hierarchy) {
            for (Field f : c.getDeclaredFields()) {
                if (f.isAnnotationPresent(Id.class) || f.isAnnotationPresent(EmbeddedId.class)) return AccessType.FIELD;
            }
            for (Method m : c.getDeclaredMethods()) {
                if (m.isAnnotationPresent(Id.class) || m.isAnnotationPresent(EmbeddedId.class)) return AccessType.PROPERTY;
            }
        }
        return AccessType.FIELD;
    }

    /**
     * The persistent attributes {@code declaring} declares, in declaration order, read for the concrete
     * class {@code owner} (a subclass of it, or itself). Static, transient and {@code @Transient}
     * members are left out.
     */
    static List<Attribute> declared(Class<?> declaring, Class<?> owner, AccessType access) {
        Map<TypeVariable<?>, Type> bindings = bindings(owner, declaring);
        List<Attribute> out = new ArrayList<>();
        if (access == AccessType.FIELD) {
            for (Field f : declaring.getDeclaredFields()) {
                int mod = f.getModifiers();
                if (Modifier.isStatic(mod) || Modifier.isTransient(mod) || f.isSynthetic() || f.isAnnotationPresent(Transient.class)) continue;
                out.add(attribute(owner, declaring, f.getName(), f.getGenericType(), f, bindings));
            }
            return out;
        }
        List<String> fieldOrder = new ArrayList<>();
        for (Field f : declaring.getDeclaredFields()) fieldOrder.add(f.getName());
        for (Method m : declaring.getDeclaredMethods()) {
            String property = propertyName(m);
            if (property == null || m.isAnnotationPresent(Transient.class)) continue;
            out.add(attribute(owner, declaring, property, m.getGenericReturnType(), m, bindings));
        }
        // getDeclaredMethods has no defined order: follow the fields, then the names
        out.sort(Comparator.comparingInt((Attribute a) -> {
            int i = fieldOrder.indexOf(a.name());
            return i < 0 ? Integer.MAX_VALUE : i;
        }).thenComparing(Attribute::name));
        return out;
    }

    /** An embeddable's attributes, its mapped or embeddable superclasses' first, under its owner's access unless it declares its own. */
    static List<Attribute> ofEmbeddable(Class<?> embeddable, AccessType ownerAccess) {
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> c = embeddable; c != null && c != Object.class; c = c.getSuperclass()) {
            if (c == embeddable || c.isAnnotationPresent(MappedSuperclass.class) || c.isAnnotationPresent(Embeddable.class)) chain.add(0, c);
        }
        Access explicit = embeddable.getAnnotation(Access.class);
        AccessType access = explicit != null ? explicit.value() : ownerAccess;
        List<Attribute> out = new ArrayList<>();
        for (Class<?> c : chain) out.addAll(declared(c, embeddable, access));
        return out;
    }

    private static String propertyName(Method m) {
        int mod = m.getModifiers();
        if (Modifier.isStatic(mod) || m.isSynthetic() || m.isBridge() || m.getParameterCount() != 0) return null;
        String n = m.getName();
        if (n.startsWith("get") && n.length() > 3 && m.getReturnType() != void.class && !n.equals("getClass")) {
            return Introspector.decapitalize(n.substring(3));
        }
        if (n.startsWith("is") && n.length() > 2 && (m.getReturnType() == boolean.class || m.getReturnType() == Boolean.class)) {
            return Introspector.decapitalize(n.substring(2));
        }
        return null;
    }

    private static Attribute attribute(Class<?> owner, Class<?> declaring, String name, Type generic,
                                       java.lang.reflect.AnnotatedElement element, Map<TypeVariable<?>, Type> bindings) {
        Type resolved = resolve(generic, bindings);
        List<Class<?>> args = new ArrayList<>();
        if (resolved instanceof ParameterizedType p) {
            for (Type t : p.getActualTypeArguments()) args.add(raw(resolve(t, bindings)));
        }
        return new Attribute(owner, declaring, name, raw(resolved), List.copyOf(args), element);
    }

    /** The type variables of every class between {@code from} (inclusive) and {@code to}, bound. */
    private static Map<TypeVariable<?>, Type> bindings(Class<?> from, Class<?> to) {
        Map<TypeVariable<?>, Type> out = new HashMap<>();
        Class<?> c = from;
        while (c != null && c != to && c != Object.class) {
            Type sup = c.getGenericSuperclass();
            if (sup instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
                TypeVariable<?>[] vars = raw.getTypeParameters();
                Type[] actual = p.getActualTypeArguments();
                for (int i = 0; i < vars.length; i++) out.put(vars[i], resolve(actual[i], out));
            }
            c = c.getSuperclass();
        }
        return out;
    }

    private static Type resolve(Type t, Map<TypeVariable<?>, Type> bindings) {
        if (t instanceof TypeVariable<?> v) {
            Type bound = bindings.get(v);
            return bound != null ? bound : v;
        }
        return t;
    }

    /** The class behind a type; an unbound type variable or wildcard gives its first bound. */
    static Class<?> raw(Type t) {
        if (t instanceof Class<?> c) return c;
        if (t instanceof ParameterizedType p) return raw(p.getRawType());
        if (t instanceof GenericArrayType g) return java.lang.reflect.Array.newInstance(raw(g.getGenericComponentType()), 0).getClass();
        if (t instanceof TypeVariable<?> v) return v.getBounds().length == 0 ? Object.class : raw(v.getBounds()[0]);
        if (t instanceof WildcardType w) return w.getUpperBounds().length == 0 ? Object.class : raw(w.getUpperBounds()[0]);
        return Object.class;
    }
}
