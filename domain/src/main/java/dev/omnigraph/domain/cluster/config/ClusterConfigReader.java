package dev.omnigraph.domain.cluster.config;

import dev.omnigraph.domain.cluster.ClusterCodes;
import dev.omnigraph.domain.cluster.ClusterDiagnostic;
import dev.omnigraph.domain.cluster.ClusterLayout;
import dev.omnigraph.domain.cluster.EmbeddingProviderProfile;
import dev.omnigraph.domain.cluster.ExternalBlobScope;
import dev.omnigraph.domain.cluster.StrictDocumentReader;
import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonString;
import dev.omnigraph.domain.json.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

import static dev.omnigraph.domain.cluster.StrictDocumentReader.child;
import static dev.omnigraph.domain.cluster.StrictDocumentReader.index;

/**
 * Reads {@code cluster.yaml} strictly, in the reference's order: (1) duplicate keys in the raw
 * text, reserved top-level keys ({@code future_phase_field}, path = the key) and
 * {@code graphs.<id>.streaming} ({@code removed_streaming_declaration}) — any of these stops
 * reading; (2) the strict shape: unknown keys at every level, wrong types and missing required
 * fields become {@code invalid_cluster_yaml} at path {@code cluster.yaml}, the message naming the
 * dotted location like the reference's YAML decoder ("could not parse cluster.yaml: graphs.g:
 * unknown field `x`, expected one of ..."). Unlike the reference, which stops at the first shape
 * error, every shape error of the document is reported.
 *
 * <p>The generic tree is what the YAML adapter produced: mappings as objects (key order kept),
 * sequences as arrays, scalars typed by YAML's core schema. A key with no value ({@code graphs:})
 * arrives as {@code null} and reads as an empty mapping or list.
 */
public final class ClusterConfigReader {

    /** Top-level keys reserved for a later control-plane phase. */
    public static final List<String> FUTURE_PHASE_FIELDS =
            List.of("apply", "env_file", "pipelines", "embeddings", "ui", "aliases", "bindings");

    static final List<String> TOP_LEVEL = List.of("version", "metadata", "storage", "state", "providers", "graphs",
            "policies");
    static final List<String> GRAPH_FIELDS = List.of("schema", "queries", "embedding_provider", "external_blobs");

    private ClusterConfigReader() {
    }

    /**
     * Reads the raw text and its parse: {@code tree} is {@code null} when the YAML did not parse,
     * in which case {@code yamlError} is the parser's message.
     */
    public static ConfigRead read(String text, JsonValue tree, String yamlError) {
        List<ClusterDiagnostic> early = new ArrayList<>(DuplicateYamlKeyScanner.scan(text));
        if (tree != null) {
            early.addAll(reservedKeyDiagnostics(tree));
        }
        if (ClusterDiagnostic.anyError(early)) {
            return new ConfigRead.Rejected(early);
        }
        if (tree == null) {
            return new ConfigRead.Rejected(List.of(invalid(yamlError == null ? "not YAML" : yamlError)));
        }
        return read(tree);
    }

    /** Reads an already parsed tree (no raw text, so no duplicate-key scan). */
    public static ConfigRead read(JsonValue tree) {
        List<ClusterDiagnostic> reserved = reservedKeyDiagnostics(tree);
        if (!reserved.isEmpty()) {
            return new ConfigRead.Rejected(reserved);
        }
        StrictDocumentReader reader = new StrictDocumentReader();
        ClusterConfig config = readConfig(reader, tree);
        if (!reader.clean() || config == null) {
            return new ConfigRead.Rejected(reader.problems().stream().map(ClusterConfigReader::invalid).toList());
        }
        return new ConfigRead.Parsed(config);
    }

    private static ClusterDiagnostic invalid(String problem) {
        return ClusterDiagnostic.error(ClusterCodes.INVALID_CLUSTER_YAML, ClusterLayout.CONFIG_FILE,
                "could not parse cluster.yaml: " + problem);
    }

