package dev.omnigraph.domain.cluster.recovery;

import dev.omnigraph.domain.cluster.ResourceAddress;
import dev.omnigraph.domain.cluster.state.ClusterState;
import dev.omnigraph.domain.cluster.state.RecoverySidecar;

import java.util.Optional;

/**
 * Classifies one surviving sidecar into its {@link SweepRow} from the observation of its graph
 * root and the ledger as swept so far. Create and schema sidecars are classified by schema
 * digest (robust to unrelated manifest movement; the manifest version pins are forensic only);
 * delete sidecars by root existence and ledger membership.
 */
public final class SweepClassifier {

    private SweepClassifier() {
    }

    public static SweepRow classify(RecoverySidecar sidecar, GraphRootObservation root, ClusterState ledger) {
        Optional<String> recorded = ledger.schemaDigest(sidecar.graphId());
        return switch (sidecar.kind()) {
            case GRAPH_CREATE -> {
                if (root instanceof GraphRootObservation.Absent) {
                    yield SweepRow.CREATE_ROOT_ABSENT;
                }
                if (root instanceof GraphRootObservation.Opened opened) {
                    if (recorded.filter(opened.liveSchemaDigest()::equals).isPresent()) {
                        yield SweepRow.CREATE_ALREADY_RECORDED;
                    }
                    yield opened.liveSchemaDigest().equals(sidecar.desiredSchemaDigest()) ? SweepRow.CREATE_ROLLED_FORWARD
                            : SweepRow.CREATE_UNEXPECTED_STATE;
                }
                yield SweepRow.CREATE_PARTIAL_ROOT;
            }
            case SCHEMA_APPLY -> {
                if (!(root instanceof GraphRootObservation.Opened opened)) {
                    yield SweepRow.SCHEMA_UNVERIFIABLE;
                }
                if (recorded.filter(opened.liveSchemaDigest()::equals).isPresent()) {
                    yield SweepRow.SCHEMA_STALE_INTENT;
                }
                yield opened.liveSchemaDigest().equals(sidecar.desiredSchemaDigest()) ? SweepRow.SCHEMA_ROLLED_FORWARD
                        : SweepRow.SCHEMA_UNEXPECTED_STATE;
            }
            case GRAPH_DELETE -> {
                if (root.rootExists()) {
                    yield SweepRow.DELETE_INCOMPLETE;
                }
                yield ledger.resource(ResourceAddress.graph(sidecar.graphId())).isPresent()
                        ? SweepRow.DELETE_ROLLED_FORWARD : SweepRow.DELETE_ALREADY_TOMBSTONED;
            }
        };
    }
}
