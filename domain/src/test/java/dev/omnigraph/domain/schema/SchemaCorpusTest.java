package dev.omnigraph.domain.schema;

import dev.omnigraph.domain.lang.SourceFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Why this exists: real schemas (the shared fixtures and our own examples) must parse and
 * validate, and the pretty-printer must be faithful, because tooling rewrites {@code .pg} files
 * (formatting, generated schemas) and a lossy printer would silently change a graph's schema.
 * Invariant: {@code parse(print(parse(s)))} equals {@code parse(s)} up to positions, and printing is
 * a fixed point after one round; the canonical shape is unchanged by printing.
 */
class SchemaCorpusTest {

    @TestFactory
    List<DynamicTest> examplesValidateAndRoundTrip() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : SchemaTestFiles.EXAMPLES) {
            tests.add(DynamicTest.dynamicTest(name, () -> assertRoundTrip(SchemaTestFiles.example(name))));
        }
        return tests;
    }

    @Test
    void fixturesValidateAndRoundTrip() {
        Assumptions.assumeTrue(SchemaTestFiles.fixturesFolder().isPresent(),
                "fixture folder not found (set -Domnigraph.fixtures=<dir>); skipping the shared-fixture corpus");
        List<Path> fixtures = SchemaTestFiles.fixtureSchemas();
        assertFalse(fixtures.isEmpty(), "the fixture folder holds .pg files");
        for (Path fixture : fixtures) {
            assertRoundTrip(SchemaTestFiles.read(fixture));
        }
    }

    private static void assertRoundTrip(SourceFile source) {
        ValidatedSchema schema = SchemaCompiler.compile(source);
        String printed = SchemaPrinter.print(schema.document());
        SourceFile reprinted = new SourceFile(source.name() + ".printed", printed);
        ValidatedSchema again = SchemaCompiler.compile(reprinted);
        assertEquals(schema.document().withoutPositions(), again.document().withoutPositions(),
                () -> "print/parse changed the tree of " + source.name() + ":\n" + printed);
        assertEquals(printed, SchemaPrinter.print(again.document()), "printing is a fixed point");
        assertEquals(schema.shape(), again.shape(), "printing preserves semantics");
        assertEquals(schema.shape().hash(), again.shape().hash());
    }
}
