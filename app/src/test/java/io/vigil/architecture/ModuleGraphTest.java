package io.vigil.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps the module graph of docs/ARCHITECTURE.md true: features → {@code camera-registry} → {@code archive} →
 * {@code live-edge} → {@code kernel} → nothing, no feature uses another, and a library ({@code media}) uses no other module while every
 * module may use it. Reads the root pom's modules, every module's pom and every main source file (its imports and
 * any qualified name in its code), mapping each package to the module that declares it. Every module the root pom
 * lists that is neither a library, shared nor {@code app} is a feature.
 */
class ModuleGraphTest {

    /** The shared modules, lowest first: each may use those before it, every feature may use all of them. */
    private static final List<String> SHARED = List.of("kernel", "live-edge", "archive", "camera-registry");
    /** The libraries: each uses no other Vigil module, and every module may use them. */
    private static final List<String> LIBRARIES = List.of("media");
    /** The module that assembles the service: it may use every other module. */
    private static final String APP = "app";

    private static final Pattern QUALIFIED_NAME = Pattern.compile("\\bio\\.vigil(?:\\.[A-Za-z_$][\\w$]*)*");
    private static final Pattern GRAPH_MODULE = Pattern.compile("\\b[a-z][a-z-]*[a-z]\\b");
    private static final Pattern TABLE_MODULE = Pattern.compile("(?m)^\\| `([a-z-]+)` \\|");

    private final Reactor reactor = Reactor.read(Reactor.repositoryRoot());

