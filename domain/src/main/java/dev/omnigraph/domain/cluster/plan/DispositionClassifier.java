package dev.omnigraph.domain.cluster.plan;

import dev.omnigraph.domain.cluster.Dependency;
import dev.omnigraph.domain.cluster.ResourceAddress;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Gives every change its disposition and reason (the reference's {@code classify_changes}).
 *
 * <p>Inputs: the changes, dependency edges, the graphs with a pending recovery (empty for plan,
 * which never sweeps; the sweep's set for apply) and the resources with a valid approval.
 * Helper sets: graph creates, graph deletes, and "schema pending" graphs (a schema delete, or a
 * schema create without a paired graph create). A subtree rides an approved delete when its graph
 * is being deleted, {@code graph.<id>} is approved and the graph is not pending.
 *
 * <p>Known quirk kept for compatibility: a schema create without a paired graph create is blocked
 * with {@code cluster_recovery_pending} even when nothing is pending.
 */
public final class DispositionClassifier {

    private DispositionClassifier() {
    }

    private record Decision(ApplyDisposition disposition, String reason) {
        static Decision applied() {
            return new Decision(ApplyDisposition.APPLIED, null);
        }

        static Decision blocked(String reason) {
            return new Decision(ApplyDisposition.BLOCKED, reason);
        }

        static Decision deferred() {
            return new Decision(ApplyDisposition.DEFERRED, ChangeReasons.APPLY_UNSUPPORTED_KIND);
        }
    }

    public static List<PlanChange> classify(List<PlanChange> changes, List<Dependency> dependencies,
                                            Set<String> pendingGraphs, Set<String> approved) {
        Set<String> schemaCreates = new HashSet<>();
        Set<String> schemaPending = new HashSet<>();
        Set<String> graphCreates = new HashSet<>();
        Set<String> graphDeletes = new HashSet<>();
        for (PlanChange change : changes) {
            ResourceAddress address = ResourceAddress.parse(change.resource());
            if (address instanceof ResourceAddress.Schema schema) {
                if (change.operation() == PlanOperation.CREATE) {
                    schemaCreates.add(schema.graphId());
                } else if (change.operation() == PlanOperation.DELETE) {
                    schemaPending.add(schema.graphId());
                }
            } else if (address instanceof ResourceAddress.Graph graph) {
                if (change.operation() == PlanOperation.CREATE) {
                    graphCreates.add(graph.graphId());
                } else if (change.operation() == PlanOperation.DELETE) {
                    graphDeletes.add(graph.graphId());
                }
            }
        }
        for (String graph : schemaCreates) {
            if (!graphCreates.contains(graph)) {
                schemaPending.add(graph);
            }
        }
        Context context = new Context(dependencies, pendingGraphs, approved, graphCreates, graphDeletes, schemaPending);
        return changes.stream().map(change -> {
            Decision decision = context.decide(change);
            return change.classified(decision.disposition(), Optional.ofNullable(decision.reason()));
        }).toList();
    }

    private record Context(List<Dependency> dependencies, Set<String> pending, Set<String> approved,
                           Set<String> graphCreates, Set<String> graphDeletes, Set<String> schemaPending) {

        boolean ridesApprovedDelete(String graph) {
            return graphDeletes.contains(graph) && approved.contains(ResourceAddress.graph(graph))
                    && !pending.contains(graph);
        }

        Decision decide(PlanChange change) {
            ResourceAddress address = ResourceAddress.parse(change.resource());
            PlanOperation operation = change.operation();
            if (address instanceof ResourceAddress.Schema schema) {
                return schema(schema.graphId(), operation);
            }
            if (address instanceof ResourceAddress.Graph graph) {
                return graph(graph.graphId(), operation);
            }
            if (address instanceof ResourceAddress.Query query) {
                return query(query.graphId(), operation);
            }
            if (address instanceof ResourceAddress.Policy) {
                return policy(change.resource(), operation);
            }
            if (address instanceof ResourceAddress.EmbeddingProvider) {
                return Decision.applied();
            }
            return Decision.deferred();
        }

        private Decision schema(String graph, PlanOperation operation) {
            boolean graphPending = pending.contains(graph);
            return switch (operation) {
                case CREATE -> graphCreates.contains(graph) && !graphPending ? Decision.applied()
                        : Decision.blocked(ChangeReasons.CLUSTER_RECOVERY_PENDING);
                case UPDATE -> graphPending ? Decision.blocked(ChangeReasons.CLUSTER_RECOVERY_PENDING) : Decision.applied();
                case DELETE -> {
                    if (!graphDeletes.contains(graph)) {
                        yield Decision.deferred();
                    }
                    if (ridesApprovedDelete(graph)) {
                        yield Decision.applied();
                    }
                    yield graphPending ? Decision.blocked(ChangeReasons.CLUSTER_RECOVERY_PENDING)
                            : Decision.blocked(ChangeReasons.APPROVAL_REQUIRED);
                }
            };
        }

        private Decision graph(String graph, PlanOperation operation) {
            return switch (operation) {
                case CREATE -> pending.contains(graph) ? Decision.blocked(ChangeReasons.CLUSTER_RECOVERY_PENDING)
                        : Decision.applied();
                case UPDATE -> schemaPending.contains(graph) ? Decision.deferred()
                        : new Decision(ApplyDisposition.DERIVED, null);
                case DELETE -> {
                    if (pending.contains(graph)) {
                        yield Decision.blocked(ChangeReasons.CLUSTER_RECOVERY_PENDING);
                    }
                    yield ridesApprovedDelete(graph) ? Decision.applied()
                            : Decision.blocked(ChangeReasons.APPROVAL_REQUIRED);
                }
            };
        }

        private Decision query(String graph, PlanOperation operation) {
            if (operation == PlanOperation.DELETE) {
                if (ridesApprovedDelete(graph)) {
                    return Decision.applied();
                }
                return graphDeletes.contains(graph) ? Decision.blocked(ChangeReasons.APPROVAL_REQUIRED)
                        : Decision.applied();
            }
            if (pending.contains(graph)) {
                return Decision.blocked(ChangeReasons.CLUSTER_RECOVERY_PENDING);
            }
            if (schemaPending.contains(graph)) {
                return Decision.blocked(ChangeReasons.DEPENDENCY_NOT_APPLIED);
            }
            return Decision.applied();
        }

        private Decision policy(String resource, PlanOperation operation) {
            if (operation == PlanOperation.DELETE) {
                return Decision.applied();
            }
            boolean boundGraphPending = dependencies.stream().anyMatch(dependency -> dependency.from().equals(resource)
                    && dependency.to().startsWith("graph.")
                    && pending.contains(dependency.to().substring("graph.".length())));
            return boundGraphPending ? Decision.blocked(ChangeReasons.CLUSTER_RECOVERY_PENDING) : Decision.applied();
        }
    }
}
