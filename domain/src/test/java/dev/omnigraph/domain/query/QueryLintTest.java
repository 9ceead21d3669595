package dev.omnigraph.domain.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnigraph.domain.json.JsonWriter;
import dev.omnigraph.domain.lang.SourceFile;
import dev.omnigraph.domain.query.descriptor.StoredQueryDescriptor;
import dev.omnigraph.domain.query.lint.LintReport;
import dev.omnigraph.domain.query.lint.QueryLinter;
import dev.omnigraph.domain.query.lint.SchemaSource;
import dev.omnigraph.domain.query.parse.QueryParser;
import dev.omnigraph.domain.query.typecheck.QueryCatalog;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The lint report is machine-read by CI and editors, so its JSON shape is pinned by a golden written
 * by hand from the engine notes (§3.4), not produced by this code.
 */
class QueryLintTest {

    private static final QueryCatalog CATALOG = QueryTestSupport.catalog("""
            node Policy {
                slug: String @key
                name: String?
                effectiveTo: DateTime?
                tags: [String]?
            }
            node Owner { slug: String @key }
            edge OwnedBy: Policy -> Owner
            """);

    @Test
    void report_json_matches_the_golden() {
        LintReport report = QueryLinter.lint(CATALOG, new SourceFile("queries.gq", """
                query list_policies($slug: String) {
                    match { $p: Policy { slug: $slug }  $p ownedBy $o }
                    return { $p.name, $p.tags, count($o) as owners }
                }
                query rename($slug: String, $name: String) {
                    update Policy set { name: $name } where slug = $slug
                }
                query purge() {
                    delete Policy where slug = "x"
                }
                query broken($slug: String) {
                    update Policy set { missing: "nope" } where slug = $slug
                }
                """), new SchemaSource.File("schema.pg"));
        String golden = "{\"status\":\"error\",\"schema_source\":{\"kind\":\"file\",\"path\":\"schema.pg\"},"
                + "\"query_path\":\"queries.gq\",\"queries_processed\":4,\"errors\":1,\"warnings\":3,\"infos\":0,"
                + "\"results\":["
                + "{\"name\":\"list_policies\",\"kind\":\"read\",\"status\":\"ok\",\"operation\":{\"result\":["
                + "{\"name\":\"name\",\"kind\":\"string\",\"nullable\":true},"
                + "{\"name\":\"tags\",\"kind\":\"list\",\"item_kind\":\"string\",\"nullable\":true},"
                + "{\"name\":\"owners\",\"kind\":\"bigint\",\"nullable\":true}],"
                + "\"reads\":[{\"kind\":\"node\",\"type_name\":\"Owner\"},{\"kind\":\"node\",\"type_name\":\"Policy\"},"
                + "{\"kind\":\"edge\",\"type_name\":\"OwnedBy\"}],\"writes\":[]}},"
                + "{\"name\":\"rename\",\"kind\":\"mutation\",\"status\":\"ok\",\"operation\":{\"result\":[],"
                + "\"reads\":[{\"kind\":\"node\",\"type_name\":\"Policy\"}],"
                + "\"writes\":[{\"kind\":\"node\",\"type_name\":\"Policy\"}]}},"
                + "{\"name\":\"purge\",\"kind\":\"mutation\",\"status\":\"ok\","
                + "\"warnings\":[\"mutation declares no params; hardcoded mutations are easy to miss\"],"
                + "\"operation\":{\"result\":[],"
                + "\"reads\":[{\"kind\":\"node\",\"type_name\":\"Policy\"},{\"kind\":\"edge\",\"type_name\":\"OwnedBy\"}],"
                + "\"writes\":[{\"kind\":\"node\",\"type_name\":\"Policy\"},{\"kind\":\"edge\",\"type_name\":\"OwnedBy\"}]}},"
                + "{\"name\":\"broken\",\"kind\":\"mutation\",\"status\":\"error\","
                + "\"error\":\"type error: T11: type `Policy` has no property `missing`\"}],"
                + "\"findings\":["
                + "{\"severity\":\"warning\",\"code\":\"L201\",\"message\":\"Policy.effectiveTo exists in schema but no "
                + "update query sets it\",\"type_name\":\"Policy\",\"property\":\"effectiveTo\",\"query_names\":[\"rename\"]},"
                + "{\"severity\":\"warning\",\"code\":\"L201\",\"message\":\"Policy.tags exists in schema but no update "
                + "query sets it\",\"type_name\":\"Policy\",\"property\":\"tags\",\"query_names\":[\"rename\"]}]}";
        assertEquals(golden, JsonWriter.compact(report.toJson()));
    }

    @Test
    void a_parse_error_is_a_single_q000_finding() {
        LintReport report = QueryLinter.lint(CATALOG, new SourceFile("bad.gq", "query broken("),
                new SchemaSource.Graph("s3://bucket/graph"));
        assertEquals(0, report.queriesProcessed());
        assertEquals(1, report.errors());
        assertEquals("Q000", report.findings().get(0).code());
        assertTrue(report.findings().get(0).message().startsWith("parse error: bad.gq:1:14: error[Q001]"));
        assertTrue(JsonWriter.compact(report.toJson())
                .startsWith("{\"status\":\"error\",\"schema_source\":{\"kind\":\"graph\",\"uri\":\"s3://bucket/graph\"}"));
    }

    @Test
    void stored_query_descriptor_lists_typed_params() {
        var query = QueryParser.parse("""
                query find($q: String, $v: Vector(4)?, $tags: [I64]) @description("d") {
                    match { $p: Policy }
                    return { $p.name }
                }
                """).file().queries().get(0);
        StoredQueryDescriptor descriptor = StoredQueryDescriptor.of(query, Optional.empty());
        assertEquals("{\"name\":\"find\",\"tool_name\":\"find\",\"description\":\"d\",\"mutation\":false,\"params\":["
                + "{\"name\":\"q\",\"kind\":\"string\",\"nullable\":false},"
                + "{\"name\":\"v\",\"kind\":\"vector\",\"vector_dim\":4,\"nullable\":true},"
                + "{\"name\":\"tags\",\"kind\":\"list\",\"item_kind\":\"bigint\",\"nullable\":false}]}",
                JsonWriter.compact(descriptor.toJson()));
        assertEquals(StoredQueryDescriptor.Kind.READ, descriptor.kind());
        assertEquals("Vector(4)", descriptor.params().get(1).typeName());
    }
}
