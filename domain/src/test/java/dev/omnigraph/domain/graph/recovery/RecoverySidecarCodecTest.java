package dev.omnigraph.domain.graph.recovery;

import static dev.omnigraph.domain.graph.recovery.RecoveryFixtures.AUTHORITY;
import static dev.omnigraph.domain.graph.recovery.RecoveryFixtures.COMMIT;
import static dev.omnigraph.domain.graph.recovery.RecoveryFixtures.KNOWS;
import static dev.omnigraph.domain.graph.recovery.RecoveryFixtures.OPERATION;
import static dev.omnigraph.domain.graph.recovery.RecoveryFixtures.PERSON;
import static dev.omnigraph.domain.graph.recovery.RecoveryFixtures.ROLLBACK_COMMIT;
import static dev.omnigraph.domain.graph.recovery.RecoveryFixtures.STARTED_AT;
import static dev.omnigraph.domain.graph.recovery.RecoveryFixtures.armed;
import static dev.omnigraph.domain.graph.recovery.RecoveryFixtures.branchPin;
import static dev.omnigraph.domain.graph.recovery.RecoveryFixtures.confirmedAtNext;
import static dev.omnigraph.domain.graph.recovery.RecoveryFixtures.pin;
import static dev.omnigraph.domain.graph.recovery.RecoveryFixtures.with;
import static dev.omnigraph.domain.graph.recovery.RecoveryFixtures.without;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnigraph.domain.graph.TableIdentity;
import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonNull;
import dev.omnigraph.domain.json.JsonNumber;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonString;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.domain.json.JsonWriter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A sidecar is the only record of an interrupted write's intent. If the decoder accepted a shape it does not
 * understand (a newer version, a stray field, a missing confirmation) the sweep would act on a guess and could
 * publish or destroy another writer's effects, so every deviation must be refused with a typed error; and what the
 * encoder writes must read back identically, or a crash would strand the operation.
 */
class RecoverySidecarCodecTest {

    private static RecoverySidecar fullyPopulatedSchemaApply() {
        SidecarTablePin person = SidecarTablePin.planned(new TableIdentity(-2L, Long.MAX_VALUE), PERSON,
                "/graph/nodes/fffffffffffffffe-7fffffffffffffff", 4, 5, Optional.of("review/2026-07"));
        RecoverySidecar sidecar = RecoverySidecar.arm(OPERATION, STARTED_AT, Optional.of("review/2026-07"),
                Optional.of("act-bob"), WriterKind.SCHEMA_APPLY, COMMIT, ROLLBACK_COMMIT, AUTHORITY, List.of(person));
        return sidecar
                .withSchemaChanges(
                        List.of(new SidecarTableRegistration(new TableIdentity(9, 1), "node:Tag", "/graph/nodes/tag",
                                Optional.empty())),
                        List.of(new SidecarTombstone(new TableIdentity(7, 3), "node:Old", 12)))
                .withSchemaTarget("3f2a9c")
                .confirmEffects(Map.of(PERSON, 6L))
                .withRollbackAuditOutcomes(List.of(new TableOutcome(PERSON, 6, 4)));
    }

    @Test
    void an_armed_mutation_round_trips() {
        RecoverySidecar sidecar = armed(WriterKind.MUTATION, pin(PERSON, 3), pin(KNOWS, 7));
        assertEquals(sidecar, RecoverySidecar.decode(sidecar.encode()));
    }

    @Test
    void a_sidecar_with_every_optional_member_round_trips() {
        RecoverySidecar sidecar = fullyPopulatedSchemaApply();
        assertEquals(sidecar, RecoverySidecar.decode(sidecar.encode()));

        RecoverySidecar merge = confirmedAtNext(armed(WriterKind.BRANCH_MERGE, pin(PERSON, 3)))
                .withMergeSourceCommitId("01HZY3N8Q4V7W2K9T5R6M3B1C9");
        assertEquals(merge, RecoverySidecar.decode(merge.encode()));
    }