    static List<ClusterDiagnostic> reservedKeyDiagnostics(JsonValue tree) {
        List<ClusterDiagnostic> diagnostics = new ArrayList<>();
        if (!(tree instanceof JsonObject root)) {
            return diagnostics;
        }
        for (String key : root.keys()) {
            if (FUTURE_PHASE_FIELDS.contains(key)) {
                diagnostics.add(ClusterDiagnostic.error(ClusterCodes.FUTURE_PHASE_FIELD, key,
                        "`" + key + "` is reserved for a later cluster-control phase"));
            }
        }
        if (root.find("graphs").orElse(null) instanceof JsonObject graphs) {
            graphs.members().forEach((id, declaration) -> {
                if (declaration instanceof JsonObject graph && graph.has("streaming")) {
                    diagnostics.add(ClusterDiagnostic.error(ClusterCodes.REMOVED_STREAMING_DECLARATION,
                            "graphs." + id + ".streaming",
                            "`streaming` was removed: the MemWAL firehose is gone and graphs no longer carry a "
                                    + "stream profile. Delete this key. A graph written by a development build that "
                                    + "had it must be exported with that build and rebuilt."));
                }
            });
        }
        return diagnostics;
    }

    private static ClusterConfig readConfig(StrictDocumentReader reader, JsonValue tree) {
        JsonObject root = reader.struct(tree, "", "RawClusterConfig", TOP_LEVEL, false);
        if (root == null) {
            return null;
        }
        JsonValue versionValue = reader.required(root, "version", "");
        Long version = versionValue == null ? null : reader.u32(versionValue, "version");

        Optional<String> metadataName = Optional.empty();
        Optional<JsonValue> metadataValue = root.find("metadata");
        if (metadataValue.isPresent()) {
            JsonObject metadata = reader.struct(metadataValue.get(), "metadata", "Metadata", List.of("name"), true);
            if (metadata != null) {
                metadataName = reader.optionalString(metadata, "name", "metadata");
            }
        }
        Optional<String> storage = reader.optionalString(root, "storage", "");

        Optional<String> backend = Optional.empty();
        Optional<Boolean> lock = Optional.empty();
        Optional<JsonValue> stateValue = root.find("state");
        if (stateValue.isPresent()) {
            JsonObject state = reader.struct(stateValue.get(), "state", "StateConfig", List.of("backend", "lock"), true);
            if (state != null) {
                backend = reader.optionalString(state, "backend", "state");
                lock = reader.optional(state, "lock").map(value -> reader.bool(value, "state.lock"));
            }
        }

        TreeMap<String, EmbeddingProviderProfile> providers = new TreeMap<>();
        Optional<JsonValue> providersValue = root.find("providers");
        if (providersValue.isPresent()) {
            JsonObject providersObject = reader.struct(providersValue.get(), "providers", "ProvidersConfig",
                    List.of("embedding"), true);
            Optional<JsonValue> embedding = providersObject == null ? Optional.empty() : providersObject.find("embedding");
            if (embedding.isPresent()) {
                JsonObject profiles = reader.map(embedding.get(), "providers.embedding", true);
                if (profiles != null) {
                    profiles.members().forEach((name, profile) -> {
                        EmbeddingProviderProfile read = EmbeddingProviderProfile.read(reader, profile,
                                "providers.embedding." + name);
                        if (read != null) {
                            providers.put(name, read);
                        }
                    });
                }
            }
        }

        TreeMap<String, GraphDeclaration> graphs = new TreeMap<>();
        Optional<JsonValue> graphsValue = root.find("graphs");
        if (graphsValue.isPresent()) {
            JsonObject graphObjects = reader.map(graphsValue.get(), "graphs", true);
            if (graphObjects != null) {
                graphObjects.members().forEach((id, graph) -> {
                    GraphDeclaration read = readGraph(reader, graph, "graphs." + id);
                    if (read != null) {
                        graphs.put(id, read);
                    }
                });
            }
        }

        TreeMap<String, PolicyDeclaration> policies = new TreeMap<>();
        Optional<JsonValue> policiesValue = root.find("policies");
        if (policiesValue.isPresent()) {
            JsonObject policyObjects = reader.map(policiesValue.get(), "policies", true);
            if (policyObjects != null) {
                policyObjects.members().forEach((name, policy) -> {
                    PolicyDeclaration read = readPolicy(reader, policy, "policies." + name);
                    if (read != null) {
                        policies.put(name, read);
                    }
                });
            }
        }
        if (version == null) {
            return null;
        }
        return new ClusterConfig(version, metadataName, storage, backend, lock, providers, graphs, policies);
    }

