package dev.retort.jpa;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Jakarta Bean Validation constraints as Hibernate ORM 7 applies them to DDL when a validator is on
 * its class path (its {@code TypeSafeActivator}), read by annotation name: Retort depends on no
 * validation API, and the model's class loader need not share one with it.
 *
 * <p>What Hibernate does, and so what this does:
 * <ul>
 *   <li>the constraints of an attribute are those Bean Validation finds for its property: on the field
 *       and on the getter ({@code getX()}, or {@code isX()} returning {@code boolean}), in the class and
 *       its superclasses (and interfaces, for getters), whatever the access type;</li>
 *   <li>only constraints in the DDL groups count: {@code Default} unless configured (a constraint that
 *       names no group is in {@code Default});</li>
 *   <li>{@code @NotNull}, {@code @NotEmpty} and {@code @NotBlank} make the columns not null, except in a
 *       SINGLE_TABLE subclass; {@code @Size(max)} and Hibernate Validator's {@code @Length(max)} give a
 *       {@code String} its length; {@code @Digits} gives precision {@code integer + fraction} and scale
 *       {@code fraction}; {@code @Min} and {@code @Max} add {@code x>=min}, {@code x<=max} to the
 *       column's check;</li>
 *   <li>a composed constraint applies what its parts do ({@code @OverridesAttribute} honoured), and is
 *       not null when one part is, or, composed with {@code OR}, when every part is;</li>
 *   <li>inside an embeddable only when the embedded attribute is {@code @Valid} (and, for not null,
 *       also required, all the way down); never inside element collections.</li>
 * </ul>
 */
final class Validation {
    private static final String CONSTRAINT = "jakarta.validation.Constraint";
    private static final String VALID = "jakarta.validation.Valid";
    private static final String OVERRIDES = "jakarta.validation.OverridesAttribute";
    private static final String OVERRIDES_LIST = "jakarta.validation.OverridesAttribute$List";
    private static final String COMPOSITION = "org.hibernate.validator.constraints.ConstraintComposition";
    static final String DEFAULT_GROUP = "jakarta.validation.groups.Default";
    private static final String PACKAGE = "jakarta.validation.constraints.";
    private static final Set<String> NOT_NULL = Set.of(PACKAGE + "NotNull", PACKAGE + "NotEmpty", PACKAGE + "NotBlank");
    private static final String SIZE = PACKAGE + "Size";
    private static final String DIGITS = PACKAGE + "Digits";
    private static final String MIN = PACKAGE + "Min";
    private static final String MAX = PACKAGE + "Max";
    private static final String LENGTH = "org.hibernate.validator.constraints.Length";
    /** Bean Validation forbids a constraint composed of itself; this bounds a malformed one. */
    private static final int MAX_DEPTH = 16;

    /**
     * Whether the constraints of an attribute apply where it sits: at the top of an entity yes; inside
     * an embeddable only when every embedded attribute above it is {@code @Valid}, and their not-null
     * constraints only when every one above is also required.
     */
    record Scope(boolean applies, boolean notNull) {
        static final Scope ENTITY = new Scope(true, true);
        static final Scope NONE = new Scope(false, false);
    }

    /** A bound {@code @Min} or {@code @Max} puts on a column: {@code >=} or {@code <=} a value. */
    record Bound(String operator, long value) {
        String expression(String quotedColumn) {
            return quotedColumn + " " + operator + " " + value;
        }
    }

    /**
     * What an attribute's constraints do to its columns.
     *
     * @param length    a string's length, or null
     * @param precision a number's precision ({@code @Digits}), or null; {@code scale} with it
     * @param bounds    the checks of {@code @Min} and {@code @Max}, in the order found
     */
    record Effects(boolean notNull, Integer length, Integer precision, Integer scale, List<Bound> bounds) {
        static final Effects NONE = new Effects(false, null, null, null, List.of());

        /** The column annotation as the constraints amend it: their length, precision and scale win. */
        ColumnAnn amend(ColumnAnn ann) {
            ColumnAnn out = ann;
            if (length != null) out = out.withLength(length);
            if (precision != null) out = out.withPrecision(precision, scale);
            return out;
        }
    }

    /** A constraint annotation, with the attribute values a composing constraint's owner overrides, and its parts. */
    private record Node(Annotation annotation, Map<String, Object> overrides, List<Node> parts, boolean or) {
        String type() {
            return annotation.annotationType().getName();
        }

        Object value(String member) {
            if (overrides.containsKey(member)) return overrides.get(member);
            return invoke(annotation, member);
        }
    }

    private final BeanValidation mode;
    private final Set<String> groups;
    private final Map<Class<?>, Boolean> constraintTypes = new HashMap<>();

    /** @param groups the names of the DDL groups ({@value #DEFAULT_GROUP} unless configured) */
    Validation(BeanValidation mode, Set<String> groups) {
        this.mode = mode;
        this.groups = Set.copyOf(groups);
    }

