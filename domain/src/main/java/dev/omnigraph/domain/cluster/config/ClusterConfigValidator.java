package dev.omnigraph.domain.cluster.config;

import dev.omnigraph.domain.cluster.Checked;
import dev.omnigraph.domain.cluster.ClusterCodes;
import dev.omnigraph.domain.cluster.ClusterDiagnostic;
import dev.omnigraph.domain.cluster.ClusterLayout;
import dev.omnigraph.domain.cluster.Dependency;
import dev.omnigraph.domain.cluster.EmbeddingProviderProfile;
import dev.omnigraph.domain.cluster.ExternalBlobBase;
import dev.omnigraph.domain.cluster.ExternalBlobPolicy;
import dev.omnigraph.domain.cluster.ResourceAddress;
import dev.omnigraph.domain.cluster.ResourceDigests;
import dev.omnigraph.domain.json.JsonDigest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The file-free half of {@code cluster validate}: header checks, id grammar, provider profiles,
 * references between declarations, external Blob policies and policy bindings. Schema, query and
 * policy file problems are the application's (it reads the files) and are reported under the
 * codes of {@link ClusterCodes} at the paths documented there.
 */
public final class ClusterConfigValidator {

    private ClusterConfigValidator() {
    }

    /**
     * Header checks only ({@code status} and {@code force-unlock} stop here): version 1, non-blank
     * metadata name, backend {@code cluster}, a non-empty storage root naming a bucket for S3 and a container for Azure Blob.
     */
    public static HeaderCheck validateHeader(ClusterConfig config) {
        List<ClusterDiagnostic> diagnostics = new ArrayList<>();
        if (config.version() != 1) {
            diagnostics.add(ClusterDiagnostic.error(ClusterCodes.UNSUPPORTED_CLUSTER_CONFIG_VERSION, "version",
                    "unsupported cluster config version " + config.version() + "; this build supports version 1"));
        }
        if (config.metadataName().filter(String::isBlank).isPresent()) {
            diagnostics.add(ClusterDiagnostic.error(ClusterCodes.EMPTY_METADATA_NAME, "metadata.name",
                    "metadata.name must not be empty when provided"));
        }
        if (config.stateBackend().filter(backend -> !backend.equals("cluster")).isPresent()) {
            diagnostics.add(ClusterDiagnostic.error(ClusterCodes.UNSUPPORTED_STATE_BACKEND, "state.backend",
                    "Stage 2C supports only omitted state.backend or `cluster`"));
        }
        config.storage().ifPresent(storage -> {
            String trimmed = storage.strip();
            if (trimmed.isEmpty()) {
                diagnostics.add(ClusterDiagnostic.error(ClusterCodes.INVALID_STORAGE_ROOT, "storage",
                        "storage must be a non-empty URI (e.g. s3://bucket/prefix) when provided"));
            } else if (trimmed.startsWith("s3://") && trimmed.substring(5).replaceFirst("^/+", "").isEmpty()) {
                diagnostics.add(ClusterDiagnostic.error(ClusterCodes.INVALID_STORAGE_ROOT, "storage",
                        "storage s3:// URI must name a bucket"));
            } else if (trimmed.startsWith("az://") && trimmed.substring(5).replaceFirst("^/+", "").isEmpty()) {
                diagnostics.add(ClusterDiagnostic.error(ClusterCodes.INVALID_STORAGE_ROOT, "storage",
                        "storage az:// URI must name a container"));
            }
        });
        ClusterSettings settings = new ClusterSettings(config.stateLock().orElse(true),
                config.storage().flatMap(ClusterLayout::normalizeStorageRoot));
        return new HeaderCheck(settings, diagnostics);
    }

    /** The header check's settings and findings. */
    public record HeaderCheck(ClusterSettings settings, List<ClusterDiagnostic> diagnostics) {
        public HeaderCheck {
            diagnostics = List.copyOf(diagnostics);
        }
    }

