package dev.omnigraph.domain.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The graph-root shape the command line checks before refusing {@code init} and {@code schema apply}
 * into a cluster: only {@code <root>/graphs/<id>.omni} names a candidate storage root, so any other
 * graph location is answered without touching storage.
 */
class ClusterLayoutTest {

    @Test
    void aGraphRootOfTheClusterLayoutNamesItsStorageRoot() {
        assertEquals(Optional.of("/srv/ops"), ClusterLayout.storageRootOfGraphRoot("/srv/ops/graphs/people.omni"));
        assertEquals(Optional.of("/srv/ops"), ClusterLayout.storageRootOfGraphRoot("/srv/ops/graphs/people.omni//"));
        assertEquals(Optional.of("s3://bucket/clusters/ops"),
                ClusterLayout.storageRootOfGraphRoot("s3://bucket/clusters/ops/graphs/people.omni"));
        assertEquals(Optional.of("/a/graphs/b"), ClusterLayout.storageRootOfGraphRoot("/a/graphs/b/graphs/c.omni"),
                "the innermost graphs/ folder is the layout's");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/srv/ops/people.omni", "/srv/ops/graphs/people", "/srv/ops/graphs/.omni",
        "graphs/people.omni", "/graphs/people.omni", "/srv/ops/graphs/team/people.omni", "s3://bucket/kb.omni"})
    void anyOtherShapeIsNoClusterGraph(String graphUri) {
        assertEquals(Optional.empty(), ClusterLayout.storageRootOfGraphRoot(graphUri));
    }
}
