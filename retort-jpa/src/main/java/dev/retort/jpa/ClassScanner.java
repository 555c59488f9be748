package dev.retort.jpa;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLConnection;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Lists the classes of a package and its subpackages as a class loader sees them, in directories and
 * jars, without loading anything beyond them and without a scanning library.
 */
final class ClassScanner {
    private ClassScanner() {
    }

    /** The classes of {@code packageName} and its subpackages, by name. */
    static List<Class<?>> scan(String packageName, ClassLoader loader) {
        String path = packageName.replace('.', '/');
        TreeSet<String> names = new TreeSet<>();
        try {
            Enumeration<URL> roots = loader.getResources(path);
            while (roots.hasMoreElements()) collect(roots.nextElement(), path, names);
            // a jar written without directory entries has no resource for the package itself
            for (ClassLoader l = loader; l != null; l = l.getParent()) {
                if (l instanceof URLClassLoader u) {
                    for (URL url : u.getURLs()) scanJarFile(url, path, names);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list package " + packageName + ": " + e.getMessage(), e);
        }
        if (names.isEmpty()) {
            throw new JpaMappingException("package " + packageName, "no classes found by class loader " + loader);
        }
        List<Class<?>> out = new ArrayList<>();
        for (String n : names) {
            try {
                out.add(Class.forName(n, false, loader));
            } catch (ClassNotFoundException | LinkageError e) {
                throw new JpaMappingException(n, "cannot load the class while scanning " + packageName + ": " + e);
            }
        }
        return out;
    }

    private static void collect(URL root, String path, TreeSet<String> names) throws IOException {
        if ("file".equals(root.getProtocol())) {
            File dir;
            try {
                dir = new File(root.toURI());
            } catch (URISyntaxException e) {
                dir = new File(root.getPath());
            }
            walk(dir, path, names);
            return;
        }
        URLConnection connection = root.openConnection();
        if (connection instanceof JarURLConnection jar) {
            jar.setUseCaches(false);
            try (JarFile file = jar.getJarFile()) {
                Enumeration<JarEntry> entries = file.entries();
                while (entries.hasMoreElements()) {
                    String entry = entries.nextElement().getName();
                    if (entry.startsWith(path + "/")) add(entry, names);
                }
            }
            return;
        }
        throw new JpaMappingException("package " + path.replace('/', '.'), "cannot scan " + root
                + ": only directories and jar files are supported; list the classes with entities(...)");
    }

    private static void scanJarFile(URL url, String path, TreeSet<String> names) throws IOException {
        if (!"file".equals(url.getProtocol()) || !url.getPath().endsWith(".jar")) return;
        File file;
        try {
            file = new File(url.toURI());
        } catch (URISyntaxException e) {
            file = new File(url.getPath());
        }
        if (!file.isFile()) return;
        try (JarFile jar = new JarFile(file)) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                String entry = entries.nextElement().getName();
                if (entry.startsWith(path + "/")) add(entry, names);
            }
        }
    }

    private static void walk(File dir, String path, TreeSet<String> names) {
        File[] children = dir.listFiles();
        if (children == null) return;
        for (File child : children) {
            String childPath = path + "/" + child.getName();
            if (child.isDirectory()) walk(child, childPath, names);
            else add(childPath, names);
        }
    }

    private static void add(String resource, TreeSet<String> names) {
        if (!resource.endsWith(".class")) return;
        String name = resource.substring(0, resource.length() - ".class".length()).replace('/', '.');
        if (name.endsWith("module-info") || name.endsWith("package-info")) return;
        names.add(name);
    }
}
