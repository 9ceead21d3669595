package dev.omnigraph.domain.cluster.state;

import dev.omnigraph.domain.cluster.EmbeddingProviderProfile;
import dev.omnigraph.domain.cluster.ExternalBlobBase;
import dev.omnigraph.domain.cluster.ExternalBlobPolicy;
import dev.omnigraph.domain.cluster.ExternalBlobScope;
import dev.omnigraph.domain.cluster.TestJson;
import dev.omnigraph.domain.json.JsonValue;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;
import java.util.TreeMap;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Why this exists: decode ∘ encode must be the identity on every ledger this build can write, or
 * a read-modify-write cycle would silently change (and re-hash) state it did not mean to touch.
 */
class ClusterStateRoundTripPropertyTest {

    @Property(tries = 200)
    void encodeThenDecodeIsIdentity(@ForAll("states") ClusterState state) {
        String text = ClusterStateCodec.fileText(state);
        StateDecoding decoded = ClusterStateCodec.decode(TestJson.parse(text));
        assertEquals(new StateDecoding.Decoded(state), decoded);
        assertEquals(text, ClusterStateCodec.fileText(((StateDecoding.Decoded) decoded).state()));
    }

    @Provide
    Arbitrary<ClusterState> states() {
        Arbitrary<String> names = Arbitraries.strings().withCharRange('a', 'e').ofMinLength(1).ofMaxLength(3);
        Arbitrary<String> texts = Arbitraries.strings().withChars("abc\"\\é\n ").ofMaxLength(6);
        Arbitrary<Optional<String>> maybe = texts.optional();
        Arbitrary<EmbeddingProviderProfile> profiles = Combinators.combine(maybe, maybe, maybe, maybe)
                .as(EmbeddingProviderProfile::new);
        Arbitrary<ExternalBlobPolicy> policies = Arbitraries.of(ExternalBlobPolicy.DENY,
                new ExternalBlobPolicy.Allow(List.of(new ExternalBlobBase("s3://b/x/", ExternalBlobScope.SERVER_SAFE))));
        Arbitrary<StateResource> resources = Combinators.combine(texts, names.list().ofMaxSize(2).optional(),
                        maybe, profiles.optional(), policies.optional())
                .as(StateResource::new);
        Arbitrary<ResourceStatus> statuses = Combinators.combine(Arbitraries.of(LifecycleStatus.class),
                texts.list().ofMaxSize(2), maybe).as(ResourceStatus::new);
        Arbitrary<ApprovalRecord> approvals = Combinators.combine(texts, texts).as(ApprovalRecord::new);
        Arbitrary<RecoveryRecord> recoveries = Combinators.combine(Arbitraries.of(RecoverySidecarKind.class), names,
                texts, texts, maybe).as(RecoveryRecord::new);
        return Combinators.combine(
                Arbitraries.longs().between(0, Long.MAX_VALUE),
                maybe,
                Arbitraries.maps(names, resources).ofMaxSize(4),
                Arbitraries.maps(names, statuses).ofMaxSize(3),
                Arbitraries.maps(names, approvals).ofMaxSize(2),
                Arbitraries.maps(names, recoveries).ofMaxSize(2),
                Arbitraries.maps(names, texts.map(ClusterStateRoundTripPropertyTest::tombstone)).ofMaxSize(2))
                .as((revision, config, resourceMap, statusMap, approvalMap, recoveryMap, observationMap) ->
                        new ClusterState(1, revision, new AppliedRevision(config, new TreeMap<>(resourceMap)),
                                new TreeMap<>(statusMap), new TreeMap<>(approvalMap),
                                new TreeMap<>(recoveryMap), new TreeMap<>(observationMap)));
    }

    private static JsonValue tombstone(String at) {
        return ClusterObservations.tombstone(at, Optional.empty(), Optional.of(at));
    }
}
