package dev.omnigraph.domain.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.omnigraph.domain.lang.LanguageException;
import dev.omnigraph.domain.lang.SourceFile;
import dev.omnigraph.domain.query.parse.ParsedQueries;
import dev.omnigraph.domain.query.parse.QueryParser;
import dev.omnigraph.domain.query.typecheck.CheckedQuery;
import dev.omnigraph.domain.query.typecheck.QueryCatalog;
import dev.omnigraph.domain.query.typecheck.QueryTypeChecker;
import dev.omnigraph.domain.query.typecheck.SchemaCatalogs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Shared fixtures of the query-language tests: the example schema and small helpers. */
public final class QueryTestSupport {

    private QueryTestSupport() {
    }

    public static String resource(String name) {
        try (InputStream in = QueryTestSupport.class.getResourceAsStream("/query/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /query/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The catalog of {@code example.pg}. */
    public static QueryCatalog exampleCatalog() {
        return SchemaCatalogs.fromSchemaSource(new SourceFile("example.pg", resource("example.pg")));
    }

    public static QueryCatalog catalog(String schemaText) {
        return SchemaCatalogs.fromSchemaSource(new SourceFile("test.pg", schemaText));
    }

    public static ParsedQueries parse(String text) {
        return QueryParser.parse(new SourceFile("q.gq", text));
    }

    /** Typechecks the first query of {@code text}. */
    public static CheckedQuery check(QueryCatalog catalog, String text) {
        ParsedQueries parsed = parse(text);
        return QueryTypeChecker.check(catalog, parsed, parsed.file().queries().get(0));
    }

    /** Asserts typechecking the first query fails with {@code code}; returns the exception. */
    public static LanguageException checkFails(QueryCatalog catalog, String text, String code) {
        LanguageException error = assertThrows(LanguageException.class, () -> check(catalog, text));
        assertEquals(code, error.code(), () -> "unexpected diagnostic: " + error.getMessage());
        return error;
    }

    public static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixtures folder: system property {@code omnigraph.fixtures}, else {@code ../shared/fixtures}. */
    public static Path fixturesRoot() {
        String configured = System.getProperty("omnigraph.fixtures");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of("/work/main").resolve("../shared/fixtures").normalize();
    }
}
