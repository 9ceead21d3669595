package dev.omnigraph.domain.cluster.plan;

import dev.omnigraph.domain.cluster.ExternalBlobPolicy;
import dev.omnigraph.domain.cluster.ResourceAddress;
import dev.omnigraph.domain.cluster.config.DesiredCluster;
import dev.omnigraph.domain.cluster.config.DesiredGraph;
import dev.omnigraph.domain.cluster.state.ApprovalRecord;
import dev.omnigraph.domain.cluster.state.ClusterState;
import dev.omnigraph.domain.cluster.state.LifecycleStatus;
import dev.omnigraph.domain.cluster.state.ResourceStatus;
import dev.omnigraph.domain.cluster.state.StateResource;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The ledger an apply run ends with, from the (swept) ledger it started from and the final
 * changes:
 * <ol>
 *   <li>applied creates and updates upsert their resource at the after digest (policies with their
 *       desired bindings, providers with their desired profile) and become {@code applied};
 *       applied deletes remove resource and status;</li>
 *   <li>blocked changes get status {@code blocked} with the reason as condition — except
 *       {@code cluster_recovery_pending}, whose statuses belong to the sweep; derived and deferred
 *       changes get no status;</li>
 *   <li>each executed graph delete tombstones its subtree and records its approval as consumed
 *       by {@code apply};</li>
 *   <li>every declared graph still in the ledger gets its composite recomputed from the ledger's
 *       parts and the desired provider binding; its external Blob policy is the desired one unless
 *       its graph or schema change was blocked, in which case the recorded one is kept (a failed
 *       migration must not widen or revoke what a server admits);</li>
 *   <li>converged iff the residual plan is empty, and then the desired config digest is recorded.</li>
 * </ol>
 */
public final class ApplyLedgerTransition {

    private ApplyLedgerTransition() {
    }

    /** A graph delete that ran to completion in this run, with the approval it consumed. */
    public record ExecutedDelete(String graphId, Optional<String> approvalId) {
        public ExecutedDelete {
            Objects.requireNonNull(graphId, "graphId");
            Objects.requireNonNull(approvalId, "approvalId");
        }
    }

    public record Outcome(ClusterState state, boolean converged) {
        public Outcome {
            Objects.requireNonNull(state, "state");
        }
    }

    public static Outcome next(ClusterState swept, List<PlanChange> changes, DesiredCluster desired,
                               List<ExecutedDelete> executedDeletes, Optional<String> actor, String now) {
        ClusterState.Editor next = swept.edit();
        for (PlanChange change : changes) {
            if (change.is(ApplyDisposition.APPLIED)) {
                if (change.operation() == PlanOperation.DELETE) {
                    next.removeResource(change.resource()).removeStatus(change.resource());
                } else {
                    next.putResource(change.resource(), new StateResource(change.afterDigest().orElseThrow(),
                            Optional.ofNullable(desired.policyBindings().get(change.resource())), Optional.empty(),
                            Optional.ofNullable(desired.embeddingProviders().get(change.resource())), Optional.empty()));
                    next.status(change.resource(), ResourceStatus.applied());
                }
            } else if (change.is(ApplyDisposition.BLOCKED)
                    && !change.reason().filter(ChangeReasons.CLUSTER_RECOVERY_PENDING::equals).isPresent()) {
                next.status(change.resource(), ResourceStatus.of(LifecycleStatus.BLOCKED,
                        change.reason().orElse(ChangeReasons.DEPENDENCY_NOT_APPLIED),
                        "waiting on an unapplied or missing dependency"));
            }
        }
        for (ExecutedDelete delete : executedDeletes) {
            next.tombstoneGraph(delete.graphId(), now, delete.approvalId(), actor);
            delete.approvalId().ifPresent(id -> next.approvalRecord(id, new ApprovalRecord(now, "apply")));
        }
        recomputeComposites(next, changes, desired);
        ClusterState candidate = next.snapshot();
        boolean converged = PlanDiff.plan(Optional.of(candidate), desired).isEmpty();
        if (converged) {
            next.configDigest(Optional.of(desired.configDigest()));
        }
        return new Outcome(next.build(), converged);
    }

    private static void recomputeComposites(ClusterState.Editor next, List<PlanChange> changes, DesiredCluster desired) {
        for (DesiredGraph graph : desired.graphs()) {
            ClusterState current = next.snapshot();
            String graphAddress = ResourceAddress.graph(graph.id());
            if (current.resource(graphAddress).isEmpty()) {
                continue;
            }
            boolean graphChangeBlocked = changes.stream().anyMatch(change -> change.is(ApplyDisposition.BLOCKED)
                    && ResourceAddress.parse(change.resource()).owningGraph().filter(graph.id()::equals).isPresent()
                    && !(ResourceAddress.parse(change.resource()) instanceof ResourceAddress.Query));
            ExternalBlobPolicy policy = graphChangeBlocked ? current.graphExternalBlobPolicy(graph.id())
                    : graph.externalBlobPolicy();
            String composite = current.graphComposite(graph.id(), current.schemaDigest(graph.id()),
                    graph.embeddingProvider(), policy);
            next.putResource(graphAddress, new StateResource(composite, Optional.empty(), graph.embeddingProvider(),
                    Optional.empty(), policy.persisted()));
        }
    }
}
