package dev.omnigraph.adapters.http.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpMethod;
import io.micronaut.web.router.Router;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The served API description lists exactly the routes the server has (none of the capabilities it lacks),
 * with the reference's operation ids, and strips security when no token is required.
 */
class OpenApiDocumentTest {

    /** method + path → operation id: every route of this server, and nothing else. */
    private static final Map<String, String> EXPECTED_OPERATIONS = new TreeMap<>(Map.ofEntries(
            Map.entry("get /healthz", "health"),
            Map.entry("get /graphs", "listGraphs"),
            Map.entry("get /graphs/{graph_id}/snapshot", "cluster_getSnapshot"),
            Map.entry("post /graphs/{graph_id}/query", "cluster_query"),
            Map.entry("post /graphs/{graph_id}/read", "cluster_read"),
            Map.entry("post /graphs/{graph_id}/mutate", "cluster_mutate"),
            Map.entry("post /graphs/{graph_id}/mutate/if-graph-commit", "cluster_mutate_if_graph_commit"),
            Map.entry("post /graphs/{graph_id}/change", "cluster_change"),
            Map.entry("get /graphs/{graph_id}/queries", "cluster_list_queries"),
            Map.entry("post /graphs/{graph_id}/queries/{name}", "cluster_invoke_query"),
            Map.entry("post /graphs/{graph_id}/queries/{name}/if-graph-commit", "cluster_invoke_query_if_graph_commit"),
            Map.entry("get /graphs/{graph_id}/schema", "cluster_getSchema"),
            Map.entry("post /graphs/{graph_id}/schema/apply", "cluster_applySchema"),
            Map.entry("post /graphs/{graph_id}/load", "cluster_load"),
            Map.entry("post /graphs/{graph_id}/load/ndjson", "cluster_loadNdjson"),
            Map.entry("post /graphs/{graph_id}/ingest", "cluster_ingest"),
            Map.entry("post /graphs/{graph_id}/export", "cluster_export"),
            Map.entry("get /graphs/{graph_id}/branches", "cluster_listBranches"),
            Map.entry("post /graphs/{graph_id}/branches", "cluster_createBranch"),
            Map.entry("delete /graphs/{graph_id}/branches/{branch}", "cluster_deleteBranch"),
            Map.entry("get /graphs/{graph_id}/commits", "cluster_listCommits"),
            Map.entry("get /graphs/{graph_id}/commits/{commit_id}", "cluster_getCommit")));

    private static ServedHttp http;
    private static Map<String, Object> document;

