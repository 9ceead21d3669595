package dev.omnigraph.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnigraph.adapters.cli.OmnigraphCli;
import dev.omnigraph.adapters.cli.OperatorConfig;
import dev.omnigraph.adapters.storage.codec.Codecs;
import dev.omnigraph.domain.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The actor chain of the cluster commands through the real command line (cluster notes §11): {@code --as},
 * else {@code operator.actor} of the operator config ({@code $OMNIGRAPH_HOME/config.yaml} here), else none.
 * Mirrors the reference's {@code cluster_apply_uses_operator_actor_from_omnigraph_home} and
 * {@code cluster_approve_uses_operator_actor_fallback}.
 */
class ClusterOperatorActorOnLanceTest {

    private static final String CLUSTER_YAML = """
            version: 1
            graphs:
              knowledge:
                schema: people.pg
            """;

    @TempDir
    Path temp;

    @Test
    void apply_and_approve_default_to_the_operator_actor_and_as_wins_over_it() throws IOException {
        Path dir = cluster();
        OperatorConfig operator = operatorHome("operator:\n  actor: act-operator\n");
        String config = dir.toString();

        assertEquals(0, cli(operator, "cluster", "import", "--config", config).exitCode());
        CliRun defaulted = cli(operator, "cluster", "apply", "--config", config, "--json");
        assertEquals(0, defaulted.exitCode(), defaulted.toString());
        assertEquals("act-operator", json(defaulted).get("actor").asString(), "operator.actor is the no-flag default");
        CliRun explicit = cli(operator, "cluster", "apply", "--config", config, "--as", "andrew", "--json");
        assertEquals(0, explicit.exitCode(), explicit.toString());
        assertEquals("andrew", json(explicit).get("actor").asString(), "--as wins over the operator layer");

        Files.writeString(dir.resolve("cluster.yaml"), "version: 1\ngraphs: {}\n");
        CliRun approved = cli(operator, "cluster", "approve", "graph.knowledge", "--config", config, "--json");
        assertEquals(0, approved.exitCode(), approved.toString());
        assertEquals("act-operator", json(approved).get("approved_by").asString());
    }

    @Test
    void without_as_or_an_operator_actor_approve_refuses_and_apply_records_no_actor() throws IOException {
        Path dir = cluster();
        OperatorConfig operator = operatorHome("defaults:\n  output: table\ntelemetry: off\n");
        String config = dir.toString();

        assertEquals(0, cli(operator, "cluster", "import", "--config", config).exitCode());
        CliRun applied = cli(operator, "cluster", "apply", "--config", config, "--json");
        assertEquals(0, applied.exitCode(), applied.toString());
        assertTrue(json(applied).find("actor").isEmpty(), applied.out());
        assertTrue(applied.err().contains("warning: unknown key `telemetry` (newer CLI feature or typo); ignored"),
                applied.err());

        Files.writeString(dir.resolve("cluster.yaml"), "version: 1\ngraphs: {}\n");
        CliRun refused = cli(operator, "cluster", "approve", "graph.knowledge", "--config", config);
        assertEquals(OmnigraphCli.EXIT_FAILURE, refused.exitCode());
        assertTrue(refused.err().contains("requires an approver: pass --as ACTOR (or set operator.actor"), refused.err());
    }

    @Test
    void a_malformed_operator_config_fails_only_the_commands_that_need_an_actor() throws IOException {
        Path dir = cluster();
        OperatorConfig operator = operatorHome("operator: [\n");
        String config = dir.toString();

        assertEquals(0, cli(operator, "cluster", "validate", "--config", config).exitCode(), "validate needs no actor");
        CliRun imported = cli(operator, "cluster", "import", "--config", config, "--as", "andrew");
        assertEquals(0, imported.exitCode(), "--as given: the operator file is not read");
        CliRun applied = cli(operator, "cluster", "apply", "--config", config);
        assertEquals(OmnigraphCli.EXIT_FAILURE, applied.exitCode());
        assertTrue(applied.err().startsWith("omnigraph: error: could not parse operator config: "), applied.err());
        assertEquals(1, json(cli(operator, "cluster", "status", "--config", config, "--json")).get("state_observations")
                .asObject().get("state_revision").asNumber().longValueExact(), "the failed apply wrote nothing");
    }

    // ---- helpers -------------------------------------------------------------------------------

    private Path cluster() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("cluster"));
        Files.writeString(dir.resolve("people.pg"), "node Person {\n    name: String @key\n}\n");
        Files.writeString(dir.resolve("cluster.yaml"), CLUSTER_YAML);
        return dir;
    }

    /** An operator folder holding {@code config.yaml}, found the way the CLI finds it: through OMNIGRAPH_HOME. */
    private OperatorConfig operatorHome(String configYaml) throws IOException {
        Path home = Files.createDirectories(temp.resolve("operator-home"));
        Files.writeString(home.resolve("config.yaml"), configYaml);
        return OperatorConfig.fromEnvironment(Map.of(OperatorConfig.HOME_VARIABLE, home.toString()),
                Optional.of(temp.resolve("user").toString()), Codecs.yaml());
    }

    private static JsonObject json(CliRun run) {
        return Codecs.json().decode("output", run.out()).asObject();
    }

    private record CliRun(int exitCode, String out, String err) {
    }

    private static CliRun cli(OperatorConfig operator, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = OmnigraphCli.create(new PrintWriter(out), new PrintWriter(err), false, CliWiring.services(), operator)
                .execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