    @Test
    void the_document_uses_the_reference_spellings_and_order() {
        RecoverySidecar sidecar = RecoverySidecar.arm(OPERATION, 42, Optional.empty(), Optional.empty(),
                WriterKind.LOAD, COMMIT, ROLLBACK_COMMIT, new RecoveryAuthority(3, Optional.empty()),
                List.of(SidecarTablePin.planned(new TableIdentity(1, 2), PERSON, "p", 3, 4, Optional.empty())));
        assertEquals("{\"schema_version\":9,\"operation_id\":\"" + OPERATION + "\",\"started_at\":\"42\","
                + "\"branch\":null,\"actor_id\":null,\"writer_kind\":\"Load\",\"tables\":[{\"identity\":"
                + "{\"stable_table_id\":1,\"table_incarnation_id\":2},\"table_key\":\"node:Person\",\"table_path\":\"p\","
                + "\"expected_version\":3,\"post_commit_pin\":4}],\"graph_commit_id\":\"" + COMMIT + "\","
                + "\"rollback_graph_commit_id\":\"" + ROLLBACK_COMMIT + "\",\"authority\":{\"manifest_version\":3,"
                + "\"graph_head\":null},\"effect_phase\":\"Armed\"}", JsonWriter.compact(sidecar.encode()));
    }

    @Test
    void identity_components_above_the_signed_range_are_written_unsigned() {
        JsonObject pinJson = fullyPopulatedSchemaApply().encode().get("tables").asArray().get(0).asObject();
        JsonObject identity = pinJson.get("identity").asObject();
        assertEquals(new BigDecimal("18446744073709551614"), identity.get("stable_table_id").asNumber().value());
        assertEquals(new BigDecimal(Long.MAX_VALUE), identity.get("table_incarnation_id").asNumber().value());
    }

    @Test
    void every_writer_kind_and_phase_uses_its_reference_spelling() {
        assertEquals(List.of("Mutation", "Load", "SchemaApply", "BranchMerge", "EnsureIndices", "Optimize"),
                java.util.Arrays.stream(WriterKind.values()).map(WriterKind::jsonName).toList());
        assertEquals(List.of("Armed", "EffectsConfirmed"),
                java.util.Arrays.stream(EffectPhase.values()).map(EffectPhase::jsonName).toList());
    }

    @Test
    void main_is_normalised_to_an_absent_branch() {
        RecoverySidecar onMain = RecoverySidecar.arm(OPERATION, STARTED_AT, Optional.of("main"), Optional.empty(),
                WriterKind.MUTATION, COMMIT, ROLLBACK_COMMIT, AUTHORITY, List.of(pin(PERSON, 1)));
        assertEquals(Optional.empty(), onMain.branch());
        assertTrue(onMain.encode().get("branch").isNull());
    }

    @Test
    void optional_members_may_be_absent_or_null() {
        JsonObject encoded = armed(WriterKind.MUTATION, pin(PERSON, 3)).encode();
        RecoverySidecar withoutNullables = RecoverySidecar.decode(without(encoded, "branch", "actor_id"));
        assertEquals(Optional.empty(), withoutNullables.actorId());
        JsonObject nulled = with(with(encoded, "merge_source_commit_id", JsonNull.INSTANCE), "tombstones", JsonNull.INSTANCE);
        assertEquals(armed(WriterKind.MUTATION, pin(PERSON, 3)), RecoverySidecar.decode(nulled));
    }

    @Test
    void a_newer_schema_version_is_refused_as_newer() {
        JsonObject future = with(armed(WriterKind.MUTATION, pin(PERSON, 3)).encode(), "schema_version", JsonNumber.of(10));
        SidecarDecodeException refused = assertThrows(SidecarDecodeException.class, () -> RecoverySidecar.decode(future));
        assertEquals(SidecarDecodeException.Problem.NEWER_SCHEMA_VERSION, refused.problem());
        assertEquals(OptionalLong.of(10), refused.foundSchemaVersion());
        assertTrue(refused.getMessage().contains("upgrade omnigraph"), refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 3, 8})
    void an_older_schema_version_is_refused_as_older(long version) {
        JsonObject legacy = with(armed(WriterKind.MUTATION, pin(PERSON, 3)).encode(), "schema_version", JsonNumber.of(version));
        SidecarDecodeException refused = assertThrows(SidecarDecodeException.class, () -> RecoverySidecar.decode(legacy));
        assertEquals(SidecarDecodeException.Problem.OLDER_SCHEMA_VERSION, refused.problem());
        assertEquals(OptionalLong.of(version), refused.foundSchemaVersion());
    }