    /** What the constraints of an attribute do to its columns where it sits. */
    Effects of(Attribute a, Scope scope) {
        if (mode == BeanValidation.NONE || !scope.applies()) return Effects.NONE;
        List<Node> nodes = new ArrayList<>();
        for (Annotation ann : annotationsOf(a.owner(), a.name())) collect(ann, nodes, 0);
        if (nodes.isEmpty()) return Effects.NONE;
        Accumulated acc = new Accumulated(a.type() == String.class);
        boolean notNull = apply(nodes, groups, scope.notNull(), false, acc);
        return new Effects(notNull, acc.length, acc.precision, acc.scale, List.copyOf(acc.bounds));
    }

    /** The scope of the attributes of an embeddable held by this attribute (an {@code @Embedded} or {@code @EmbeddedId}). */
    Scope inside(Attribute holder, Scope outer) {
        if (mode == BeanValidation.NONE || !outer.applies() || !cascaded(holder)) return Scope.NONE;
        return new Scope(true, outer.notNull() && of(holder, outer).notNull());
    }

    /** Whether Bean Validation validates into the attribute's value: {@code @Valid} on its field or getter. */
    private static boolean cascaded(Attribute a) {
        for (Annotation ann : annotationsOf(a.owner(), a.name())) {
            if (ann.annotationType().getName().equals(VALID)) return true;
        }
        return false;
    }

    private static final class Accumulated {
        final boolean string;
        Integer length;
        Integer precision;
        Integer scale;
        final Set<Bound> bounds = new LinkedHashSet<>();

        Accumulated(boolean string) {
            this.string = string;
        }
    }

    /**
     * Applies constraints and tells whether they make the attribute not null: one of them does, or,
     * when composed with {@code OR}, every one does. A constraint outside {@code inGroups} (null: any,
     * as for the parts of a composed constraint) applies nothing.
     */
    private boolean apply(List<Node> nodes, Set<String> inGroups, boolean canNotNull, boolean or, Accumulated acc) {
        boolean first = true;
        boolean result = false;
        for (Node n : nodes) {
            boolean notNull = false;
            if (inGroups == null || inGroups(n, inGroups)) {
                if (canNotNull) notNull = NOT_NULL.contains(n.type());
                effect(n, acc);
                if (!n.parts().isEmpty()) notNull |= apply(n.parts(), null, canNotNull, n.or(), acc);
            }
            if (first) {
                result = notNull;
                first = false;
            } else if (or) {
                result &= notNull;
            } else {
                result |= notNull;
            }
        }
        return result;
    }

    private static boolean inGroups(Node n, Set<String> wanted) {
        Object declared = n.value("groups");
        if (!(declared instanceof Class<?>[] classes) || classes.length == 0) return wanted.contains(DEFAULT_GROUP);
        for (Class<?> g : classes) {
            if (wanted.contains(g.getName())) return true;
        }
        return false;
    }

    private static void effect(Node n, Accumulated acc) {
        switch (n.type()) {
            case SIZE, LENGTH -> {
                if (n.value("max") instanceof Number max && acc.string && max.intValue() < Integer.MAX_VALUE) acc.length = max.intValue();
            }
            case DIGITS -> {
                if (n.value("integer") instanceof Number integer && n.value("fraction") instanceof Number fraction) {
                    acc.precision = integer.intValue() + fraction.intValue();
                    acc.scale = fraction.intValue();
                }
            }
            case MIN -> {
                if (n.value("value") instanceof Number min) acc.bounds.add(new Bound(">=", min.longValue()));
            }
            case MAX -> {
                if (n.value("value") instanceof Number max) acc.bounds.add(new Bound("<=", max.longValue()));
            }
            default -> {
            }
        }
    }

    /** Adds a constraint annotation, or each constraint of a repeated one's container ({@code @Size.List}), with its parts. */
    private void collect(Annotation ann, List<Node> out, int depth) {
        if (depth > MAX_DEPTH) return;
        if (isConstraint(ann.annotationType())) {
            out.add(node(ann, depth));
            return;
        }
        for (Annotation inner : containerValues(ann)) {
            if (isConstraint(inner.annotationType())) out.add(node(inner, depth));
        }
    }

    private Node node(Annotation ann, int depth) {
        List<Node> parts = new ArrayList<>();
        for (Annotation meta : ann.annotationType().getDeclaredAnnotations()) collect(meta, parts, depth + 1);
        List<Node> overridden = override(ann, parts);
        return new Node(ann, Map.of(), overridden, overridden.size() >= 2 && composedWithOr(ann.annotationType()));
    }

