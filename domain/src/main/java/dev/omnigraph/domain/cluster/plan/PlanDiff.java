package dev.omnigraph.domain.cluster.plan;

import dev.omnigraph.domain.cluster.config.DesiredCluster;
import dev.omnigraph.domain.cluster.state.ClusterState;
import dev.omnigraph.domain.cluster.state.StateResource;
import dev.omnigraph.domain.json.JsonDigest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The changes between the applied ledger and the desired revision, sorted by address
 * (code-point order). A missing ledger diffs as empty: everything is a create.
 */
public final class PlanDiff {

    private static final Comparator<PlanChange> BY_RESOURCE =
            Comparator.comparing(PlanChange::resource, JsonDigest.CODE_POINT_ORDER);

    private PlanDiff() {
    }

    /** Digest diff: only desired ⇒ create, both and different ⇒ update, only prior ⇒ delete. */
    public static List<PlanChange> diff(Map<String, String> prior, Map<String, String> desired) {
        List<PlanChange> changes = new ArrayList<>();
        desired.forEach((address, after) -> {
            String before = prior.get(address);
            if (before == null) {
                changes.add(PlanChange.create(address, after));
            } else if (!before.equals(after)) {
                changes.add(PlanChange.update(address, before, after));
            }
        });
        prior.forEach((address, before) -> {
            if (!desired.containsKey(address)) {
                changes.add(PlanChange.delete(address, before));
            }
        });
        changes.sort(BY_RESOURCE);
        return List.copyOf(changes);
    }

    /**
     * The full plan: the digest diff plus metadata-only updates for applied policies whose
     * recorded bindings differ from the desired ones and applied providers whose recorded profile
     * differs (absent metadata included). Resources already changed by content are not repeated;
     * with no ledger there is nothing to backfill.
     */
    public static List<PlanChange> plan(Optional<ClusterState> prior, DesiredCluster desired) {
        List<PlanChange> changes = new ArrayList<>(diff(prior.<Map<String, String>>map(ClusterState::resourceDigests).orElse(Map.of()),
                desired.resourceDigests()));
        if (prior.isEmpty()) {
            return List.copyOf(changes);
        }
        ClusterState state = prior.get();
        Set<String> changed = changes.stream().map(PlanChange::resource).collect(Collectors.toSet());
        desired.policyBindings().forEach((address, bindings) -> {
            Optional<StateResource> applied = state.resource(address);
            if (!changed.contains(address) && applied.isPresent()
                    && !applied.get().appliesTo().filter(bindings::equals).isPresent()) {
                changes.add(PlanChange.metadata(address, applied.get().digest(), MetadataChange.POLICY_BINDINGS));
            }
        });
        changed.addAll(changes.stream().map(PlanChange::resource).toList());
        desired.embeddingProviders().forEach((address, profile) -> {
            Optional<StateResource> applied = state.resource(address);
            if (!changed.contains(address) && applied.isPresent()
                    && !applied.get().embeddingProfile().filter(profile::equals).isPresent()) {
                changes.add(PlanChange.metadata(address, applied.get().digest(), MetadataChange.EMBEDDING_PROFILE));
            }
        });
        changes.sort(BY_RESOURCE);
        return List.copyOf(changes);
    }
}
