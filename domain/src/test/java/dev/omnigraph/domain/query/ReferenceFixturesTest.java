package dev.omnigraph.domain.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.omnigraph.domain.lang.SourceFile;
import dev.omnigraph.domain.query.ast.QueryDecl;
import dev.omnigraph.domain.query.parse.ParsedQueries;
import dev.omnigraph.domain.query.parse.QueryParser;
import dev.omnigraph.domain.query.parse.QueryPrinter;
import dev.omnigraph.domain.query.plan.QueryPlanner;
import dev.omnigraph.domain.query.typecheck.QueryCatalog;
import dev.omnigraph.domain.query.typecheck.QueryTypeChecker;
import dev.omnigraph.domain.query.typecheck.SchemaCatalogs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The reference project's own query files must parse, typecheck and plan with no error against their
 * schemas, and survive a print/re-parse round trip. The corpora live outside this repository
 * ({@code -Domnigraph.fixtures}); when they are absent the tests are skipped, never silently passed.
 */
class ReferenceFixturesTest {

    @Test
    void industry_intel_queries_typecheck_against_their_schema() throws IOException {
        Path root = QueryTestSupport.fixturesRoot().resolve("industry-intel");
        assumeTrue(Files.isDirectory(root), "fixtures absent at " + root + " (set -Domnigraph.fixtures)");
        QueryCatalog catalog = catalogOf(root.resolve("schema.pg"));
        List<Path> files;
        try (Stream<Path> listing = Files.list(root.resolve("queries"))) {
            files = listing.filter(p -> p.toString().endsWith(".gq")).sorted().toList();
        }
        assertEquals(8, files.size(), "the corpus has eight query files");
        int checked = 0;
        for (Path file : files) {
            checked += checkAll(catalog, file);
        }
        assertTrue(checked > 60, "expected the whole corpus to be checked, got " + checked);
    }

    @Test
    void reference_test_queries_typecheck_against_the_matching_schema() {
        Path root = QueryTestSupport.fixturesRoot().resolve("reference-tests");
        assumeTrue(Files.isDirectory(root), "fixtures absent at " + root + " (set -Domnigraph.fixtures)");
        assertEquals(11, checkAll(catalogOf(root.resolve("test.pg")), root.resolve("test.gq")));
        assertEquals(8, checkAll(catalogOf(root.resolve("search.pg")), root.resolve("search.gq")));
    }

    private static QueryCatalog catalogOf(Path schema) {
        return SchemaCatalogs.fromSchemaSource(new SourceFile(schema.getFileName().toString(), QueryTestSupport.read(schema)));
    }

    /** Parses, checks and plans every query of {@code file}; returns how many there were. */
    private static int checkAll(QueryCatalog catalog, Path file) {
        ParsedQueries parsed = QueryParser.parse(new SourceFile(file.getFileName().toString(), QueryTestSupport.read(file)));
        List<String> failures = new ArrayList<>();
        for (QueryDecl query : parsed.file().queries()) {
            try {
                QueryPlanner.plan(catalog, QueryTypeChecker.check(catalog, parsed, query));
            } catch (RuntimeException e) {
                failures.add(query.name() + ": " + e.getMessage());
            }
        }
        assertTrue(failures.isEmpty(), () -> file + ":\n" + String.join("\n", failures));
        ParsedQueries reparsed = QueryParser.parse(QueryPrinter.print(parsed.file()));
        assertEquals(parsed.file(), reparsed.file(), "print/re-parse of " + file);
        assertFalse(parsed.file().queries().isEmpty());
        return parsed.file().queries().size();
    }
}