    @Test
    void the_version_is_checked_before_the_shape() {
        JsonObject futureShape = JsonObject.builder().put("schema_version", 11).put("something_new", true).build();
        assertEquals(SidecarDecodeException.Problem.NEWER_SCHEMA_VERSION,
                assertThrows(SidecarDecodeException.class, () -> RecoverySidecar.decode(futureShape)).problem());
    }

    @ParameterizedTest
    @ValueSource(strings = {"schema_version", "operation_id", "started_at", "writer_kind", "tables", "graph_commit_id",
            "rollback_graph_commit_id", "authority", "effect_phase"})
    void a_missing_required_member_is_refused(String member) {
        JsonObject missing = without(armed(WriterKind.MUTATION, pin(PERSON, 3)).encode(), member);
        SidecarDecodeException refused = assertThrows(SidecarDecodeException.class, () -> RecoverySidecar.decode(missing));
        assertEquals(SidecarDecodeException.Problem.MALFORMED, refused.problem());
        assertTrue(refused.getMessage().contains(member), refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"identity", "table_key", "table_path", "expected_version", "post_commit_pin"})
    void a_pin_missing_a_required_member_is_refused(String member) {
        JsonObject sidecar = armed(WriterKind.MUTATION, pin(PERSON, 3)).encode();
        JsonObject pinJson = without(sidecar.get("tables").asArray().get(0).asObject(), member);
        SidecarDecodeException refused = assertThrows(SidecarDecodeException.class,
                () -> RecoverySidecar.decode(with(sidecar, "tables", JsonArray.of(pinJson))));
        assertTrue(refused.detail().startsWith("tables[0]." + member), refused.detail());
    }

    @Test
    void unknown_members_are_refused_at_every_level() {
        JsonObject sidecar = armed(WriterKind.MUTATION, pin(PERSON, 3)).encode();
        assertMalformed(with(sidecar, "protocol_v3", JsonObject.empty()), "protocol_v3");
        JsonObject pinJson = with(sidecar.get("tables").asArray().get(0).asObject(), "row_count", JsonNumber.of(1));
        assertMalformed(with(sidecar, "tables", JsonArray.of(pinJson)), "row_count");
        JsonObject authority = with(sidecar.get("authority").asObject(), "branch_identifier", JsonObject.empty());
        assertMalformed(with(sidecar, "authority", authority), "branch_identifier");
    }

    @Test
    void ill_typed_and_out_of_range_values_are_refused() {
        JsonObject sidecar = armed(WriterKind.MUTATION, pin(PERSON, 3)).encode();
        JsonObject pinJson = sidecar.get("tables").asArray().get(0).asObject();
        assertMalformed(with(sidecar, "tables", JsonArray.of(with(pinJson, "expected_version", new JsonString("3")))),
                "expected_version");
        assertMalformed(with(sidecar, "tables", JsonArray.of(with(pinJson, "expected_version", JsonNumber.of(-1)))),
                "expected_version");
        assertMalformed(with(sidecar, "tables", JsonArray.of(with(pinJson, "post_commit_pin", JsonNumber.ofDouble(4.0)))),
                "post_commit_pin");
        JsonObject zeroIdentity = JsonObject.builder().put("stable_table_id", 0).put("table_incarnation_id", 1).build();
        assertMalformed(with(sidecar, "tables", JsonArray.of(with(pinJson, "identity", zeroIdentity))), "stable_table_id");
        assertMalformed(with(sidecar, "started_at", new JsonString("2026-07-01T00:00:00Z")), "started_at");
        assertMalformed(with(sidecar, "started_at", JsonNumber.of(42)), "started_at");
        assertMalformed(with(sidecar, "writer_kind", new JsonString("mutation")), "writer_kind");
        assertMalformed(with(sidecar, "effect_phase", new JsonString("Published")), "effect_phase");
        assertMalformed(with(sidecar, "operation_id", new JsonString("not-a-ulid")), "operation_id");
        assertMalformed(with(sidecar, "tables", JsonObject.empty()), "tables");
        assertMalformed(new JsonString("{}"), "object");
    }

