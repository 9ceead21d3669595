package dev.omnigraph.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.ports.out.MalformedYamlException;
import dev.omnigraph.ports.out.YamlDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator layer's reading rules: where the file is, that it is read once and only when present, what
 * {@code operator.actor} may be, and that unknown keys warn while a malformed file fails. The YAML decoding
 * itself is the storage adapter's; here a decoder stub hands back the tree a file would decode to.
 */
class OperatorConfigTest {

    @TempDir
    Path home;

    @Test
    void the_file_is_in_omnigraph_home_when_set_and_in_the_users_home_otherwise() {
        YamlDecoder unused = (source, text) -> JsonValue.nullValue();
        assertEquals(Optional.of(Path.of("/ops/home/config.yaml")), OperatorConfig.fromEnvironment(
                Map.of(OperatorConfig.HOME_VARIABLE, "/ops/home"), Optional.of("/home/andrew"), unused).file());
        assertEquals(Optional.of(Path.of("/home/andrew/ops/config.yaml")), OperatorConfig.fromEnvironment(
                Map.of(OperatorConfig.HOME_VARIABLE, "~/ops"), Optional.of("/home/andrew"), unused).file());
        assertEquals(Optional.of(Path.of("/home/andrew/.omnigraph/config.yaml")), OperatorConfig.fromEnvironment(
                Map.of(), Optional.of("/home/andrew"), unused).file());
        assertEquals(Optional.empty(), OperatorConfig.fromEnvironment(Map.of(), Optional.empty(), unused).file());
    }

    @Test
    void an_absent_file_or_layer_has_no_actor_and_is_never_decoded() {
        AtomicInteger decodes = new AtomicInteger();
        YamlDecoder counting = (source, text) -> {
            decodes.incrementAndGet();
            return JsonValue.nullValue();
        };
        assertEquals(Optional.empty(), OperatorConfig.at(home.resolve("config.yaml"), counting).settings().actor());
        assertEquals(Optional.empty(), OperatorConfig.absent().settings().actor());
        assertEquals(0, decodes.get());
    }

    @Test
    void operator_actor_is_read_once_and_stripped() throws IOException {
        AtomicInteger decodes = new AtomicInteger();
        OperatorConfig config = OperatorConfig.at(file("operator:\n  actor: ' act-operator '\n"), (source, text) -> {
            decodes.incrementAndGet();
            return document(Map.of("operator", document(Map.of("actor", JsonValue.of(" act-operator ")))));
        });
        assertEquals(Optional.of("act-operator"), config.settings().actor());
        assertEquals(Optional.of("act-operator"), config.settings().actor());
        assertEquals(1, decodes.get(), "read on first use, then remembered");
        assertEquals(List.of(), config.settings().warnings());
    }

    @Test
    void a_configured_cluster_name_stands_for_its_root_and_anything_else_is_used_as_given() throws IOException {
        OperatorConfig config = OperatorConfig.at(file("…"), (source, text) -> document(Map.of("clusters", document(Map.of(
                "prod", document(Map.of("root", JsonValue.of(" s3://acme/prod "))),
                "lab", document(Map.of("root", JsonValue.of("/srv/lab"), "region", JsonValue.of("eu"))))))));
        assertEquals("s3://acme/prod", config.clusterLocation("prod"));
        assertEquals("/srv/lab", config.clusterLocation("lab"));
        assertEquals("ops/", config.clusterLocation("ops/"));
        assertEquals(List.of("unknown key `clusters.lab.region` (newer CLI feature or typo); ignored in operator config '"
                + home.resolve("config.yaml") + "'"), config.settings().warnings());
        assertEquals("ops/", OperatorConfig.absent().clusterLocation("ops/"));

        OperatorConfig rootless = OperatorConfig.at(file("…"), (source, text) -> document(Map.of("clusters",
                document(Map.of("prod", document(Map.of()))))));
        OperatorConfig.InvalidOperatorConfigException refused = assertThrows(
                OperatorConfig.InvalidOperatorConfigException.class, () -> rootless.clusterLocation("prod"));
        assertTrue(refused.getMessage().contains("`clusters.prod.root` must be a directory or storage root URI"),
                refused.getMessage());
    }

    @Test
    void unknown_keys_warn_and_the_reference_keys_of_later_features_do_not() throws IOException {
        Path path = file("…");
        OperatorConfig config = OperatorConfig.at(path, (source, text) -> document(Map.of(
                "operator", document(Map.of("actor", JsonValue.of("act-operator"), "colour", JsonValue.of("blue"))),
                "servers", document(Map.of()),
                "defaults", document(Map.of()),
                "telemetry", JsonValue.of(true))));
        assertEquals(Optional.of("act-operator"), config.settings().actor());
        assertEquals(List.of(
                "unknown key `telemetry` (newer CLI feature or typo); ignored in operator config '" + path + "'",
                "unknown key `operator.colour` (newer CLI feature or typo); ignored in operator config '" + path + "'"),
                config.settings().warnings());
    }

    @Test
    void an_empty_document_or_a_blank_actor_means_no_actor() throws IOException {
        assertEquals(Optional.empty(), OperatorConfig.at(file(""), (source, text) -> JsonValue.nullValue()).settings()
                .actor());
        assertEquals(Optional.empty(), OperatorConfig.at(file("…"), (source, text) -> document(Map.of(
                "operator", document(Map.of("actor", JsonValue.of("  ")))))).settings().actor());
    }

    @Test
    void a_malformed_file_or_a_non_string_actor_fails_naming_the_file() throws IOException {
        Path path = file("operator: [");
        OperatorConfig.InvalidOperatorConfigException malformed = assertThrows(
                OperatorConfig.InvalidOperatorConfigException.class, () -> OperatorConfig.at(path, (source, text) -> {
                    throw new MalformedYamlException(source, 1, 11, "unexpected end");
                }).settings());
        assertTrue(malformed.getMessage().startsWith("could not parse operator config: " + path + ":1:11"),
                malformed.getMessage());

        OperatorConfig.InvalidOperatorConfigException numeric = assertThrows(
                OperatorConfig.InvalidOperatorConfigException.class, () -> OperatorConfig.at(path, (source, text) ->
                        document(Map.of("operator", document(Map.of("actor", JsonValue.of(42)))))).settings());
        assertEquals("invalid operator config '" + path + "': `operator.actor` must be a string", numeric.getMessage());

        OperatorConfig.InvalidOperatorConfigException list = assertThrows(
                OperatorConfig.InvalidOperatorConfigException.class, () -> OperatorConfig.at(path, (source, text) ->
                        JsonValue.of("just text")).settings());
        assertEquals("invalid operator config '" + path + "': the document must be a mapping", list.getMessage());
    }

    private Path file(String text) throws IOException {
        return Files.writeString(home.resolve("config.yaml"), text);
    }

    private static JsonObject document(Map<String, JsonValue> members) {
        JsonObject.Builder builder = JsonObject.builder();
        members.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> builder.put(entry.getKey(), entry.getValue()));
        return builder.build();
    }
}
