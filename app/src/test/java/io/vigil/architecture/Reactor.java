package io.vigil.architecture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The Maven reactor as its files say it: the root pom's modules, each module's dependencies on Vigil's modules (any
 * scope) and the packages its main sources declare.
 */
record Reactor(Path root, List<String> modules) {

    private static final String GROUP = "io.vigil";
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");

    /** The repository's root: the nearest directory up from here holding pom.xml and docs/ARCHITECTURE.md. */
    static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml"))
                    && Files.isRegularFile(dir.resolve("docs/ARCHITECTURE.md"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "no repository root above " + Path.of("").toAbsolutePath());
    }

    static Reactor read(Path root) {
        return new Reactor(
                root,
                children(project(root.resolve("pom.xml")), "modules", "module").stream()
                        .map(Node::getTextContent)
                        .map(String::trim)
                        .toList());
    }

    /** The Vigil modules {@code module}'s pom depends on, test scope and test-jars included. */
    Set<String> dependencies(String module) {
        Set<String> found = new TreeSet<>();
        for (Element dependency :
                children(project(root.resolve(module).resolve("pom.xml")), "dependencies", "dependency")) {
            String group = text(dependency, "groupId");
            if (GROUP.equals(group) || "${project.groupId}".equals(group)) {
                found.add(text(dependency, "artifactId"));
            }
        }
        return found;
    }

    List<Path> mainSources(String module) throws Exception {
        Path dir = root.resolve(module).resolve("src/main/java");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    /** The packages {@code module}'s main sources declare. */
    Set<String> packages(String module) throws Exception {
        Set<String> found = new TreeSet<>();
        for (Path file : mainSources(module)) {
            Matcher declared = PACKAGE.matcher(JavaText.withoutCommentsAndLiterals(Files.readString(file)));
            if (declared.find()) {
                found.add(declared.group(1));
            }
        }
        return found;
    }

    /** Each package of a main source, with the module declaring it. */
    Map<String, String> packageOwners() throws Exception {
        Map<String, String> owners = new TreeMap<>();
        for (String module : modules) {
            for (String pkg : packages(module)) {
                owners.put(pkg, module);
            }
        }
        return owners;
    }

    private static Element project(Path pom) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + pom, e);
        }
    }

    /** The {@code <item>} elements of the project's own {@code <list>} (not of a profile or dependencyManagement). */
    private static List<Element> children(Element project, String list, String item) {
        List<Element> found = new ArrayList<>();
        for (Element parent : elements(project, list)) {
            found.addAll(elements(parent, item));
        }
        return found;
    }

    private static List<Element> elements(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        List<Element> found = elements(parent, name);
        return found.isEmpty() ? null : found.get(0).getTextContent().trim();
    }
}
