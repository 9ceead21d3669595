package dev.omnigraph.domain.cluster.serving;

import dev.omnigraph.domain.cluster.ClusterDiagnostic;
import dev.omnigraph.domain.cluster.ClusterLayout;
import dev.omnigraph.domain.cluster.EmbeddingProviderProfile;
import dev.omnigraph.domain.cluster.ExternalBlobPolicy;
import dev.omnigraph.domain.cluster.ResourceAddress;
import dev.omnigraph.domain.cluster.ResourceDigests;
import dev.omnigraph.domain.cluster.state.ClusterState;
import dev.omnigraph.domain.cluster.state.StateResource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Steps 3–6 of the serving snapshot up to the catalog reads: the applied revision walked in address
 * order, after the embedding providers the served graphs need, into what is served, which catalog
 * payloads must be re-read and re-verified before their query or policy is served, and the findings, in
 * the order the reference reports them. Quarantined graphs, their queries and policy bindings to them
 * are left out; a policy left without bindings is not served (and its payload not read).
 *
 * @param storageRoot      the root the ledger was read from (graph roots and displayed payload locations
 *                         derive from it)
 * @param entries          in report order
 * @param sawAppliedGraph  the applied revision records at least one graph (quarantined or not): tells
 *                         "no healthy graphs" from "empty"
 */
public record ServingSelection(String storageRoot, List<Entry> entries, boolean sawAppliedGraph) {

    public ServingSelection {
        Objects.requireNonNull(storageRoot, "storageRoot");
        entries = List.copyOf(entries);
    }

    /** One step of the selection. */
    public sealed interface Entry {
    }

    /** A finding that refuses serving. */
    public record Finding(ClusterDiagnostic diagnostic) implements Entry {
        public Finding {
            Objects.requireNonNull(diagnostic, "diagnostic");
        }
    }

    /** A graph that is served. */
    public record Graph(ServingGraph graph) implements Entry {
        public Graph {
            Objects.requireNonNull(graph, "graph");
        }
    }

    /** An applied query served once its payload at {@code location} verifies against {@code digest}. */
    public record QueryPayload(String address, String graphId, String name, String location, String digest)
            implements Entry {
        public QueryPayload {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(graphId, "graphId");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(digest, "digest");
        }
    }

    /** An applied policy served with {@code appliesTo} once its payload verifies. */
    public record PolicyPayload(String address, String name, List<String> appliesTo, String location, String digest)
            implements Entry {
        public PolicyPayload {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(name, "name");
            appliesTo = List.copyOf(appliesTo);
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(digest, "digest");
        }
    }

    /** The catalog locations to read, each once, in report order. */
    public List<String> payloadLocations() {
        Set<String> seen = new TreeSet<>();
        List<String> locations = new ArrayList<>();
        for (Entry entry : entries) {
            String location = entry instanceof QueryPayload query ? query.location()
                    : entry instanceof PolicyPayload policy ? policy.location() : null;
            if (location != null && seen.add(location)) {
                locations.add(location);
            }
        }
        return locations;
    }

    /**
     * Selects what {@code state} lets a server serve with {@code quarantined} graph ids left out.
     * Providers are checked only when a served graph binds them: the profile must be recorded and hash to
     * the provider's digest. Each served graph's provider binding must name an applied, verified
     * provider, and its composite must recompute from the ledger's own parts (the authority check that
     * keeps a hand-edited external Blob policy or provider binding from being trusted).
     */
    public static ServingSelection of(ClusterState state, Set<String> quarantined, String storageRoot) {
        List<Entry> entries = new ArrayList<>();
        Map<String, EmbeddingProviderProfile> verifiedProfiles = verifyProviders(state, quarantined, entries);
        boolean sawAppliedGraph = false;
        for (Map.Entry<String, StateResource> applied : state.resources().entrySet()) {
            String address = applied.getKey();
            StateResource resource = applied.getValue();
            ResourceAddress parsed = ResourceAddress.parse(address);
            if (parsed instanceof ResourceAddress.Graph graph) {
                sawAppliedGraph = true;
                if (!quarantined.contains(graph.graphId())) {
                    selectGraph(state, graph.graphId(), address, resource, verifiedProfiles, storageRoot, entries);
                }
            } else if (parsed instanceof ResourceAddress.Query query) {
                if (!quarantined.contains(query.graphId())) {
                    entries.add(new QueryPayload(address, query.graphId(), query.name(),
                            ClusterLayout.catalogPayload(address, resource.digest()).orElseThrow(), resource.digest()));
                }
            } else if (parsed instanceof ResourceAddress.Policy policy) {
                selectPolicy(address, policy.name(), resource, quarantined, entries);
            }
        }
        return new ServingSelection(storageRoot, entries, sawAppliedGraph);
    }