    @BeforeAll
    static void start() {
        http = new ServedHttp();
        HttpResponse<String> response = http.get("/openapi.json");
        assertEquals(200, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
        document = http.object(response);
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    private static Map<String, Map<String, Object>> operations(Map<String, Object> doc) {
        Map<String, Map<String, Object>> operations = new TreeMap<>();
        map(doc.get("paths")).forEach((path, item) -> map(item).forEach((method, operation) ->
                operations.put(method + " " + path, map(operation))));
        return operations;
    }

    private static Map<String, Object> operation(String key) {
        return operations(document).get(key);
    }

    @Test
    void describesExactlyTheServedRoutesWithTheReferenceOperationIds() {
        Map<String, String> described = new TreeMap<>();
        operations(document).forEach((key, operation) -> described.put(key, (String) operation.get("operationId")));
        assertEquals(EXPECTED_OPERATIONS, described);
        assertEquals("3.1.0", document.get("openapi"));
        assertEquals("0.10.0-test", map(document.get("info")).get("version"));
    }

    @Test
    void everyRegisteredRouteIsDescribedAndNothingElse() {
        Router router = http.server.context().getBean(Router.class);
        Set<String> registered = router.uriRoutes()
                .filter(route -> route.getHttpMethod() != HttpMethod.HEAD)
                .map(route -> route.getHttpMethodName().toLowerCase(Locale.ROOT) + " "
                        + route.getUriMatchTemplate().toPathString())
                .filter(key -> !key.equals("get /openapi.json"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(EXPECTED_OPERATIONS.keySet(), registered);
    }

    @Test
    void capabilitiesThisServerLacksAreAbsent() {
        String paths = map(document.get("paths")).keySet().toString();
        for (String absent : List.of("merge", "changes", "blob", "/snapshot\"", "openapi")) {
            assertFalse(paths.contains(absent), absent + " in " + paths);
        }
    }

    @Test
    void perGraphOperationsDeclareTheGraphIdParameterAndBearerSecurity() {
        operations(document).forEach((key, operation) -> {
            if (key.contains("{graph_id}")) {
                Map<String, Object> first = map(list(operation.get("parameters")).get(0));
                assertEquals("graph_id", first.get("name"), key);
                assertEquals("path", first.get("in"), key);
                assertEquals(true, first.get("required"), key);
            }
            if (!key.equals("get /healthz")) {
                assertEquals(List.of(Map.of("bearer_token", List.of())), operation.get("security"), key);
            }
        });
        assertFalse(operation("get /healthz").containsKey("security"));
        assertEquals(Map.of("type", "http", "scheme", "bearer"),
                map(map(map(document.get("components")).get("securitySchemes")).get("bearer_token")));
    }

    @Test
    void deprecatedRoutesAreFlagged() {
        for (String key : List.of("post /graphs/{graph_id}/read", "post /graphs/{graph_id}/change",
                "post /graphs/{graph_id}/ingest")) {
            assertEquals(true, operation(key).get("deprecated"), key);
        }
        assertFalse(operation("post /graphs/{graph_id}/query").containsKey("deprecated"));
    }

    @Test
    void conditionalRoutesRequireThePreconditionHeaderAndMayAnswer412() {
        for (String key : List.of("post /graphs/{graph_id}/mutate/if-graph-commit",
                "post /graphs/{graph_id}/queries/{name}/if-graph-commit")) {
            Map<String, Object> header = list(operation(key).get("parameters")).stream().map(OpenApiDocumentTest::map)
                    .filter(parameter -> "header".equals(parameter.get("in"))).findFirst().orElseThrow();
            assertEquals("Omnigraph-If-Graph-Commit", header.get("name"));
            assertEquals(true, header.get("required"));
            assertTrue(map(operation(key).get("responses")).containsKey("412"), key);
        }
        assertFalse(map(operation("post /graphs/{graph_id}/mutate").get("responses")).containsKey("412"));
    }

    @Test
    void queryParametersComeFromTheRoutes() {
        List<Object> parameters = list(operation("post /graphs/{graph_id}/load/ndjson").get("parameters"));
        List<String> names = parameters.stream().map(parameter -> (String) map(parameter).get("name")).toList();
        assertEquals(List.of("graph_id", "branch", "from", "mode"), names);
        assertEquals(List.of("overwrite", "append", "merge"), map(map(parameters.get(3)).get("schema")).get("enum"));
        assertEquals("application/x-ndjson", map(map(operation("post /graphs/{graph_id}/load/ndjson")
                .get("requestBody")).get("content")).keySet().iterator().next());
    }

    @Test
    void schemasNameTheMembersTheServerWrites() {
        Map<String, Object> schemas = map(map(document.get("components")).get("schemas"));
        Map<String, Object> commit = map(schemas.get("CommitOutput"));
        assertEquals(http.parse(Results.COMMIT_JSON).keySet(), map(commit.get("properties")).keySet());
        assertEquals(List.of("graph_commit_id", "graph_manifest_version", "created_at"), commit.get("required"));

        Map<String, Object> read = map(schemas.get("ReadOutput"));
        assertEquals(http.parse(Results.READ_JSON).keySet(), map(read.get("properties")).keySet());

        Map<String, Object> error = map(schemas.get("ErrorOutput"));
        assertEquals(List.of("error"), error.get("required"));
        assertTrue(map(error.get("properties")).keySet().containsAll(
                List.of("code", "key_conflict", "resource_limit", "recovery_required", "precondition_failure")));

        assertEquals(false, map(schemas.get("ExportRequest")).get("additionalProperties"));
        assertEquals(List.of("query"), map(schemas.get("ChangeRequest")).get("required"));
        Map<String, Object> invoke = map(map(map(map(operation("post /graphs/{graph_id}/queries/{name}")
                .get("responses")).get("200")).get("content")).get("application/json"));
        assertEquals(List.of(Map.of("$ref", "#/components/schemas/ReadOutput"),
                Map.of("$ref", "#/components/schemas/ChangeOutput")), map(invoke.get("schema")).get("oneOf"));
    }

    @Test
    void openServerDocumentHasNoSecurity() {
        try (ServedHttp open = new ServedHttp(false)) {
            HttpResponse<String> response = open.get("/openapi.json");
            assertFalse(response.body().contains("bearer_token"), response.body());
            assertFalse(response.body().contains("\"security\""));
            assertEquals(EXPECTED_OPERATIONS.size(), operations(open.object(response)).size());
        }
    }
}
