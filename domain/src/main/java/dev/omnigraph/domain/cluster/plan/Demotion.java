package dev.omnigraph.domain.cluster.plan;

import dev.omnigraph.domain.cluster.Dependency;
import dev.omnigraph.domain.cluster.ResourceAddress;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * After a graph-moving step fails, applied changes that depended on that graph become blocked so
 * the output and the persisted statuses tell what actually ran: the graph itself carries the
 * failure ({@code graph_create_failed}, {@code graph_delete_failed}, or
 * {@code dependency_not_applied} after a schema failure), its schema {@code schema_apply_failed}
 * (or {@code dependency_not_applied}), its queries and the policies bound to it
 * {@code dependency_not_applied}. Changes that were not applied are left alone.
 */
public final class Demotion {

    private Demotion() {
    }

    public static List<PlanChange> demote(List<PlanChange> changes, Map<String, FailedGraphOrigin> failed,
                                          List<Dependency> dependencies) {
        if (failed.isEmpty()) {
            return changes;
        }
        return changes.stream().map(change -> {
            if (!change.is(ApplyDisposition.APPLIED)) {
                return change;
            }
            return reason(change, failed, dependencies)
                    .map(reason -> change.classified(ApplyDisposition.BLOCKED, Optional.of(reason)))
                    .orElse(change);
        }).toList();
    }

    private static Optional<String> reason(PlanChange change, Map<String, FailedGraphOrigin> failed,
                                           List<Dependency> dependencies) {
        ResourceAddress address = ResourceAddress.parse(change.resource());
        if (address instanceof ResourceAddress.Graph graph) {
            return Optional.ofNullable(failed.get(graph.graphId())).map(origin -> switch (origin) {
                case GRAPH_CREATE -> ChangeReasons.GRAPH_CREATE_FAILED;
                case GRAPH_DELETE -> ChangeReasons.GRAPH_DELETE_FAILED;
                case SCHEMA_APPLY -> ChangeReasons.DEPENDENCY_NOT_APPLIED;
            });
        }
        if (address instanceof ResourceAddress.Schema schema) {
            return Optional.ofNullable(failed.get(schema.graphId())).map(origin ->
                    origin == FailedGraphOrigin.SCHEMA_APPLY ? ChangeReasons.SCHEMA_APPLY_FAILED
                            : ChangeReasons.DEPENDENCY_NOT_APPLIED);
        }
        if (address instanceof ResourceAddress.Query query && failed.containsKey(query.graphId())) {
            return Optional.of(ChangeReasons.DEPENDENCY_NOT_APPLIED);
        }
        if (address instanceof ResourceAddress.Policy) {
            boolean bound = dependencies.stream().anyMatch(edge -> edge.from().equals(change.resource())
                    && edge.to().startsWith("graph.") && failed.containsKey(edge.to().substring("graph.".length())));
            return bound ? Optional.of(ChangeReasons.DEPENDENCY_NOT_APPLIED) : Optional.empty();
        }
        return Optional.empty();
    }
}
