package dev.omnigraph.domain.cluster.plan;

import dev.omnigraph.domain.cluster.ClusterCodes;
import dev.omnigraph.domain.cluster.ClusterDiagnostic;
import dev.omnigraph.domain.cluster.ClusterLayout;
import dev.omnigraph.domain.cluster.Dependency;
import dev.omnigraph.domain.cluster.ResourceAddress;
import dev.omnigraph.domain.json.JsonDigest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What an apply run will do, phase by phase ({@link ApplyPhase}), derived from classified
 * changes: graph ids to create, graph ids whose schema to migrate, catalog payloads to publish,
 * graph ids to delete. Each list is in address order. After a graph-moving failure,
 * {@link #demoted} gives the plan for the rest of the run.
 */
public record ApplyPlan(List<PlanChange> changes,
                        List<String> graphCreates,
                        List<String> schemaUpdates,
                        List<CatalogWrite> catalogWrites,
                        List<String> graphDeletes) {

    /** One content-addressed payload to publish (if absent) before the ledger write. */
    public record CatalogWrite(String address, String digest, String payloadLocation) {
        public CatalogWrite {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(digest, "digest");
            Objects.requireNonNull(payloadLocation, "payloadLocation");
        }
    }

    public ApplyPlan {
        changes = List.copyOf(changes);
        graphCreates = List.copyOf(graphCreates);
        schemaUpdates = List.copyOf(schemaUpdates);
        catalogWrites = List.copyOf(catalogWrites);
        graphDeletes = List.copyOf(graphDeletes);
    }

    /** A plan, or the refusal when an executable change lacks its approval. */
    public sealed interface Preparation {
        record Ready(ApplyPlan plan) implements Preparation {
            public Ready {
                Objects.requireNonNull(plan, "plan");
            }
        }

        record Refused(ClusterDiagnostic diagnostic) implements Preparation {
            public Refused {
                Objects.requireNonNull(diagnostic, "diagnostic");
            }
        }
    }

    /**
     * Defensive invariant first: no applied change may have an unsatisfied approval gate
     * ({@code apply_approval_invariant_violation}; apply refuses and writes nothing).
     */
    public static Preparation prepare(List<PlanChange> classified, List<ApprovalRequirement> requirements) {
        boolean violation = classified.stream().anyMatch(change -> change.is(ApplyDisposition.APPLIED)
                && requirements.stream().anyMatch(gate -> gate.resource().equals(change.resource()) && !gate.satisfied()));
        if (violation) {
            return new Preparation.Refused(ClusterDiagnostic.error(ClusterCodes.APPLY_APPROVAL_INVARIANT_VIOLATION,
                    "changes", "an executable change requires approval; refusing to apply"));
        }
        return new Preparation.Ready(of(classified));
    }

    static ApplyPlan of(List<PlanChange> unordered) {
        List<PlanChange> changes = new ArrayList<>(unordered);
        changes.sort(Comparator.comparing(PlanChange::resource, JsonDigest.CODE_POINT_ORDER));
        List<CatalogWrite> writes = new ArrayList<>();
        for (PlanChange change : changes) {
            if (!change.is(ApplyDisposition.APPLIED) || change.operation() == PlanOperation.DELETE) {
                continue;
            }
            String digest = change.afterDigest().orElseThrow();
            ClusterLayout.catalogPayload(change.resource(), digest)
                    .ifPresent(location -> writes.add(new CatalogWrite(change.resource(), digest, location)));
        }
        return new ApplyPlan(changes,
                graphIds(changes, PlanOperation.CREATE, address -> address instanceof ResourceAddress.Graph),
                graphIds(changes, PlanOperation.UPDATE, address -> address instanceof ResourceAddress.Schema),
                writes,
                graphIds(changes, PlanOperation.DELETE, address -> address instanceof ResourceAddress.Graph));
    }

    private static List<String> graphIds(List<PlanChange> changes, PlanOperation operation,
                                         Predicate<ResourceAddress> kind) {
        return changes.stream()
                .filter(change -> change.is(ApplyDisposition.APPLIED) && change.operation() == operation)
                .map(change -> ResourceAddress.parse(change.resource()))
                .filter(kind)
                .map(address -> address.owningGraph().orElseThrow())
                .toList();
    }

    /** The plan after graph-moving failures: dependents of failed graphs demoted, lists recomputed. */
    public ApplyPlan demoted(Map<String, FailedGraphOrigin> failed, List<Dependency> dependencies) {
        return of(Demotion.demote(changes, failed, dependencies));
    }

    /** One warning per deferred ({@code apply_unsupported_change}) and blocked ({@code apply_dependency_blocked}) change. */
    public List<ClusterDiagnostic> dispositionWarnings() {
        List<ClusterDiagnostic> warnings = new ArrayList<>();
        for (PlanChange change : changes) {
            if (change.is(ApplyDisposition.DEFERRED)) {
                warnings.add(ClusterDiagnostic.warning(ClusterCodes.APPLY_UNSUPPORTED_CHANGE, change.resource(),
                        "graph/schema changes are not applied in this stage; they are deferred to the graph-lifecycle phase"));
            } else if (change.is(ApplyDisposition.BLOCKED)) {
                warnings.add(ClusterDiagnostic.warning(ClusterCodes.APPLY_DEPENDENCY_BLOCKED, change.resource(),
                        "blocked by an unapplied or missing dependency (" + change.reason().orElse("dependency") + ")"));
            }
        }
        return List.copyOf(warnings);
    }

    public long appliedCount() {
        return changes.stream().filter(change -> change.is(ApplyDisposition.APPLIED)).count();
    }

    /** Deferred plus blocked; derived counts as neither. */
    public long deferredCount() {
        return changes.stream().filter(change -> change.is(ApplyDisposition.DEFERRED)
                || change.is(ApplyDisposition.BLOCKED)).count();
    }

    /** The warning for a graph step skipped because an earlier graph-moving step failed in this run. */
    public static ClusterDiagnostic skipped(FailedGraphOrigin step, String graphId) {
        return switch (step) {
            case GRAPH_CREATE -> ClusterDiagnostic.warning(ClusterCodes.GRAPH_CREATE_SKIPPED,
                    ResourceAddress.graph(graphId), "skipped after an earlier graph create failed in this run");
            case SCHEMA_APPLY -> ClusterDiagnostic.warning(ClusterCodes.SCHEMA_APPLY_SKIPPED,
                    ResourceAddress.schema(graphId), "skipped after an earlier graph-moving operation failed in this run");
            case GRAPH_DELETE -> ClusterDiagnostic.warning(ClusterCodes.GRAPH_DELETE_SKIPPED,
                    ResourceAddress.graph(graphId), "skipped after an earlier graph-moving operation failed in this run");
        };
    }

    /** The applied change for an address, if it is in this plan. */
    public Optional<PlanChange> change(String address) {
        return changes.stream().filter(change -> change.resource().equals(address)).findFirst();
    }
}
