package dev.retort.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The library jars show only their API (docs/api.md): every public type of a library is in a package
 * its module-info.java exports to everyone, or in an {@code internal} package that it exports to no
 * one but Retort's own modules; and the API's public signatures name no type of Retort's that users
 * cannot reach. The command line's tests see every library, so the check lives here.
 */
class PublicApiTest {
    /** The library modules with a module-info.java, and retort-embedded, an automatic module of one package. */
    private static final List<String> MODULES = List.of("retort-core", "retort-engine", "retort-postgres", "retort-jpa",
            "retort-loader", "retort-embedded");
    private static final Pattern EXPORTS = Pattern.compile("\\bexports\\s+([\\w.]+)\\s*(to\\s+[^;]+)?;");
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    /** A library: its packages exported to all, and the public types it holds. */
    private record Library(String name, Set<String> exported, Set<String> qualified, List<Class<?>> publicTypes) {
    }

    @Test
    void everyPublicTypeIsInAnExportedPackageOrAnInternalOne() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Library library : libraries()) {
            for (String p : library.exported()) {
                if (internal(p)) problems.add(library.name() + " exports internal package " + p + " to everyone");
            }
            for (String p : library.qualified()) {
                if (!internal(p)) problems.add(library.name() + " exports " + p + " to some modules only: name it internal, or export it");
            }
            for (Class<?> type : library.publicTypes()) {
                String p = type.getPackageName();
                if (!library.exported().contains(p) && !internal(p)) {
                    problems.add(library.name() + ": public " + type.getName() + " is in " + p + ", which is neither exported nor internal");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theApiNamesNoTypeUsersCannotReach() throws IOException {
        List<Library> libraries = libraries();
        Set<String> exported = new TreeSet<>();
        libraries.forEach(l -> exported.addAll(l.exported()));
        Set<String> problems = new TreeSet<>();
        for (Library library : libraries) {
            for (Class<?> type : library.publicTypes()) {
                if (!library.exported().contains(type.getPackageName())) continue;
                for (Type supertype : type.getGenericInterfaces()) check(type.getName() + " implements", supertype, exported, problems);
                for (Field f : type.getDeclaredFields()) {
                    if (visible(f.getModifiers()) && !f.isSynthetic()) {
                        check(type.getName() + "." + f.getName(), f.getGenericType(), exported, problems);
                    }
                }
                for (Constructor<?> c : type.getDeclaredConstructors()) members(type, c, exported, problems);
                for (Method m : type.getDeclaredMethods()) {
                    members(type, m, exported, problems);
                    if (visible(m.getModifiers()) && !m.isSynthetic()) {
                        check(type.getName() + "." + m.getName() + "()", m.getGenericReturnType(), exported, problems);
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theCheckSeesTheLibraries() throws IOException {
        List<Library> libraries = libraries();
        assertThat(libraries).extracting(Library::name).containsExactlyElementsOf(MODULES);
        assertThat(libraries).allSatisfy(l -> assertThat(l.publicTypes()).isNotEmpty());
        Library engine = libraries.get(1);
        assertThat(engine.exported()).containsExactlyInAnyOrder("dev.retort.api", "dev.retort.spi");
        assertThat(engine.publicTypes()).extracting(Class::getSimpleName).contains("Retort", "Runner", "Dialect");
        assertThat(libraries.get(2).publicTypes()).extracting(Class::getSimpleName).containsExactly("PostgresDialect");
    }

    private static void members(Class<?> type, Executable e, Set<String> exported, Set<String> problems) {
        if (!visible(e.getModifiers()) || e.isSynthetic()) return;
        String where = type.getName() + "." + (e instanceof Constructor ? "<init>" : e.getName()) + "()";
        for (Type t : e.getGenericParameterTypes()) check(where + " parameter", t, exported, problems);
        for (Type t : e.getGenericExceptionTypes()) check(where + " throws", t, exported, problems);
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    /** Whether {@code type}, and every type it is made of, is the JDK's, a library's, or Retort's exported API. */
    private static void check(String where, Type type, Set<String> exported, Set<String> problems) {
        if (type instanceof Class<?> c) {
            while (c.isArray()) c = c.getComponentType();
            if (c.isPrimitive() || !c.getName().startsWith("dev.retort.")) return;
            if (!exported.contains(c.getPackageName())) problems.add(where + " names " + c.getName() + ", which users cannot reach");
        } else if (type instanceof ParameterizedType p) {
            check(where, p.getRawType(), exported, problems);
            for (Type argument : p.getActualTypeArguments()) check(where, argument, exported, problems);
        } else if (type instanceof GenericArrayType a) {
            check(where, a.getGenericComponentType(), exported, problems);
        } else if (type instanceof WildcardType w) {
            for (Type bound : w.getUpperBounds()) check(where, bound, exported, problems);
            for (Type bound : w.getLowerBounds()) check(where, bound, exported, problems);
        } else if (type instanceof TypeVariable<?> v) {
            for (Type bound : v.getBounds()) {
                if (!(bound instanceof TypeVariable<?>)) check(where, bound, exported, problems);
            }
        }
    }

    private static boolean internal(String packageName) {
        return packageName.equals("internal") || packageName.contains(".internal.") || packageName.endsWith(".internal");
    }

    private static List<Library> libraries() throws IOException {
        List<Library> out = new ArrayList<>();
        for (String module : MODULES) {
            Path dir = ROOT.resolve(module);
            Path descriptor = dir.resolve("src/main/module/module-info.java");
            Set<String> exported = new TreeSet<>();
            Set<String> qualified = new TreeSet<>();
            List<Class<?>> types = publicTypes(dir.resolve("target/classes"));
            if (Files.exists(descriptor)) {
                Matcher m = EXPORTS.matcher(Files.readString(descriptor).replaceAll("(?s)/\\*.*?\\*/|//[^\\n]*", ""));
                while (m.find()) (m.group(2) == null ? exported : qualified).add(m.group(1));
            } else {
                types.forEach(t -> exported.add(t.getPackageName()));
            }
            out.add(new Library(module, exported, qualified, types));
        }
        return out;
    }

    /** The public classes, interfaces, records and enums compiled into {@code classes}, nested ones included. */
    private static List<Class<?>> publicTypes(Path classes) throws IOException {
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = classes.relativize(f).toString().replace(f.getFileSystem().getSeparator(), ".");
                name = name.substring(0, name.length() - ".class".length());
                if (name.endsWith("module-info") || name.endsWith("package-info")) continue;
                Class<?> type;
                try {
                    type = Class.forName(name, false, PublicApiTest.class.getClassLoader());
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException("not on the test class path: " + name, e);
                }
                if (type.isAnonymousClass() || type.isLocalClass() || type.isSynthetic()) continue;
                if (reachable(type)) out.add(type);
            }
        }
        return out;
    }

    /** Public, and so are the classes it is nested in. */
    private static boolean reachable(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getDeclaringClass()) {
            if (!Modifier.isPublic(c.getModifiers())) return false;
        }
        return true;
    }
}
