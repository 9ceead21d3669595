package dev.omnigraph.application.failpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Guard: every failpoint call site names its window with a {@link FailpointNames} constant, never a string literal.
 *
 * <p>{@code maybeFail} takes a {@code String}, so {@code maybeFail("mutation.post_tabel_commit")} compiles and never
 * fires, and the crash test that armed the correctly spelt window passes without testing anything. Arming refuses
 * unknown names, but a production call site is never armed by name, so only a scan of the source can catch it. This
 * scan reads every {@code src/**}{@code /*.java} file of every module (main and test code) and flags each call of
 * {@code maybeFail(}, {@code ScopedFailpoint.fail(}, {@code ScopedFailpoint.callback(} and {@code parkFirst(} whose
 * first argument starts with a quote, across line breaks too.
 *
 * <p>Deliberately out of scope: names computed from variables or concatenation of constants (they are checked when
 * armed), and this file, which spells the patterns as literals.
 */
class FailpointNamesGuardTest {

    private static final List<String> CALL_PREFIXES = List.of("maybeFail(", "ScopedFailpoint.fail(",
            "ScopedFailpoint.callback(", "parkFirst(");

    @Test
    void failpoint_call_sites_use_catalogue_constants() throws IOException {
        Path root = projectRoot();
        List<Path> sources = javaSources(root);
        assertTrue(sources.stream().anyMatch(path -> path.endsWith(Path.of("application", "failpoint", "Failpoints.java"))),
                "the scan must see the failpoint sources under " + root + "; is omnigraph.projectRoot right?");

        List<String> violations = new ArrayList<>();
        for (Path source : sources) {
            if (source.getFileName().toString().equals(FailpointNamesGuardTest.class.getSimpleName() + ".java")) {
                continue;
            }
            String text = Files.readString(source, StandardCharsets.UTF_8);
            for (int line : literalCallLines(text)) {
                violations.add(root.relativize(source) + ":" + line);
            }
        }
        assertEquals(List.of(), violations, "failpoint names must be FailpointNames constants, not string literals "
                + "(a misspelt literal compiles and never fires)");
    }

    @Test
    void the_scan_flags_literals_on_one_line_across_lines_and_in_text_blocks() {
        String source = String.join("\n",
                "class Example {",
                "  void a() { Failpoints.maybeFail(\"mutation.post_table_commit\"); }",
                "  void b() { Failpoints.maybeFail(FailpointNames.MUTATION_POST_TABLE_COMMIT); }",
                "  void c() { try (var s = ScopedFailpoint.fail(",
                "          \"recovery.sidecar_write\")) { } }",
                "  void d() { ScopedFailpoint.callback(FailpointNames.RECOVERY_SIDECAR_WRITE, () -> { }); }",
                "  void e() { Rendezvous.parkFirst(\"\"\"",
                "      mutation.post_table_commit\"\"\"); }",
                "  void f() { ScopedFailpoint.callback( \"x\" + y, () -> { }); }",
                "}");
        assertEquals(List.of(2, 4, 7, 9), literalCallLines(source));
    }

    /** The 1-based lines of calls whose first argument is a string literal. */
    static List<Integer> literalCallLines(String text) {
        List<Integer> lines = new ArrayList<>();
        for (String prefix : CALL_PREFIXES) {
            int from = 0;
            int at;
            while ((at = text.indexOf(prefix, from)) >= 0) {
                int argument = at + prefix.length();
                while (argument < text.length() && Character.isWhitespace(text.charAt(argument))) {
                    argument++;
                }
                if (argument < text.length() && text.charAt(argument) == '"') {
                    lines.add(lineOf(text, at));
                }
                from = at + prefix.length();
            }
        }
        lines.sort(Integer::compare);
        return lines;
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static List<Path> javaSources(Path root) throws IOException {
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(Files::isDirectory).toList()) {
                Path src = module.resolve("src");
                if (!Files.isDirectory(src)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(src)) {
                    files.filter(path -> path.toString().endsWith(".java")).forEach(sources::add);
                } catch (UncheckedIOException unreadable) {
                    throw unreadable.getCause();
                }
            }
        }
        return sources;
    }

    /** The reactor root: surefire passes it as {@code omnigraph.projectRoot}; otherwise the module's parent. */
    private static Path projectRoot() {
        String configured = System.getProperty("omnigraph.projectRoot");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path workingDirectory = Path.of("").toAbsolutePath();
        return Files.isDirectory(workingDirectory.resolve("ports")) ? workingDirectory : workingDirectory.getParent();
    }
}
