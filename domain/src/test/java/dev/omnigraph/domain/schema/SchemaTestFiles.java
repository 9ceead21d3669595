package dev.omnigraph.domain.schema;

import dev.omnigraph.domain.lang.SourceFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Locates our own example schemas (test resources) and the shared fixture corpus (optional). */
public final class SchemaTestFiles {

    /** Our examples, always present: they cover every construct so the suite never depends on fixtures. */
    public static final List<String> EXAMPLES = List.of("library", "evolution-before", "evolution-after", "minimal");

    private SchemaTestFiles() {
    }

    public static String resource(String path) {
        try (InputStream in = SchemaTestFiles.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SourceFile example(String name) {
        return new SourceFile(name + ".pg", resource("schemas/" + name + ".pg"));
    }

    /**
     * The fixture folder: system property {@code omnigraph.fixtures}, else {@code ../shared/fixtures}
     * next to the repository root; empty when it does not exist.
     */
    public static Optional<Path> fixturesFolder() {
        String configured = System.getProperty("omnigraph.fixtures");
        Path folder;
        if (configured != null && !configured.isBlank()) {
            folder = Path.of(configured);
        } else {
            Path root = Path.of(System.getProperty("omnigraph.projectRoot", ".."));
            folder = root.resolve("../shared/fixtures");
        }
        return Files.isDirectory(folder) ? Optional.of(folder.normalize()) : Optional.empty();
    }

    /** Every {@code .pg} file under the fixture folder (empty list when the folder is absent). */
    public static List<Path> fixtureSchemas() {
        Optional<Path> folder = fixturesFolder();
        if (folder.isEmpty()) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder.get())) {
            return new ArrayList<>(files.filter(p -> p.toString().endsWith(".pg")).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SourceFile read(Path path) {
        try {
            return new SourceFile(path.getFileName().toString(), Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema language documentation (docs/schema-language.md of the repository). */
    public static String docs() {
        Path root = Path.of(System.getProperty("omnigraph.projectRoot", ".."));
        try {
            return Files.readString(root.resolve("docs/schema-language.md"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The golden name of a fixture file: {@code industry-intel} or {@code reference-tests-<name>}. */
    public static String goldenName(Path fixture) {
        String parent = fixture.getParent().getFileName().toString();
        String base = fixture.getFileName().toString().replace(".pg", "");
        return parent.equals("industry-intel") ? "industry-intel" : parent + "-" + base;
    }
}