    private static GraphDeclaration readGraph(StrictDocumentReader reader, JsonValue value, String path) {
        JsonObject graph = reader.struct(value, path, "GraphConfig", GRAPH_FIELDS, false);
        if (graph == null) {
            return null;
        }
        String schema = reader.requiredString(graph, "schema", path);
        QueriesDeclaration queries = graph.find("queries")
                .map(declared -> readQueries(reader, declared, child(path, "queries")))
                .orElse(QueriesDeclaration.none());
        Optional<String> provider = reader.optionalString(graph, "embedding_provider", path);
        List<ExternalBlobBaseDeclaration> allow = new ArrayList<>();
        Optional<JsonValue> blobs = graph.find("external_blobs");
        if (blobs.isPresent()) {
            String blobsPath = child(path, "external_blobs");
            JsonObject blobsObject = reader.struct(blobs.get(), blobsPath, "ExternalBlobsConfig", List.of("allow"), true);
            Optional<JsonValue> allowValue = blobsObject == null ? Optional.empty() : blobsObject.find("allow");
            if (allowValue.isPresent()) {
                String allowPath = child(blobsPath, "allow");
                List<JsonValue> entries = reader.sequence(allowValue.get(), allowPath, true);
                for (int i = 0; entries != null && i < entries.size(); i++) {
                    String entryPath = index(allowPath, i);
                    JsonObject entry = reader.struct(entries.get(i), entryPath, "ExternalBlobBaseConfig",
                            List.of("base", "scope"), false);
                    if (entry == null) {
                        continue;
                    }
                    String base = reader.requiredString(entry, "base", entryPath);
                    JsonValue scopeValue = reader.required(entry, "scope", entryPath);
                    String scope = scopeValue == null ? null
                            : reader.variant(scopeValue, child(entryPath, "scope"), ExternalBlobScope.LABELS);
                    if (base != null && scope != null) {
                        allow.add(new ExternalBlobBaseDeclaration(base, ExternalBlobScope.fromLabel(scope).orElseThrow()));
                    }
                }
            }
        }
        if (schema == null || queries == null) {
            return null;
        }
        return new GraphDeclaration(schema, queries, provider, allow);
    }

    /** Untagged like the reference: a path, a list of paths, or a {@code name: {file}} map. */
    private static QueriesDeclaration readQueries(StrictDocumentReader reader, JsonValue value, String path) {
        if (value instanceof JsonString single) {
            return new QueriesDeclaration.Discover(single.value());
        }
        StrictDocumentReader attempt = new StrictDocumentReader();
        QueriesDeclaration declaration = null;
        if (value.isNull()) {
            declaration = QueriesDeclaration.none();
        } else if (value instanceof JsonArray array) {
            List<String> paths = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                String element = attempt.string(array.get(i), index(path, i));
                if (element != null) {
                    paths.add(element);
                }
            }
            declaration = new QueriesDeclaration.DiscoverMany(paths);
        } else if (value instanceof JsonObject map) {
            TreeMap<String, String> files = new TreeMap<>();
            map.members().forEach((name, entry) -> {
                String entryPath = child(path, name);
                JsonObject query = attempt.struct(entry, entryPath, "QueryConfig", List.of("file"), false);
                String file = query == null ? null : attempt.requiredString(query, "file", entryPath);
                if (file != null) {
                    files.put(name, file);
                }
            });
            declaration = new QueriesDeclaration.Explicit(new TreeMap<>(files));
        }
        if (declaration == null || !attempt.clean()) {
            reader.problem(path, "data did not match any variant of untagged enum QueriesDecl");
            return null;
        }
        return declaration;
    }

    private static PolicyDeclaration readPolicy(StrictDocumentReader reader, JsonValue value, String path) {
        JsonObject policy = reader.struct(value, path, "PolicyConfig", List.of("file", "applies_to"), false);
        if (policy == null) {
            return null;
        }
        String file = reader.requiredString(policy, "file", path);
        JsonValue appliesValue = reader.required(policy, "applies_to", path);
        List<String> appliesTo = null;
        if (appliesValue != null) {
            String appliesPath = child(path, "applies_to");
            List<JsonValue> entries = reader.sequence(appliesValue, appliesPath, false);
            if (entries != null) {
                appliesTo = new ArrayList<>();
                for (int i = 0; i < entries.size(); i++) {
                    String entry = reader.string(entries.get(i), index(appliesPath, i));
                    if (entry != null) {
                        appliesTo.add(entry);
                    }
                }
            }
        }
        if (file == null || appliesTo == null) {
            return null;
        }
        return new PolicyDeclaration(file, appliesTo);
    }
}
