package dev.omnigraph.domain.cluster.plan;

import dev.omnigraph.domain.cluster.ClusterCodes;
import dev.omnigraph.domain.cluster.ClusterDiagnostic;
import dev.omnigraph.domain.cluster.ResourceAddress;
import dev.omnigraph.domain.cluster.state.ApprovalArtifact;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Gated (irreversible) changes and the approvals that unlock them.
 *
 * <p>Gates: every delete of {@code graph.<id>}, and a delete of {@code schema.<id>} only when its
 * graph is not deleted in the same plan (one gate per subtree: the graph's approval covers its
 * schema and queries). An artifact is valid for a change iff it is unconsumed, names the same
 * resource and binds the current desired config digest and the change's exact before and after
 * digests. Any config edit therefore stales every approval; a stale near-miss is a warning and
 * authorises nothing. Approvals do not expire.
 */
public final class ApprovalGate {

    public static final String DELETE_REASON = "delete may remove deployed graph or schema definition";

    private ApprovalGate() {
    }

    public static List<ApprovalRequirement> requirements(List<PlanChange> changes, Set<String> approved) {
        Set<String> graphDeletes = new HashSet<>();
        for (PlanChange change : changes) {
            if (change.operation() == PlanOperation.DELETE
                    && ResourceAddress.parse(change.resource()) instanceof ResourceAddress.Graph graph) {
                graphDeletes.add(graph.graphId());
            }
        }
        List<ApprovalRequirement> requirements = new ArrayList<>();
        for (PlanChange change : changes) {
            if (change.operation() != PlanOperation.DELETE) {
                continue;
            }
            ResourceAddress address = ResourceAddress.parse(change.resource());
            boolean gated = address instanceof ResourceAddress.Graph
                    || address instanceof ResourceAddress.Schema schema && !graphDeletes.contains(schema.graphId());
            if (gated) {
                requirements.add(new ApprovalRequirement(change.resource(), DELETE_REASON,
                        approved.contains(change.resource())));
            }
        }
        return List.copyOf(requirements);
    }

    /** The resources a valid artifact approves, and one {@code approval_stale} warning per change with only near-misses. */
    public record Evaluation(Set<String> approved, List<ClusterDiagnostic> staleWarnings) {
        public Evaluation {
            approved = Set.copyOf(approved);
            staleWarnings = List.copyOf(staleWarnings);
        }
    }

    public static Evaluation evaluate(List<ApprovalArtifact> artifacts, List<PlanChange> changes, String configDigest) {
        Set<String> approved = new TreeSet<>();
        List<ClusterDiagnostic> stale = new ArrayList<>();
        for (PlanChange change : changes) {
            List<ApprovalArtifact> candidates = artifacts.stream()
                    .filter(artifact -> !artifact.isConsumed() && artifact.resource().equals(change.resource()))
                    .toList();
            if (candidates.isEmpty()) {
                continue;
            }
            boolean matched = candidates.stream().anyMatch(artifact -> bindsExactly(artifact, change, configDigest));
            if (matched) {
                approved.add(change.resource());
            } else {
                stale.add(ClusterDiagnostic.warning(ClusterCodes.APPROVAL_STALE, change.resource(),
                        "an approval artifact exists but its bound digests no longer match the plan; re-run "
                                + "`cluster approve`"));
            }
        }
        return new Evaluation(approved, stale);
    }

    static boolean bindsExactly(ApprovalArtifact artifact, PlanChange change, String configDigest) {
        return artifact.boundConfigDigest().equals(configDigest)
                && artifact.boundBeforeDigest().equals(change.beforeDigest())
                && artifact.boundAfterDigest().equals(change.afterDigest());
    }

    /**
     * The artifact apply consumes for an approved graph delete: the first unconsumed artifact for
     * {@code graph.<id>} bound to the current config digest (classification already proved one
     * matches exactly).
     */
    public static Optional<String> consumableApproval(List<ApprovalArtifact> artifacts, String graphAddress,
                                                      String configDigest) {
        return artifacts.stream()
                .filter(artifact -> !artifact.isConsumed() && artifact.resource().equals(graphAddress)
                        && artifact.boundConfigDigest().equals(configDigest))
                .map(ApprovalArtifact::approvalId)
                .findFirst();
    }

    /** What {@code cluster approve <resource>} may do against the plain digest diff. */
    public sealed interface ApproveDecision {
        record Approvable(PlanChange change, String reason) implements ApproveDecision {
            public Approvable {
                Objects.requireNonNull(change, "change");
                Objects.requireNonNull(reason, "reason");
            }

            /** The artifact to write; id, approver and time come from the caller. */
            public ApprovalArtifact artifact(String approvalId, String configDigest, String approvedBy, String createdAt) {
                return new ApprovalArtifact(ApprovalArtifact.SCHEMA_VERSION, approvalId, change.resource(),
                        change.operation().label(), reason, configDigest, change.beforeDigest(), change.afterDigest(),
                        approvedBy, createdAt, Optional.empty(), Optional.empty());
            }
        }

        record NotRequired(ClusterDiagnostic diagnostic) implements ApproveDecision {
            public NotRequired {
                Objects.requireNonNull(diagnostic, "diagnostic");
            }
        }
    }

    /**
     * Approve considers only the digest diff (no metadata changes, no existing approvals): the
     * resource must be a change with a gate, else {@code approval_not_required}.
     */
    public static ApproveDecision approve(List<PlanChange> digestChanges, String resource) {
        List<ApprovalRequirement> gates = requirements(digestChanges, Set.of());
        Optional<ApprovalRequirement> gate = gates.stream().filter(g -> g.resource().equals(resource)).findFirst();
        Optional<PlanChange> change = digestChanges.stream().filter(c -> c.resource().equals(resource)).findFirst();
        if (gate.isEmpty() || change.isEmpty()) {
            return new ApproveDecision.NotRequired(ClusterDiagnostic.error(ClusterCodes.APPROVAL_NOT_REQUIRED, resource,
                    "no pending change for this resource requires approval (check `cluster plan`)"));
        }
        return new ApproveDecision.Approvable(change.get(), gate.get().reason());
    }
}
