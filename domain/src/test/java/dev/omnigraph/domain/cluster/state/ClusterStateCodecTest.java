package dev.omnigraph.domain.cluster.state;

import dev.omnigraph.domain.cluster.ClusterCodes;
import dev.omnigraph.domain.cluster.ClusterDiagnostic;
import dev.omnigraph.domain.cluster.ExternalBlobPolicy;
import dev.omnigraph.domain.cluster.Sha256;
import dev.omnigraph.domain.cluster.TestJson;
import dev.omnigraph.domain.json.JsonNumber;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.domain.json.JsonWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Why this exists: state.json is the publish point; its exact bytes are the CAS token and a
 * ledger written by the reference must decode here and re-encode to the same bytes. Unknown
 * fields must be refused at every level so a newer writer's ledger is never half-understood.
 */
class ClusterStateCodecTest {

    /** A ledger in the reference's pretty layout, with every section populated. */
    static final String FULL = """
            {
              "version": 1,
              "state_revision": 7,
              "applied_revision": {
                "config_digest": "cfg",
                "resources": {
                  "graph.k": {
                    "digest": "composite",
                    "embedding_provider": "provider.embedding.d",
                    "external_blob_policy": {
                      "mode": "allow",
                      "bases": [
                        {
                          "uri": "s3://assets/k/",
                          "scope": "server_safe"
                        }
                      ]
                    }
                  },
                  "policy.p": {
                    "digest": "pd",
                    "applies_to": [
                      "graph.k"
                    ]
                  },
                  "provider.embedding.d": {
                    "digest": "ed",
                    "embedding_profile": {
                      "kind": "mock",
                      "model": "m"
                    }
                  },
                  "query.k.q": {
                    "digest": "qd"
                  },
                  "schema.k": {
                    "digest": "sd"
                  }
                }
              },
              "resource_statuses": {
                "graph.k": {
                  "status": "applied"
                },
                "query.k.q": {
                  "status": "blocked",
                  "conditions": [
                    "dependency_not_applied"
                  ],
                  "message": "waiting on an unapplied or missing dependency"
                }
              },
              "approval_records": {
                "01APPROVAL": {
                  "consumed_at": "2026-01-02T03:04:05Z",
                  "consumed_by_operation": "apply"
                }
              },
              "recovery_records": {
                "01OPERATION": {
                  "kind": "graph_create",
                  "graph_id": "k",
                  "outcome": "rolled_forward",
                  "recovered_at": "2026-01-02T03:04:05Z",
                  "actor": null
                }
              },
              "observations": {
                "graph.gone": {
                  "kind": "tombstone",
                  "deleted_at": "2026-01-02T03:04:05Z",
                  "approval_id": "01APPROVAL",
                  "actor": "andrew"
                }
              }
            }
            """;

    @Test
    void aFullLedgerRoundTripsByteForByte() {
        ClusterState state = decoded(FULL);
        assertEquals(7, state.stateRevision());
        assertEquals(Optional.of(List.of("graph.k")), state.resource("policy.p").orElseThrow().appliesTo());
        assertInstanceOf(ExternalBlobPolicy.Allow.class, state.graphExternalBlobPolicy("k"));
        assertEquals(LifecycleStatus.BLOCKED, state.resourceStatuses().get("query.k.q").status());
        assertEquals(RecoverySidecarKind.GRAPH_CREATE, state.recoveryRecords().get("01OPERATION").kind());
        assertEquals(FULL, ClusterStateCodec.fileText(state));
        assertEquals(List.of("k"), state.appliedGraphIds(), "graphs only: not the policy, provider or queries");
        assertEquals(List.of(), decoded("{\"version\": 1, \"applied_revision\": {}}").appliedGraphIds());
    }