    @Test
    void everyModulePomDependsOnlyOnTheModulesItMayUse() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String module : reactor.modules()) {
            for (String dependency : reactor.dependencies(module)) {
                if (!dependency.equals(module) && !mayUse(module).contains(dependency)) {
                    wrong.add(module + "/pom.xml depends on " + dependency + "; " + module + " may use only "
                            + mayUse(module));
                }
            }
        }
        assertEquals(List.of(), wrong, "module dependencies against the graph of docs/ARCHITECTURE.md");
    }

    @Test
    void everyMainSourceUsesOnlyTheModulesItsModuleMayUse() throws Exception {
        Map<String, String> owners = reactor.packageOwners();
        List<String> wrong = new ArrayList<>();
        int files = forEachName((module, used, where) -> {
            String owner = owners.get(JavaText.packageOf(used));
            if (owner == null) {
                wrong.add(where + " uses " + used + ", whose package no module declares");
            } else if (!owner.equals(module) && !mayUse(module).contains(owner)) {
                wrong.add(where + " uses " + used + " of module " + owner + "; " + module + " may use only "
                        + mayUse(module));
            }
        });
        assertTrue(files > 100, "main sources found: " + files);
        assertEquals(List.of(), wrong, "imports and qualified names against the graph of docs/ARCHITECTURE.md");
    }

    /**
     * The archive's index, spool and their machinery are its own: other modules read through {@code ArchiveReader}
     * (with {@code SegmentBytes}), write through {@code ArchiveWriter}, remove through {@code ArchiveRemoval}.
     */
    @Test
    void noModuleButTheArchiveNamesItsIndexOrSpool() throws Exception {
        List<String> wrong = new ArrayList<>();
        forEachName((module, used, where) -> {
            if (!module.equals("archive") && ARCHIVE_OWN.stream().anyMatch(used::startsWith)) {
                wrong.add(where + " uses " + used + ", the archive's own; ask its read, write or removal face");
            }
        });
        assertEquals(List.of(), wrong, "names only the archive may use");
    }

    /** Names only {@code archive} may use: a name starting with one of these. */
    private static final List<String> ARCHIVE_OWN = List.of(
            "io.vigil.archive.spool.",
            "io.vigil.archive.index.SegmentIndex",
            "io.vigil.archive.index.SegmentsByTime",
            "io.vigil.archive.index.RecordingSpans",
            "io.vigil.archive.index.SegmentMinutes",
            "io.vigil.archive.UnnumberedSegments",
            "io.vigil.archive.SequenceNumbering",
            "io.vigil.archive.SpoolUpload",
            "io.vigil.archive.ArchiveRecovery");

    /** A qualified Vigil name used in a module's main code, and where ({@code file:line}). */
    @FunctionalInterface
    private interface NameUse {
        void accept(String module, String used, String where);
    }

    /** Calls {@code use} for every qualified Vigil name in every main source's code; returns how many files. */
    private int forEachName(NameUse use) throws Exception {
        int files = 0;
        for (String module : reactor.modules()) {
            for (Path file : reactor.mainSources(module)) {
                files++;
                String code = JavaText.withoutCommentsAndLiterals(Files.readString(file));
                Matcher name = QUALIFIED_NAME.matcher(code);
                while (name.find()) {
                    use.accept(
                            module,
                            name.group(),
                            reactor.root().relativize(file) + ":" + JavaText.lineOf(code, name.start()));
                }
            }
        }
        return files;
    }

    @Test
    void everyPackageBelongsToOneModule() throws Exception {
        Map<String, Set<String>> declaredBy = new TreeMap<>();
        for (String module : reactor.modules()) {
            for (String pkg : reactor.packages(module)) {
                declaredBy.computeIfAbsent(pkg, p -> new TreeSet<>()).add(module);
            }
        }
        declaredBy.values().removeIf(modules -> modules.size() == 1);
        assertEquals(Map.of(), declaredBy, "packages split across modules: which module a name belongs to is unclear");
    }

    @Test
    void theArchitectureDocumentNamesExactlyTheRootPomsModules() throws Exception {
        String doc = Files.readString(reactor.root().resolve("docs/ARCHITECTURE.md"));
        int open = doc.indexOf("```");
        String graph = doc.substring(doc.indexOf('\n', open), doc.indexOf("```", open + 3))
                .replaceAll("\\([^)]*\\)", ""); // what a module holds, in parentheses, is not a module's name
        Set<String> drawn = new TreeSet<>();
        GRAPH_MODULE.matcher(graph).results().forEach(m -> drawn.add(m.group()));
        Set<String> tabled = new TreeSet<>();
        TABLE_MODULE.matcher(doc).results().forEach(m -> tabled.add(m.group(1)));
        Set<String> modules = new TreeSet<>(reactor.modules());
        assertEquals(modules, drawn, "the modules the graph in docs/ARCHITECTURE.md draws");
        assertEquals(modules, tabled, "the modules of the table in docs/ARCHITECTURE.md");
        assertTrue(
                modules.containsAll(SHARED) && modules.containsAll(LIBRARIES) && modules.contains(APP),
                "root pom modules: " + modules);
    }

    @Test
    void aLibraryUsesNoOtherModuleAndEveryModuleMayUseIt() throws Exception {
        for (String library : LIBRARIES) {
            assertEquals(Set.of(), reactor.dependencies(library), library + "/pom.xml's Vigil dependencies");
            Set<String> used = new TreeSet<>();
            forEachName((module, name, where) -> {
                if (module.equals(library)
                        && !name.startsWith("io.vigil." + library + ".")
                        && !name.equals("io.vigil." + library)) {
                    used.add(where + " uses " + name);
                }
            });
            assertEquals(Set.of(), used, "names of other modules in " + library + "'s main sources");
            assertEquals(List.of(), mayUse(library), "what " + library + " may use");
            for (String module : reactor.modules()) {
                assertTrue(module.equals(library) || mayUse(module).contains(library), module + " may use " + library);
            }
        }
    }

    @Test
    void sourceTextIsReadAsCodeNotAsCommentsOrStrings() {
        String code = JavaText.withoutCommentsAndLiterals("""
                import io.vigil.kernel.TimeRange; // io.vigil.retention.hold.Hold
                /* io.vigil.cluster.LeaseKeeper */ String s = "io.vigil.recorder.X\\" /*"; char c = '"';
                String t = \"""
                    io.vigil.playback.MediaPlaylist
                    \"""; var r = io.vigil.kernel.CameraId.isValid(s);
                """);
        List<String> names =
                QUALIFIED_NAME.matcher(code).results().map(MatchResult::group).toList();
        assertEquals(List.of("io.vigil.kernel.TimeRange", "io.vigil.kernel.CameraId.isValid"), names);
        assertEquals(
                List.of("io.vigil.kernel", "io.vigil.kernel", "io.vigil.kernel.hook"),
                List.of(
                        JavaText.packageOf(names.get(0)),
                        JavaText.packageOf(names.get(1)),
                        JavaText.packageOf("io.vigil.kernel.hook")));
        assertEquals(5, JavaText.lineOf(code, code.indexOf("io.vigil.kernel.CameraId")));
    }

    /** The modules {@code module} may depend on and import, itself aside. */
    private List<String> mayUse(String module) {
        if (module.equals(APP)) {
            return reactor.modules().stream().filter(m -> !m.equals(APP)).toList();
        }
        if (LIBRARIES.contains(module)) {
            return List.of();
        }
        int shared = SHARED.indexOf(module);
        List<String> allowed = new ArrayList<>(LIBRARIES);
        allowed.addAll(shared >= 0 ? SHARED.subList(0, shared) : SHARED);
        return allowed;
    }
}