    private static Map<String, EmbeddingProviderProfile> verifyProviders(ClusterState state, Set<String> quarantined,
                                                                         List<Entry> entries) {
        Set<String> required = new TreeSet<>();
        state.resources().forEach((address, resource) -> {
            if (ResourceAddress.parse(address) instanceof ResourceAddress.Graph graph
                    && !quarantined.contains(graph.graphId())) {
                resource.embeddingProvider().ifPresent(required::add);
            }
        });
        Map<String, EmbeddingProviderProfile> verified = new HashMap<>();
        state.resources().forEach((address, resource) -> {
            if (!(ResourceAddress.parse(address) instanceof ResourceAddress.EmbeddingProvider)
                    || !required.contains(address)) {
                return;
            }
            if (resource.embeddingProfile().isEmpty()) {
                entries.add(new Finding(ServingDiagnostics.providerProfileMissing(address)));
                return;
            }
            String actual = ResourceDigests.embeddingProvider(resource.embeddingProfile().get());
            if (!actual.equals(resource.digest())) {
                entries.add(new Finding(ServingDiagnostics.providerDigestMismatch(address, actual)));
                return;
            }
            verified.put(address, resource.embeddingProfile().get());
        });
        return verified;
    }

    private static void selectGraph(ClusterState state, String graphId, String address, StateResource resource,
                                    Map<String, EmbeddingProviderProfile> verifiedProfiles, String storageRoot,
                                    List<Entry> entries) {
        Optional<EmbeddingProviderProfile> embedding = Optional.empty();
        if (resource.embeddingProvider().isPresent()) {
            String provider = resource.embeddingProvider().get();
            if (!(ResourceAddress.parse(provider) instanceof ResourceAddress.EmbeddingProvider)) {
                entries.add(new Finding(ServingDiagnostics.providerWrongKind(address, provider)));
            } else if (!verifiedProfiles.containsKey(provider)) {
                entries.add(new Finding(ServingDiagnostics.providerMissing(address, provider)));
            } else {
                embedding = Optional.of(verifiedProfiles.get(provider));
            }
        }
        ExternalBlobPolicy externalBlobPolicy = resource.externalBlobPolicy().orElse(ExternalBlobPolicy.DENY);
        String expected = state.graphComposite(graphId, state.schemaDigest(graphId), resource.embeddingProvider(),
                externalBlobPolicy);
        if (!expected.equals(resource.digest())) {
            entries.add(new Finding(ServingDiagnostics.graphCompositeMismatch(address)));
            return;
        }
        entries.add(new Graph(new ServingGraph(graphId, ClusterLayout.graphRoot(storageRoot, graphId), embedding,
                externalBlobPolicy)));
    }

    private static void selectPolicy(String address, String name, StateResource resource, Set<String> quarantined,
                                     List<Entry> entries) {
        if (resource.appliesTo().isEmpty()) {
            entries.add(new Finding(ServingDiagnostics.policyBindingsMissing(address)));
            return;
        }
        List<String> bindings = resource.appliesTo().get().stream()
                .filter(binding -> !(binding.startsWith("graph.")
                        && quarantined.contains(binding.substring("graph.".length()))))
                .toList();
        if (!bindings.isEmpty()) {
            entries.add(new PolicyPayload(address, name, bindings,
                    ClusterLayout.catalogPayload(address, resource.digest()).orElseThrow(), resource.digest()));
        }
    }
}
