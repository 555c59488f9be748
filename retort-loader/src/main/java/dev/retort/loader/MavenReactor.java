package dev.retort.loader;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where Maven must run to compile a module. A module whose siblings are not installed in the local
 * repository (the usual state of a multi-module project being developed) only resolves inside its
 * reactor, so Maven runs at the reactor's root with {@code -pl MODULE -am}, which builds the module
 * and the modules it needs.
 *
 * @param root   the top-most directory whose pom.xml lists the module (or a directory above it) as a module
 * @param module the module's path from the root; empty when the module is its own root
 */
record MavenReactor(Path root, String module) {

    static final String POM = "pom.xml";

    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXParseException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXParseException {
            throw e;
        }
    };

    /** Whether Maven runs for the module alone. */
    boolean standalone() {
        return module.isEmpty();
    }

    /** The module's directory. */
    Path moduleDirectory() {
        return standalone() ? root : root.resolve(module).normalize();
    }

    /** The reactor of the module in {@code moduleDirectory}: its ancestors are searched for poms listing it. */
    static MavenReactor of(Path moduleDirectory) {
        Path module = moduleDirectory.toAbsolutePath().normalize();
        Path root = module;
        for (Path dir = module.getParent(); dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve(POM);
            // A pom that lists the module, or the aggregator found so far, extends the reactor upwards;
            // a pom listing some other directory that merely contains it (a build's target/) does not.
            Path top = root;
            if (Files.isRegularFile(pom) && modules(pom).stream().anyMatch(top::equals)) {
                root = dir;
            }
        }
        String path = root.relativize(module).toString().replace('\\', '/');
        return new MavenReactor(root, path);
    }

    /** The poms from the root down to the module; a change to any of them may change the build. */
    List<Path> poms() {
        List<Path> poms = new ArrayList<>();
        for (Path dir = moduleDirectory(); dir.startsWith(root); dir = dir.getParent()) {
            Path pom = dir.resolve(POM);
            if (Files.isRegularFile(pom)) poms.add(pom);
            if (dir.equals(root)) break;
        }
        return poms;
    }

    /**
     * The directories of the modules a pom lists. Modules inside profiles are not followed: a
     * reactor that needs a profile to include the module is not found, and Maven then runs in the
     * module's own directory (it reports what it cannot resolve).
     */
    static List<Path> modules(Path pom) {
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(SILENT);  // the default handler prints parse errors on stderr
            document = builder.parse(pom.toFile());
        } catch (Exception unreadable) {
            return List.of();  // not a pom we understand: Maven will say what is wrong with it
        }
        List<Path> modules = new ArrayList<>();
        Path dir = pom.getParent();
        for (Element list : children(document.getDocumentElement(), "modules")) {
            for (Element module : children(list, "module")) {
                String name = module.getTextContent().strip();
                if (name.isEmpty()) continue;
                Path path = dir.resolve(name).normalize();
                // A module may be named by its pom file rather than its directory.
                modules.add(path.getFileName() != null && path.getFileName().toString().endsWith(".xml") ? path.getParent() : path);
            }
        }
        return modules;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element e && name.equals(e.getTagName())) found.add(e);
        }
        return found;
    }
}