    @Test
    void inconsistent_sidecars_are_refused() {
        RecoverySidecar armed = armed(WriterKind.MUTATION, pin(PERSON, 3));
        JsonObject sidecar = armed.encode();
        JsonObject pinJson = sidecar.get("tables").asArray().get(0).asObject();

        assertMalformed(with(sidecar, "tables", JsonArray.of(pinJson, pinJson)), "pinned twice");
        assertMalformed(with(sidecar, "tables", JsonArray.of(with(pinJson, "confirmed_version", JsonNumber.of(4)))),
                "Armed");
        assertMalformed(with(sidecar, "effect_phase", new JsonString("EffectsConfirmed")), "confirmed_version");
        assertMalformed(with(sidecar, "merge_source_commit_id", new JsonString(COMMIT)), "BranchMerge");
        assertMalformed(with(sidecar, "rollback_graph_commit_id", new JsonString(COMMIT)), "must differ");
        assertMalformed(with(sidecar, "tables", JsonArray.of(with(pinJson, "post_commit_pin", JsonNumber.of(3)))),
                "post_commit_pin");
        JsonValue tombstone = new SidecarTombstone(new TableIdentity(1, 1), "node:Old", 2).encode();
        assertMalformed(with(sidecar, "tombstones", JsonArray.of(tombstone)), "SchemaApply");
        assertMalformed(with(sidecar, "schema_apply_target_schema_ir_hash", new JsonString("3f2a9c")), "SchemaApply");
    }

    @Test
    void a_schema_apply_carries_its_target_schema_hash_under_the_reference_name() {
        JsonObject encoded = fullyPopulatedSchemaApply().encode();
        assertEquals("3f2a9c", encoded.get("schema_apply_target_schema_ir_hash").asString());
        assertEquals(Optional.of("3f2a9c"), RecoverySidecar.decode(encoded).schemaTargetIrHash());
        assertEquals(Optional.empty(), armed(WriterKind.SCHEMA_APPLY, pin(PERSON, 3)).schemaTargetIrHash());
    }

    @Test
    void confirming_names_exactly_the_pinned_tables_once() {
        RecoverySidecar armed = armed(WriterKind.MUTATION, pin(PERSON, 3), branchPin(KNOWS, 7, "feature"));
        assertThrows(IllegalArgumentException.class, () -> armed.confirmEffects(Map.of(PERSON, 4L)));
        assertThrows(IllegalArgumentException.class, () -> armed.confirmEffects(Map.of(PERSON, 4L, KNOWS, 8L, "node:X", 1L)));
        assertThrows(IllegalArgumentException.class, () -> armed.confirmEffects(Map.of(PERSON, 3L, KNOWS, 8L)));

        RecoverySidecar confirmed = armed.confirmEffects(Map.of(PERSON, 4L, KNOWS, 9L));
        assertEquals(EffectPhase.EFFECTS_CONFIRMED, confirmed.effectPhase());
        assertEquals(OptionalLong.of(9), confirmed.pin(KNOWS).orElseThrow().confirmedVersion());
        assertEquals(Optional.of("feature"), confirmed.pin(KNOWS).orElseThrow().tableBranch());
        assertThrows(IllegalStateException.class, () -> confirmed.confirmEffects(Map.of(PERSON, 4L, KNOWS, 9L)));
    }

    @Test
    void the_sidecar_lives_under_the_recovery_directory() {
        assertEquals("__recovery/" + OPERATION + ".json", armed(WriterKind.LOAD, pin(PERSON, 1)).relativePath());
        assertThrows(IllegalArgumentException.class, () -> RecoverySidecar.relativePathOf("../escape"));
    }

    private static void assertMalformed(JsonValue document, String mentioned) {
        SidecarDecodeException refused = assertThrows(SidecarDecodeException.class, () -> RecoverySidecar.decode(document));
        assertEquals(SidecarDecodeException.Problem.MALFORMED, refused.problem());
        assertTrue(refused.getMessage().contains(mentioned), refused.getMessage());
    }
}