    public static DeclaredCluster validate(ClusterConfig config) {
        HeaderCheck header = validateHeader(config);
        List<ClusterDiagnostic> diagnostics = new ArrayList<>(header.diagnostics());
        TreeSet<Dependency> dependencies = new TreeSet<>();

        TreeMap<String, EmbeddingProviderProfile> providers = new TreeMap<>();
        TreeMap<String, String> providerDigests = new TreeMap<>();
        config.embeddingProviders().forEach((name, profile) -> {
            String path = "providers.embedding." + name;
            validateId("embedding provider name", path, name, diagnostics);
            diagnostics.addAll(profile.validate(path));
            String address = ResourceAddress.embeddingProvider(name);
            providers.put(address, profile);
            providerDigests.put(address, ResourceDigests.embeddingProvider(profile));
        });

        TreeMap<String, DeclaredGraph> graphs = new TreeMap<>();
        config.graphs().forEach((graphId, graph) -> {
            String path = "graphs." + graphId;
            validateId("graph id", path, graphId, diagnostics);
            ExternalBlobPolicy policy = externalBlobPolicy(graphId, graph, diagnostics);
            String graphAddress = ResourceAddress.graph(graphId);
            dependencies.add(new Dependency(ResourceAddress.schema(graphId), graphAddress));
            Optional<String> providerAddress = Optional.empty();
            if (graph.embeddingProvider().isPresent()) {
                String reference = graph.embeddingProvider().get();
                Optional<String> providerName = providerName(reference);
                if (providerName.isEmpty()) {
                    diagnostics.add(ClusterDiagnostic.error(ClusterCodes.WRONG_KIND_REFERENCE, path + ".embedding_provider",
                            "embedding_provider expects a providers.embedding ref or bare provider name, got `"
                                    + reference + "`"));
                } else if (config.embeddingProviders().containsKey(providerName.get())) {
                    providerAddress = Optional.of(ResourceAddress.embeddingProvider(providerName.get()));
                    dependencies.add(new Dependency(graphAddress, providerAddress.get()));
                } else {
                    diagnostics.add(ClusterDiagnostic.error(ClusterCodes.DANGLING_EMBEDDING_PROVIDER_REFERENCE,
                            path + ".embedding_provider", "graph references embedding provider `" + providerName.get()
                                    + "`, but no providers.embedding." + providerName.get() + " profile is declared"));
                }
            }
            graphs.put(graphId, new DeclaredGraph(graphId, graph, providerAddress, policy));
        });

        TreeMap<String, DeclaredPolicy> policies = new TreeMap<>();
        Map<String, String> bindingOwners = new HashMap<>();
        config.policies().forEach((name, policy) -> {
            String path = "policies." + name;
            validateId("policy name", path, name, diagnostics);
            if (policy.appliesTo().isEmpty()) {
                diagnostics.add(ClusterDiagnostic.error(ClusterCodes.POLICY_MISSING_APPLIES_TO, path + ".applies_to",
                        "policy.applies_to must name `cluster` or at least one graph"));
            }
            String policyAddress = ResourceAddress.policy(name);
            TreeSet<String> bindings = new TreeSet<>();
            boolean bindsCluster = false;
            String firstGraph = null;
            for (int i = 0; i < policy.appliesTo().size(); i++) {
                String target = policy.appliesTo().get(i);
                String entryPath = path + ".applies_to[" + i + "]";
                if (target.equals("cluster")) {
                    bindsCluster = true;
                    bindings.add("cluster");
                } else if (target.startsWith("graph.") || !target.contains(".")) {
                    String graphId = target.startsWith("graph.") ? target.substring("graph.".length()) : target;
                    firstGraph = firstGraph == null ? graphId : firstGraph;
                    bindings.add(ResourceAddress.graph(graphId));
                    if (config.graphs().containsKey(graphId)) {
                        dependencies.add(new Dependency(policyAddress, ResourceAddress.graph(graphId)));
                    } else {
                        diagnostics.add(ClusterDiagnostic.error(ClusterCodes.DANGLING_GRAPH_REFERENCE, entryPath,
                                "policy references graph `" + graphId + "`, but no graph with that id is declared"));
                    }
                } else {
                    diagnostics.add(ClusterDiagnostic.error(ClusterCodes.WRONG_KIND_REFERENCE, entryPath,
                            "policy applies_to expects graph refs or `cluster`, got `" + target + "`"));
                }
            }
            if (bindsCluster && firstGraph != null) {
                diagnostics.add(ClusterDiagnostic.error(ClusterCodes.POLICY_MIXED_BINDING_KINDS, path + ".applies_to",
                        "one policy bundle cannot bind both `cluster` and graph scopes; split server and graph rules "
                                + "into separate bundles"));
            }
            List<String> sortedBindings = new ArrayList<>(bindings);
            sortedBindings.sort(JsonDigest.CODE_POINT_ORDER);
            for (String binding : sortedBindings) {
                String owner = bindingOwners.putIfAbsent(binding, name);
                if (owner != null) {
                    diagnostics.add(ClusterDiagnostic.error(ClusterCodes.DUPLICATE_POLICY_BINDING, path + ".applies_to",
                            "policy bundles `" + owner + "` and `" + name + "` both bind `" + binding
                                    + "`; merge them or leave exactly one bundle for that scope"));
                }
            }
            PolicyRuntime runtime = bindsCluster && firstGraph == null ? new PolicyRuntime.Server()
                    : !bindsCluster && firstGraph != null ? new PolicyRuntime.Graph(firstGraph)
                    : new PolicyRuntime.Unbound();
            policies.put(name, new DeclaredPolicy(name, policy.file(), sortedBindings, runtime));
        });

        return new DeclaredCluster(config, header.settings(), providers, providerDigests, graphs, policies,
                dependencies, diagnostics);
    }

