package dev.omnigraph.bootstrap.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The industry-intel cookbook cluster (the shared real-world corpus) converged by the built CLI as it
 * ships and served by the built server: its two policy bundles grant and deny exactly as written, per
 * actor and action (readers invoke and read; analysts also change; only the admin lists graphs; nobody
 * creates branches or applies schemas; an actor in no group is unknown). Skipped, with a message, where
 * the corpus folder is absent.
 */
class IndustryIntelServerIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> TOKENS = Map.of("act-reader", "tok-reader-51c0", "act-analyst",
            "tok-analyst-8e22", "act-admin", "tok-admin-3b7d", "act-outsider", "tok-outsider-90aa");

    @TempDir
    static Path scratch;

    private static ServerProcess server;

    @BeforeAll
    static void convergeAndServe() throws IOException {
        Path fixture = Path.of(System.getProperty("omnigraph.fixtures", "../../shared/fixtures")).resolve("industry-intel");
        assumeTrue(Files.isRegularFile(fixture.resolve("cluster.yaml")),
                "industry-intel corpus not found at " + fixture + " (set -Domnigraph.fixtures); skipping");
        ConvergedCluster cluster = ConvergedCluster.converge(fixture, scratch.resolve("industry-intel"),
                Map.of("spike", "seed.jsonl"));
        server = ServerProcess.start(Map.of("OMNIGRAPH_SERVER_BEARER_TOKENS_JSON", JSON.writeValueAsString(TOKENS)),
                "--cluster", cluster.dir().toString(), "--bind", "127.0.0.1:0");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static int status(HttpResponse<String> response) {
        return response.statusCode();
    }

    private static String token(String actor) {
        return TOKENS.get(actor);
    }

    @Test
    void only_the_admin_lists_graphs() throws IOException {
        HttpResponse<String> graphs = server.get("/graphs", token("act-admin"));
        assertEquals(200, graphs.statusCode(), graphs.body());
        assertEquals("spike", JSON.readTree(graphs.body()).path("graphs").get(0).path("graph_id").asText());
        for (String actor : new String[] {"act-reader", "act-analyst", "act-outsider"}) {
            assertEquals(403, status(server.get("/graphs", token(actor))), actor);
        }
    }

    @Test
    void readers_and_analysts_invoke_stored_reads_and_read_others_do_not() throws IOException {
        for (String actor : new String[] {"act-reader", "act-analyst"}) {
            HttpResponse<String> invoked = server.post("/graphs/spike/queries/recent_knowhow", token(actor), "{}");
            assertEquals(200, invoked.statusCode(), actor + ": " + invoked.body());
            assertTrue(JSON.readTree(invoked.body()).has("rows"));
            assertEquals(200, status(server.get("/graphs/spike/snapshot", token(actor))), actor);
            assertEquals(200, status(server.post("/graphs/spike/export", token(actor), "{\"type_names\":[\"Company\"]}")), actor);
        }
        // an actor the bundle does not know: the stored query looks absent, reads are refused
        assertEquals(404, status(server.post("/graphs/spike/queries/recent_knowhow", token("act-outsider"), "{}")));
        assertEquals(403, status(server.get("/graphs/spike/snapshot", token("act-outsider"))));
        assertEquals(403, status(server.get("/graphs/spike/snapshot", token("act-admin"))));
    }

    @Test
    void only_analysts_change_the_graph_directly_or_through_stored_mutations() throws IOException {
        String mutation = "{\"params\":{\"slug\":\"acme-e2e\",\"name\":\"Acme E2E\"}}";
        HttpResponse<String> denied = server.post("/graphs/spike/queries/add_company", token("act-reader"), mutation);
        assertEquals(403, denied.statusCode(), denied.body());
        assertTrue(denied.body().contains("policy denied action 'change'"), denied.body());

        HttpResponse<String> stored = server.post("/graphs/spike/queries/add_company", token("act-analyst"), mutation);
        assertEquals(200, stored.statusCode(), stored.body());
        JsonNode change = JSON.readTree(stored.body());
        assertEquals(1, change.path("affected_nodes").asInt());
        assertEquals("act-analyst", change.path("actor_id").asText());

        HttpResponse<String> visible = server.post("/graphs/spike/query", token("act-reader"),
                "{\"query\":\"query q() { match { $c: Company { slug: \\\"acme-e2e\\\" } } return { $c.name } }\"}");
        assertEquals(200, visible.statusCode(), visible.body());
        assertEquals("Acme E2E", JSON.readTree(visible.body()).path("rows").get(0).path("c.name").asText());

        assertEquals(403, status(server.post("/graphs/spike/mutate", token("act-reader"),
                "{\"query\":\"query m() { delete Company where slug = \\\"acme-e2e\\\" }\"}")));
        assertEquals(200, status(server.post("/graphs/spike/mutate", token("act-analyst"),
                "{\"query\":\"query m() { delete Company where slug = \\\"acme-e2e\\\" }\"}")));
    }

    @Test
    void nobody_creates_branches_or_applies_schemas() {
        for (String actor : new String[] {"act-reader", "act-analyst", "act-admin"}) {
            assertEquals(403, status(server.post("/graphs/spike/branches", token(actor), "{\"name\":\"scratch\"}")), actor);
            assertEquals(403, status(server.post("/graphs/spike/schema/apply", token(actor), "{\"schema_source\":\"\"}")), actor);
        }
    }
}
