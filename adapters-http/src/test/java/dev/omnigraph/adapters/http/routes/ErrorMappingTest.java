package dev.omnigraph.adapters.http.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.omnigraph.domain.serving.ApiError;
import dev.omnigraph.domain.serving.ApiErrorCode;
import dev.omnigraph.domain.serving.ApiErrorDetail;
import dev.omnigraph.domain.serving.ApiErrors;
import dev.omnigraph.domain.serving.ServingException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every refusal is the reference's {@code ErrorOutput}: the use case's {@link ApiError} rendered with its
 * status, code (left out when it has none) and detail, and the transport's own refusals (unknown route,
 * wrong method, oversized body, wrong content type, malformed JSON) in the same shape.
 */
class ErrorMappingTest {

    private static final String[] AUTH = {"Authorization", ServedHttp.BEARER};
    private static ServedHttp http;

    @BeforeAll
    static void start() {
        http = new ServedHttp();
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    @BeforeEach
    void forgetCalls() {
        http.reset();
    }

    private static void refuseSchema(ApiError error) {
        when(http.serving.schema(any(), any())).thenThrow(new ServingException(error));
    }

    /** Nothing but authentication reached the use case. */
    private static void assertNoUseCaseWork() {
        for (org.mockito.invocation.Invocation call : org.mockito.Mockito.mockingDetails(http.serving).getInvocations()) {
            String method = call.getMethod().getName();
            assertTrue(method.equals("authenticate") || method.equals("requiresBearerAuth"),
                    "the use case was asked to " + method);
        }
    }

    private static void assertError(HttpResponse<String> response, int status, String body) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
        assertEquals(body, response.body());
    }

    // ---- the use case's refusals ------------------------------------------------------------

    @Test
    void badRequest() {
        refuseSchema(ApiError.badRequest("give either branch or snapshot, not both"));
        assertError(http.get("/graphs/g1/schema", AUTH), 400,
                "{\"error\":\"give either branch or snapshot, not both\",\"code\":\"bad_request\"}");
    }

    @Test
    void forbidden() {
        refuseSchema(ApiError.forbidden("policy denied action 'read' for actor 'act-alice'"));
        assertError(http.get("/graphs/g1/schema", AUTH), 403,
                "{\"error\":\"policy denied action 'read' for actor 'act-alice'\",\"code\":\"forbidden\"}");
    }

    @Test
    void unknownGraphIsNotFound() {
        refuseSchema(ApiError.graphNotFound("nope"));
        assertError(http.get("/graphs/nope/schema", AUTH), 404, "{\"error\":\"graph 'nope' not found\",\"code\":\"not_found\"}");
    }

    @Test
    void conflictCarriesTheKeyConflict() {
        when(http.serving.mutate(any(), any())).thenThrow(new ServingException(ApiError.conflict("key exists")
                .withDetail(new ApiErrorDetail.KeyConflict("node", "Person", Optional.of("Ann")))));
        assertError(http.postJson("/graphs/g1/mutate", "{\"query\":\"q\"}", AUTH), 409,
                "{\"error\":\"key exists\",\"code\":\"conflict\","
                        + "\"key_conflict\":{\"entity_kind\":\"node\",\"type_name\":\"Person\",\"entity_id\":\"Ann\"}}");
    }

    @Test
    void preconditionFailureHasNoCodeButItsHeads() {
        when(http.serving.mutate(any(), any())).thenThrow(new ServingException(
                ApiErrors.preconditionFailed("head moved", "c-1", Optional.of("c-2"))));
        assertError(http.postJson("/graphs/g1/mutate/if-graph-commit", "{\"query\":\"q\"}",
                "Authorization", ServedHttp.BEARER, "Omnigraph-If-Graph-Commit", "c-1"), 412,
                "{\"error\":\"head moved\",\"precondition_failure\":{\"expected\":\"c-1\",\"actual\":\"c-2\"}}");
    }

    @Test
    void preconditionFailureOnAnEmptyBranchLeavesActualOut() {
        when(http.serving.mutate(any(), any())).thenThrow(new ServingException(
                ApiErrors.preconditionFailed("head moved", "c-1", Optional.empty())));
        assertError(http.postJson("/graphs/g1/mutate/if-graph-commit", "{\"query\":\"q\"}",
                "Authorization", ServedHttp.BEARER, "Omnigraph-If-Graph-Commit", "c-1"), 412,
                "{\"error\":\"head moved\",\"precondition_failure\":{\"expected\":\"c-1\"}}");
    }