    /** The parts with the values the composed annotation passes down to them ({@code @OverridesAttribute}). */
    private static List<Node> override(Annotation composed, List<Node> parts) {
        if (parts.isEmpty()) return parts;
        List<Map<String, Object>> values = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) values.add(new HashMap<>());
        for (Method m : composed.annotationType().getDeclaredMethods()) {
            for (Annotation o : overridesOn(m)) {
                String target = ((Class<?>) invoke(o, "constraint")).getName();
                String name = (String) invoke(o, "name");
                int index = ((Number) invoke(o, "constraintIndex")).intValue();
                Object value = invoke(composed, m.getName());
                int seen = 0;
                for (int i = 0; i < parts.size(); i++) {
                    if (!parts.get(i).type().equals(target)) continue;
                    if (index < 0 || index == seen) values.get(i).put(name.isEmpty() ? m.getName() : name, value);
                    seen++;
                }
            }
        }
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Node p = parts.get(i);
            out.add(values.get(i).isEmpty() ? p : new Node(p.annotation(), Map.copyOf(values.get(i)), p.parts(), p.or()));
        }
        return out;
    }

    private static List<Annotation> overridesOn(Method m) {
        List<Annotation> out = new ArrayList<>();
        for (Annotation a : m.getDeclaredAnnotations()) {
            String name = a.annotationType().getName();
            if (name.equals(OVERRIDES)) out.add(a);
            else if (name.equals(OVERRIDES_LIST)) out.addAll(containerValues(a));
        }
        return out;
    }

    /** Hibernate Validator's {@code @ConstraintComposition(OR)}: the constraint holds when any part does. */
    private static boolean composedWithOr(Class<? extends Annotation> type) {
        for (Annotation a : type.getDeclaredAnnotations()) {
            if (a.annotationType().getName().equals(COMPOSITION)) return "OR".equals(String.valueOf(invoke(a, "value")));
        }
        return false;
    }

    private boolean isConstraint(Class<? extends Annotation> type) {
        return constraintTypes.computeIfAbsent(type, t -> {
            for (Annotation a : t.getDeclaredAnnotations()) {
                if (a.annotationType().getName().equals(CONSTRAINT)) return true;
            }
            return false;
        });
    }

    /** The annotations a container annotation holds in its {@code value()}; none for other annotations. */
    private static List<Annotation> containerValues(Annotation ann) {
        Method value;
        try {
            value = ann.annotationType().getDeclaredMethod("value");
        } catch (NoSuchMethodException e) {
            return List.of();
        }
        if (!value.getReturnType().isArray() || !value.getReturnType().getComponentType().isAnnotation()) return List.of();
        Object[] values = (Object[]) invoke(ann, "value");
        List<Annotation> out = new ArrayList<>();
        for (Object v : values) out.add((Annotation) v);
        return out;
    }

    private static Object invoke(Annotation ann, String member) {
        try {
            Method m = ann.annotationType().getMethod(member);
            m.setAccessible(true);
            return m.invoke(ann);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The annotations Bean Validation reads for a property: on the field of that name and on its
     * getters, in the class, its superclasses and, for getters, their interfaces.
     */
    static List<Annotation> annotationsOf(Class<?> owner, String property) {
        List<Annotation> out = new ArrayList<>();
        Set<Class<?>> interfaces = new HashSet<>();
        for (Class<?> c = owner; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getName().equals(property) && !Modifier.isStatic(f.getModifiers())) out.addAll(List.of(f.getDeclaredAnnotations()));
            }
            getterAnnotations(c, property, out);
            for (Class<?> i : c.getInterfaces()) interfaceGetters(i, property, out, interfaces);
        }
        return out;
    }

    private static void interfaceGetters(Class<?> type, String property, List<Annotation> out, Set<Class<?>> seen) {
        if (!seen.add(type)) return;
        getterAnnotations(type, property, out);
        for (Class<?> i : type.getInterfaces()) interfaceGetters(i, property, out, seen);
    }

    private static void getterAnnotations(Class<?> c, String property, List<Annotation> out) {
        for (Method m : c.getDeclaredMethods()) {
            if (Objects.equals(getterProperty(m), property)) out.addAll(List.of(m.getDeclaredAnnotations()));
        }
    }

    /** The property a getter reads, as Hibernate Validator tells getters: {@code getX()}, or {@code isX()} returning {@code boolean}. */
    private static String getterProperty(Method m) {
        if (Modifier.isStatic(m.getModifiers()) || m.isSynthetic() || m.isBridge() || m.getParameterCount() != 0) return null;
        String n = m.getName();
        if (n.startsWith("get") && n.length() > 3 && m.getReturnType() != void.class) return decapitalize(n.substring(3));
        if (n.startsWith("is") && n.length() > 2 && m.getReturnType() == boolean.class) return decapitalize(n.substring(2));
        return null;
    }

    private static String decapitalize(String s) {
        return java.beans.Introspector.decapitalize(s);
    }
}