    @Test
    void optionalSectionsDefaultAndAbsentConfigDigestIsWrittenAsNull() {
        ClusterState state = decoded("{\"version\": 1, \"applied_revision\": {}}");
        assertEquals(0, state.stateRevision());
        assertEquals("{\"version\":1,\"state_revision\":0,\"applied_revision\":{\"config_digest\":null,\"resources\":{}},"
                        + "\"resource_statuses\":{},\"approval_records\":{},\"recovery_records\":{},\"observations\":{}}",
                JsonWriter.compact(ClusterStateCodec.encode(state)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"version\": 1, \"applied_revision\": {}, \"extra\": 1}|unknown field `extra`",
            "{\"version\": 1, \"applied_revision\": {\"resources\": {}, \"x\": 1}}|applied_revision: unknown field `x`",
            "{\"version\": 1, \"applied_revision\": {\"resources\": {\"schema.k\": {\"digest\": \"d\", \"x\": 1}}}}|applied_revision.resources.schema.k: unknown field `x`",
            "{\"version\": 1, \"applied_revision\": {\"resources\": {\"p.d\": {\"digest\": \"d\", \"embedding_profile\": {\"x\": 1}}}}}|embedding_profile: unknown field `x`",
            "{\"version\": 1, \"applied_revision\": {\"resources\": {\"graph.k\": {\"digest\": \"d\", \"external_blob_policy\": {\"mode\": \"allow\", \"bases\": [{\"uri\": \"s3://b/\", \"scope\": \"server_safe\", \"x\": 1}]}}}}}|bases[0]: unknown field `x`",
            "{\"version\": 1, \"applied_revision\": {}, \"resource_statuses\": {\"a\": {\"status\": \"applied\", \"x\": 1}}}|resource_statuses.a: unknown field `x`",
            "{\"version\": 1, \"applied_revision\": {}, \"resource_statuses\": {\"a\": {\"status\": \"great\"}}}|unknown variant `great`",
            "{\"version\": 1, \"applied_revision\": {}, \"approval_records\": {\"a\": {\"consumed_at\": \"t\", \"consumed_by_operation\": \"apply\", \"x\": 1}}}|approval_records.a: unknown field `x`",
            "{\"version\": 1, \"applied_revision\": {}, \"recovery_records\": {\"o\": {\"kind\": \"graph_create\", \"graph_id\": \"k\", \"outcome\": \"rolled_forward\", \"recovered_at\": \"t\", \"actor\": null, \"x\": 1}}}|recovery_records.o: unknown field `x`",
            "{\"version\": 1}|missing field `applied_revision`",
            "{\"version\": 1, \"applied_revision\": {\"resources\": {\"a\": {}}}}|missing field `digest`",
            "{\"version\": 1, \"state_revision\": -1, \"applied_revision\": {}}|expected u64",
            "[]|invalid type: sequence"})
    void shapeErrorsAreInvalidStateJson(String json, String fragment) {
        ClusterDiagnostic diagnostic = rejected(json);
        assertEquals(ClusterCodes.INVALID_STATE_JSON, diagnostic.code());
        assertEquals("__cluster/state.json", diagnostic.path());
        assertTrue(diagnostic.message().startsWith("could not parse state JSON: ") && diagnostic.message().contains(fragment),
                diagnostic.message());
    }

    @Test
    void otherVersionsAreUnsupportedButOnlyWhenWellFormed() {
        assertEquals(ClusterDiagnostic.error(ClusterCodes.UNSUPPORTED_STATE_VERSION, "state.version",
                "unsupported cluster state version 2; this build supports version 1"),
                rejected("{\"version\": 2, \"applied_revision\": {}}"));
        assertEquals(ClusterCodes.INVALID_STATE_JSON, rejected("{\"version\": 2, \"future\": {}}").code());
    }

    @Test
    void legacyManifestVersionIsRenamedOnRead() {
        ClusterState state = decoded("{\"version\": 1, \"applied_revision\": {}, \"observations\": "
                + "{\"graph.knowledge\": {\"manifest_version\": 12, \"kind\": \"graph\", \"exists\": true}}}");
        assertEquals("{\"exists\":true,\"kind\":\"graph\",\"graph_manifest_version\":12}",
                state.observations().get("graph.knowledge").toString());
        ClusterState same = decoded("{\"version\": 1, \"applied_revision\": {}, \"observations\": "
                + "{\"graph.k\": {\"graph_manifest_version\": 3, \"manifest_version\": 3}}}");
        assertEquals("{\"graph_manifest_version\":3}", same.observations().get("graph.k").toString());
    }

    @Test
    void conflictingLegacyAndCanonicalVersionsAreRefused() {
        assertEquals(ClusterDiagnostic.error(ClusterCodes.CONFLICTING_GRAPH_MANIFEST_OBSERVATION,
                "state.observations.graph.k", "cluster observation 'graph.k' contains conflicting legacy and "
                        + "canonical graph-manifest versions"),
                rejected("{\"version\": 1, \"applied_revision\": {}, \"observations\": "
                        + "{\"graph.k\": {\"graph_manifest_version\": 3, \"manifest_version\": 4}}}"));
    }

    @Test
    void graphObservationShapeKeepsTheReferenceOrderAndNulls() {
        assertEquals("{\"kind\":\"graph\",\"address\":\"graph.k\",\"graph_uri\":\"/r/graphs/k.omni\",\"observed_at\":\"t\","
                        + "\"exists\":false,\"graph_manifest_version\":null,\"schema_digest\":null,"
                        + "\"desired_schema_digest\":\"sd\",\"schema_matches_desired\":false,"
                        + "\"error\":\"derived graph root is missing\"}",
                ClusterObservations.graph("graph.k", "/r/graphs/k.omni", "t", false, OptionalLong.empty(),
                        Optional.empty(), "sd", Optional.of(false), Optional.of("derived graph root is missing")).toString());
    }

    @Test
    void theCasTokenHashesTheWrittenBytes() {
        ClusterState state = decoded(FULL);
        assertEquals("sha256:" + Sha256.hex(FULL), Sha256.casToken(ClusterStateCodec.fileText(state)));
    }

    @Test
    void integrityCheckFlagsCompositesThatDoNotBindTheirMetadata() {
        ClusterState state = decoded(FULL);
        assertEquals(List.of("graph.k"), state.integrityDiagnostics().stream().map(ClusterDiagnostic::path).toList(),
                "the fixture's composite is a placeholder");
        String expected = state.graphComposite("k", state.schemaDigest("k"), Optional.of("provider.embedding.d"),
                state.graphExternalBlobPolicy("k"));
        ClusterState bound = state.edit().putResource("graph.k", new StateResource(expected, Optional.empty(),
                Optional.of("provider.embedding.d"), Optional.empty(), state.graphExternalBlobPolicy("k").persisted()))
                .build();
        assertEquals(List.of(), bound.integrityDiagnostics());
        ClusterState widened = bound.edit().putResource("graph.k", new StateResource(expected, Optional.empty(),
                Optional.of("provider.embedding.d"), Optional.empty(), Optional.empty())).build();
        ClusterDiagnostic mismatch = widened.integrityDiagnostics().get(0);
        assertEquals(ClusterCodes.EXTERNAL_BLOB_POLICY_DIGEST_MISMATCH, mismatch.code());
        assertTrue(mismatch.isError());
    }

    @Test
    void importStartsFromAnEmptyLedgerBoundToTheDesiredConfig() {
        ClusterState initial = ClusterState.initialImport("cfg");
        assertEquals(Optional.of("cfg"), initial.appliedRevision().configDigest());
        assertTrue(initial.resources().isEmpty());
        assertEquals(1, initial.version());
    }

    @Test
    void tombstoningRemovesTheWholeSubtreeAndLeavesAnAuditObservation() {
        ClusterState state = decoded(FULL).edit().tombstoneGraph("k", "t", Optional.of("01A"), Optional.empty()).build();
        assertEquals(List.of("policy.p", "provider.embedding.d"), List.copyOf(state.resources().keySet()));
        assertTrue(state.resourceStatuses().isEmpty());
        JsonValue tombstone = state.observations().get("graph.k");
        assertEquals("{\"kind\":\"tombstone\",\"deleted_at\":\"t\",\"approval_id\":\"01A\",\"actor\":null}",
                tombstone.toString());
        assertEquals(JsonNumber.of(1), JsonNumber.of(state.version()));
    }

    static ClusterState decoded(String json) {
        StateDecoding decoding = ClusterStateCodec.decode(TestJson.parse(json));
        assertInstanceOf(StateDecoding.Decoded.class, decoding, decoding.toString());
        return ((StateDecoding.Decoded) decoding).state();
    }

    private static ClusterDiagnostic rejected(String json) {
        StateDecoding decoding = ClusterStateCodec.decode(TestJson.parse(json));
        assertInstanceOf(StateDecoding.Rejected.class, decoding, json);
        return ((StateDecoding.Rejected) decoding).diagnostic();
    }
}