    @Test
    void resourceLimitOfTheUseCaseIs413WithDetail() {
        when(http.serving.load(any(), any())).thenThrow(new ServingException(
                ApiError.of(413, ApiErrorCode.BAD_REQUEST, "too many entities")
                        .withDetail(new ApiErrorDetail.ResourceLimit("entities", 10, 12))));
        assertError(http.postJson("/graphs/g1/load", "{\"data\":\"\"}", AUTH), 413,
                "{\"error\":\"too many entities\",\"code\":\"bad_request\","
                        + "\"resource_limit\":{\"resource\":\"entities\",\"limit\":10,\"actual\":12}}");
    }

    @Test
    void tooManyRequestsSaysWhenToRetry() {
        when(http.serving.mutate(any(), any())).thenThrow(new ServingException(
                ApiErrors.tooManyRequests("actor 'act-alice' has 16 requests in flight", 60)));
        HttpResponse<String> response = http.postJson("/graphs/g1/mutate", "{\"query\":\"q\"}", AUTH);
        assertError(response, 429,
                "{\"error\":\"actor 'act-alice' has 16 requests in flight\",\"code\":\"too_many_requests\"}");
        assertEquals("60", response.headers().firstValue("Retry-After").orElse(""));
    }

    @Test
    void recoveryRequiredHasNoCodeButTheOperation() {
        when(http.serving.mutate(any(), any())).thenThrow(new ServingException(
                new ApiError(503, Optional.empty(), "recovery required", Optional.of(
                        new ApiErrorDetail.RecoveryRequired("op-7")))));
        assertError(http.postJson("/graphs/g1/mutate", "{\"query\":\"q\"}", AUTH), 503,
                "{\"error\":\"recovery required\",\"recovery_required\":{\"operation_id\":\"op-7\"}}");
    }

    @Test
    void serviceUnavailableWithoutDetailIsJustTheMessage() {
        refuseSchema(new ApiError(503, Optional.empty(), "graph is recovering", Optional.empty()));
        assertError(http.get("/graphs/g1/schema", AUTH), 503, "{\"error\":\"graph is recovering\"}");
    }

    @Test
    void unexpectedFailureIsAnInternalErrorWithoutInternals() {
        when(http.serving.schema(any(), any())).thenThrow(new IllegalStateException("/srv/secret/path broke"));
        assertError(http.get("/graphs/g1/schema", AUTH), 500, "{\"error\":\"internal error\",\"code\":\"internal\"}");
    }