    /**
     * Ids (graph, query, policy, provider) start with an ASCII letter or {@code _} and continue with
     * ASCII letters, digits, {@code _} or {@code -}.
     */
    public static boolean isValidId(String value) {
        if (value.isEmpty()) {
            return false;
        }
        char first = value.charAt(0);
        if (!(isAsciiLetter(first) || first == '_')) {
            return false;
        }
        return value.chars().allMatch(c -> isAsciiLetter((char) c) || (c >= '0' && c <= '9') || c == '_' || c == '-');
    }

    static void validateId(String kind, String path, String value, List<ClusterDiagnostic> diagnostics) {
        if (!isValidId(value)) {
            diagnostics.add(ClusterDiagnostic.error(ClusterCodes.INVALID_RESOURCE_ID, path, kind + " `" + value
                    + "` must start with a letter or `_` and contain only ASCII letters, digits, `_`, or `-`"));
        }
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** {@code default} or {@code provider.embedding.default} name a provider; other dotted text does not. */
    static Optional<String> providerName(String reference) {
        if (reference.startsWith("provider.embedding.")) {
            return Optional.of(reference.substring("provider.embedding.".length()));
        }
        return reference.contains(".") ? Optional.empty() : Optional.of(reference);
    }

    private static ExternalBlobPolicy externalBlobPolicy(String graphId, GraphDeclaration graph,
                                                         List<ClusterDiagnostic> diagnostics) {
        if (graph.externalBlobAllow().isEmpty()) {
            return ExternalBlobPolicy.DENY;
        }
        List<ExternalBlobBase> bases = new ArrayList<>();
        boolean invalid = false;
        for (int i = 0; i < graph.externalBlobAllow().size(); i++) {
            ExternalBlobBaseDeclaration declared = graph.externalBlobAllow().get(i);
            Checked<ExternalBlobBase> base = ExternalBlobBase.of(declared.base(), declared.scope());
            if (base instanceof Checked.Rejected<ExternalBlobBase> rejected) {
                invalid = true;
                diagnostics.add(ClusterDiagnostic.error(ClusterCodes.INVALID_EXTERNAL_BLOB_BASE,
                        "graphs." + graphId + ".external_blobs.allow[" + i + "].base", rejected.reason()));
            } else {
                bases.add(base.orElseThrow());
            }
        }
        if (invalid) {
            return ExternalBlobPolicy.DENY;
        }
        Checked<ExternalBlobPolicy> policy = ExternalBlobPolicy.allow(bases);
        if (policy instanceof Checked.Rejected<ExternalBlobPolicy> rejected) {
            diagnostics.add(ClusterDiagnostic.error(ClusterCodes.INVALID_EXTERNAL_BLOB_POLICY,
                    "graphs." + graphId + ".external_blobs.allow", rejected.reason()));
            return ExternalBlobPolicy.DENY;
        }
        return policy.orElseThrow();
    }
}
