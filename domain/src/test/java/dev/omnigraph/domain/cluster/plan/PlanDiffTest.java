package dev.omnigraph.domain.cluster.plan;

import dev.omnigraph.domain.cluster.state.ClusterState;
import dev.omnigraph.domain.cluster.state.StateResource;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanDiffTest {

    @Test
    void createsUpdatesAndDeletesSortedByAddress() {
        List<PlanChange> changes = PlanDiff.diff(Map.of("graph.b", "1", "query.a.x", "2", "schema.b", "3"),
                Map.of("graph.b", "1b", "query.a.x", "2", "graph.a", "9"));
        assertEquals(List.of(PlanChange.create("graph.a", "9"), PlanChange.update("graph.b", "1", "1b"),
                PlanChange.delete("schema.b", "3")), changes);
        assertEquals("{\"resource\":\"graph.b\",\"operation\":\"update\",\"before_digest\":\"1\",\"after_digest\":\"1b\"}",
                changes.get(1).toJson().toString());
    }

    @Test
    void withoutALedgerEverythingIsACreateAndNothingIsBackfilled() {
        List<PlanChange> changes = PlanDiff.plan(Optional.empty(), PlanFixtures.desired());
        assertEquals(5, changes.size());
        assertTrue(changes.stream().allMatch(change -> change.operation() == PlanOperation.CREATE));
    }

    @Test
    void metadataOnlyChangesForBindingsAndProfiles() {
        var desired = PlanFixtures.desired();
        ClusterState.Editor ledger = ClusterState.initialImport("cfg").edit();
        desired.resourceDigests().forEach((address, digest) -> ledger.putResource(address, StateResource.of(digest)));
        List<PlanChange> changes = PlanDiff.plan(Optional.of(ledger.build()), desired);
        assertEquals(List.of(PlanChange.metadata("policy.p", "pd", MetadataChange.POLICY_BINDINGS),
                PlanChange.metadata("provider.embedding.e", PlanFixtures.PROVIDER_DIGEST, MetadataChange.EMBEDDING_PROFILE)),
                changes);
        assertEquals("{\"resource\":\"policy.p\",\"operation\":\"update\",\"before_digest\":\"pd\",\"after_digest\":\"pd\","
                + "\"binding_change\":true,\"metadata_change\":\"policy_bindings\"}", changes.get(0).toJson().toString());
        assertEquals("Update", changes.get(0).operation().title());
    }

    @Test
    void contentChangesAreNotRepeatedAsMetadataChanges() {
        var desired = PlanFixtures.desired();
        ClusterState.Editor ledger = ClusterState.initialImport("cfg").edit();
        desired.resourceDigests().forEach((address, digest) -> ledger.putResource(address, StateResource.of(digest)));
        ledger.putResource("policy.p", StateResource.of("old"));
        List<PlanChange> changes = PlanDiff.plan(Optional.of(ledger.build()), desired);
        assertEquals(PlanChange.update("policy.p", "old", "pd"), changes.get(0));
    }

    @Property(tries = 200)
    void applyingTheDiffToPriorGivesDesired(
            @ForAll @Size(max = 6) Map<@StringLength(max = 2) String, @StringLength(max = 1) String> prior,
            @ForAll @Size(max = 6) Map<@StringLength(max = 2) String, @StringLength(max = 1) String> desired) {
        Map<String, String> result = new HashMap<>(prior);
        for (PlanChange change : PlanDiff.diff(prior, desired)) {
            switch (change.operation()) {
                case CREATE, UPDATE -> result.put(change.resource(), change.afterDigest().orElseThrow());
                case DELETE -> result.remove(change.resource());
            }
        }
        assertEquals(desired, result);
        assertTrue(PlanDiff.diff(desired, desired).isEmpty());
    }
}