    // ---- unknown routes and methods ---------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"/graphs/g1/nothing", "/snapshot", "/query", "/graphs/g1", "/graphs/g1/blob",
            "/graphs/g1/changes", "/graphs/g1/commits/c-1/changes", "/nothing"})
    void unknownRoutesAreNotFoundEvenWithoutCredentials(String path) {
        assertError(http.get(path), 404, "{\"error\":\"not found\",\"code\":\"not_found\"}");
        assertError(http.get(path, AUTH), 404, "{\"error\":\"not found\",\"code\":\"not_found\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/graphs/g1/branches/merge", "/graphs/g1/changes/baseline", "/graphs/g1/snapshot/extra"})
    void capabilitiesThisServerLacksAreNotFound(String path) {
        assertError(http.postJson(path, "{\"source\":\"dev\"}", AUTH), 404,
                "{\"error\":\"not found\",\"code\":\"not_found\"}");
        assertNoUseCaseWork();
    }

    @Test
    void wrongMethodOnARouteIsMethodNotAllowed() {
        HttpResponse<String> response = http.delete("/graphs/g1/branches", AUTH);
        assertError(response, 405, "{\"error\":\"method not allowed\",\"code\":\"method_not_allowed\"}");
        String allow = response.headers().firstValue("Allow").orElse("");
        assertTrue(allow.contains("GET") && allow.contains("POST"), allow);
        assertError(http.get("/graphs/g1/query", AUTH), 405,
                "{\"error\":\"method not allowed\",\"code\":\"method_not_allowed\"}");
    }

    // ---- bodies -----------------------------------------------------------------------------

    @Test
    void missingMemberIs400NotUnprocessable() {
        assertError(http.postJson("/graphs/g1/query", "{\"name\":\"people\"}", AUTH), 400,
                "{\"error\":\"invalid query request: missing field `query`\",\"code\":\"bad_request\"}");
        assertNoUseCaseWork();
    }

    @Test
    void wrongMemberTypeIs400() {
        assertError(http.postJson("/graphs/g1/query", "{\"query\":5}", AUTH), 400,
                "{\"error\":\"invalid query request: query: invalid type: integer `5`, expected a string\","
                        + "\"code\":\"bad_request\"}");
        assertError(http.postJson("/graphs/g1/export", "{\"type_names\":\"Person\"}", AUTH), 400,
                "{\"error\":\"invalid export request: type_names: invalid type: string \\\"Person\\\", expected a "
                        + "sequence\",\"code\":\"bad_request\"}");
        assertError(http.postJson("/graphs/g1/query", "[]", AUTH), 400,
                "{\"error\":\"invalid query request: invalid type: sequence, expected struct QueryRequest\","
                        + "\"code\":\"bad_request\"}");
    }

    @Test
    void malformedJsonIs400() {
        HttpResponse<String> response = http.postJson("/graphs/g1/mutate", "{\"query\":", AUTH);
        assertEquals(400, response.statusCode());
        assertEquals("bad_request", http.object(response).get("code"));
        assertTrue(((String) http.object(response).get("error")).startsWith("invalid mutation request: "));
    }

    @Test
    void exportRefusesUnknownMembers() {
        HttpResponse<String> response = http.postJson("/graphs/g1/export",
                "{\"branch\":\"main\",\"type_names\":[],\"table_keys\":[\"node:Person\"]}", AUTH);
        assertEquals(400, response.statusCode(), response.body());
        Map<String, Object> body = http.object(response);
        assertEquals("bad_request", body.get("code"));
        assertTrue(((String) body.get("error")).contains("table_keys"), response.body());
        assertNoUseCaseWork();
    }

    @Test
    void otherRequestsIgnoreUnknownMembers() {
        when(http.serving.read(any(), any())).thenReturn(Results.read());
        assertEquals(200, http.postJson("/graphs/g1/query", "{\"query\":\"q\",\"future_member\":1}", AUTH).statusCode());
    }

    @Test
    void jsonRoutesRequireAJsonContentType() {
        String expected = "{\"error\":\"Expected request with `Content-Type: application/json`\",\"code\":\"bad_request\"}";
        assertError(http.post("/graphs/g1/query", "{\"query\":\"q\"}", "text/plain", AUTH), 415, expected);
        assertError(http.post("/graphs/g1/mutate", "{\"query\":\"q\"}", null, AUTH), 415, expected);
        when(http.serving.read(any(), any())).thenReturn(Results.read());
        assertEquals(200, http.post("/graphs/g1/query", "{\"query\":\"q\"}", "application/vnd.api+json; charset=utf-8",
                AUTH).statusCode());
    }

    @Test
    void rawLoadRequiresNdjson() {
        assertError(http.post("/graphs/g1/load/ndjson", "{}", "application/json", AUTH), 415,
                "{\"error\":\"graph-batch load requires Content-Type: application/x-ndjson\",\"code\":\"bad_request\"}");
        assertNoUseCaseWork();
    }

    @Test
    void unknownLoadModeIs400() {
        HttpResponse<String> response = http.postJson("/graphs/g1/load", "{\"data\":\"\",\"mode\":\"upsert\"}", AUTH);
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("upsert"), response.body());
        assertEquals(400, http.post("/graphs/g1/load/ndjson?mode=upsert", "", "application/x-ndjson", AUTH).statusCode());
    }

    @Test
    void bodiesBeyondOneMebibyteAre413OnOrdinaryRoutes() {
        String query = "{\"query\":\"" + "x".repeat(RequestBodyReader.DEFAULT_LIMIT_BYTES) + "\"}";
        assertError(http.postJson("/graphs/g1/query", query, AUTH), 413,
                "{\"error\":\"request body exceeds the limit of 1048576 bytes\",\"code\":\"bad_request\"}");
        assertNoUseCaseWork();
    }

    @Test
    void loadRoutesTakeUpToThirtyTwoMebibytes() {
        when(http.serving.load(any(), any())).thenReturn(Results.load(dev.omnigraph.domain.graph.load.LoadMode.MERGE));
        String twoMebibytes = "{\"data\":\"" + "x".repeat(2 * RequestBodyReader.DEFAULT_LIMIT_BYTES) + "\"}";
        assertEquals(200, http.postJson("/graphs/g1/load", twoMebibytes, AUTH).statusCode());
        assertEquals(200, http.postJson("/graphs/g1/ingest", twoMebibytes, AUTH).statusCode());
    }

    @Test
    void rawLoadBeyondThirtyTwoMebibytesIs413WithItsLimit() {
        byte[] records = new byte[RequestBodyReader.LOAD_LIMIT_BYTES + 1];
        java.util.Arrays.fill(records, (byte) '\n');
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(http.uri("/graphs/g1/load/ndjson"))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofByteArray(records)), AUTH);
        assertEquals(413, response.statusCode(), response.body());
        Map<String, Object> body = http.object(response);
        assertEquals("bad_request", body.get("code"));
        assertEquals(Map.of("resource", "graph_batch_request_bytes", "limit", RequestBodyReader.LOAD_LIMIT_BYTES,
                "actual", RequestBodyReader.LOAD_LIMIT_BYTES + 1), body.get("resource_limit"));
        assertNoUseCaseWork();
    }

    @Test
    void bodiesBeyondTheServerCeilingAre413Too() throws Exception {
        // Declares a body far beyond every limit and sends none of it: the refusal must not wait for it.
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", http.server.port())) {
            socket.setSoTimeout(20_000);
            String head = "POST /graphs/g1/load HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + ServedHttp.BEARER
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + (64L * 1024 * 1024) + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            java.io.BufferedReader answer = new java.io.BufferedReader(new java.io.InputStreamReader(
                    socket.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
            String statusLine = answer.readLine();
            assertTrue(statusLine != null && statusLine.startsWith("HTTP/1.1 413"), statusLine);
            String line;
            while ((line = answer.readLine()) != null && !line.isEmpty()) {
                // headers
            }
            char[] body = new char[200];
            int read = answer.read(body);
            assertTrue(new String(body, 0, Math.max(read, 0)).contains("\"code\":\"bad_request\""));
        }
        assertNoUseCaseWork();
    }

    // ---- the graph-commit precondition header ----------------------------------------------

    @Test
    void ordinaryWriteRoutesRefuseThePreconditionHeader() {
        assertError(http.postJson("/graphs/g1/mutate", "{\"query\":\"q\"}", "Authorization", ServedHttp.BEARER,
                "Omnigraph-If-Graph-Commit", "c-1"), 400, "{\"error\":\"Omnigraph-If-Graph-Commit requires the "
                + "fail-closed conditional route /mutate/if-graph-commit\",\"code\":\"bad_request\"}");
        assertError(http.postJson("/graphs/g1/change", "{\"query\":\"q\"}", "Authorization", ServedHttp.BEARER,
                "omnigraph-if-graph-commit", "c-1"), 400, "{\"error\":\"Omnigraph-If-Graph-Commit requires the "
                + "fail-closed conditional route /mutate/if-graph-commit\",\"code\":\"bad_request\"}");
        assertError(http.postJson("/graphs/g1/queries/add", "{}", "Authorization", ServedHttp.BEARER,
                "Omnigraph-If-Graph-Commit", "c-1"), 400, "{\"error\":\"Omnigraph-If-Graph-Commit requires the "
                + "fail-closed conditional route /queries/add/if-graph-commit\",\"code\":\"bad_request\"}");
        verify(http.serving, org.mockito.Mockito.never()).mutate(any(), any());
        verify(http.serving, org.mockito.Mockito.never()).invokeStoredQuery(any(), any());
    }

    @Test
    void conditionalRoutesRequireOneRawCommitId() {
        assertError(http.postJson("/graphs/g1/mutate/if-graph-commit", "{\"query\":\"q\"}", AUTH), 400,
                "{\"error\":\"Omnigraph-If-Graph-Commit is required on this conditional mutation route\","
                        + "\"code\":\"bad_request\"}");
        assertError(http.postJson("/graphs/g1/queries/add/if-graph-commit", "{}", AUTH), 400,
                "{\"error\":\"Omnigraph-If-Graph-Commit is required on this conditional mutation route\","
                        + "\"code\":\"bad_request\"}");
        assertError(http.postJson("/graphs/g1/mutate/if-graph-commit", "{\"query\":\"q\"}",
                "Authorization", ServedHttp.BEARER, "Omnigraph-If-Graph-Commit", "\"c-1\""), 400,
                "{\"error\":\"Omnigraph-If-Graph-Commit must contain one raw graph commit id, not entity-tag "
                        + "syntax\",\"code\":\"bad_request\"}");
        assertError(http.postJson("/graphs/g1/mutate/if-graph-commit", "{\"query\":\"q\"}",
                "Authorization", ServedHttp.BEARER, "Omnigraph-If-Graph-Commit", "c-1",
                "Omnigraph-If-Graph-Commit", "c-2"), 400,
                "{\"error\":\"Omnigraph-If-Graph-Commit must be sent exactly once\",\"code\":\"bad_request\"}");
        verify(http.serving, org.mockito.Mockito.never()).mutate(any(), any());
    }
}
