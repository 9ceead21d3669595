package dev.omnigraph.domain.schema.ir;

import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.domain.schema.SchemaCompiler;
import dev.omnigraph.domain.schema.SchemaTestFiles;
import dev.omnigraph.domain.schema.ValidatedSchema;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Why this exists: the IR is the identity authority of a graph. Ids must be allocated canonically
 * (independent of declaration order), preserved across exact matches and explicit renames, never
 * reused after a drop, and malformed persisted IR must be refused rather than trusted.
 */
class SchemaIrTest {

    static final SchemaIdentityDomain DOMAIN = SchemaIrGoldenTest.DOMAIN;

    static SchemaIr init(String source) {
        return SchemaIdentityResolver.initialize(DOMAIN, SchemaCompiler.compile("t.pg", source)).schemaIr();
    }

    static SchemaResolution evolve(SchemaIr accepted, String source) {
        return SchemaIdentityResolver.resolve(accepted, SchemaCompiler.compile("t.pg", source));
    }

    @Test
    void allocationIsCanonicalAndShared() {
        SchemaIr left = init("interface Z { p: String }\nnode B implements Z {}\nnode A {}\nedge E: A -> B {}");
        SchemaIr right = init("edge E: A -> B {}\nnode A {}\nnode B implements Z {}\ninterface Z { p: String }");
        assertEquals(left, right);
        assertEquals(1, left.interfaces().get(0).typeId());
        assertEquals(2, left.nodes().get(0).typeId());
        assertEquals(3, left.nodes().get(1).typeId());
        assertEquals(4, left.edges().get(0).typeId());
        assertEquals(5, left.interfaces().get(0).properties().get(0).propertyId());
        assertEquals(6, left.nodes().get(1).properties().get(0).propertyId());
        assertEquals(7, left.nodes().get(0).tableIncarnationId());
        assertEquals(10, left.nextIdentityId());
    }

    @Test
    void renamesKeepIdsAndExactNamesWin() {
        SchemaIr accepted = init("node Person { name: String age: I32? }");
        SchemaIr renamed = evolve(accepted,
                "node Human @rename_from(\"Person\") { full_name: String @rename_from(\"name\") age: I32? }").schemaIr();
        assertEquals(accepted.nodes().get(0).typeId(), renamed.nodes().get(0).typeId());
        assertEquals(accepted.nodes().get(0).tableIncarnationId(), renamed.nodes().get(0).tableIncarnationId());
        assertEquals(accepted.nextIdentityId(), renamed.nextIdentityId());

        SchemaResolution stale = evolve(accepted,
                "node Person @rename_from(\"Missing\") { name: String @rename_from(\"old\") age: I32? }");
        assertEquals(accepted, stale.schemaIr());
        assertEquals(List.of(SchemaIdentityDiagnostic.Kind.IGNORED_EXACT_MATCH_RENAME_HINT,
                        SchemaIdentityDiagnostic.Kind.IGNORED_EXACT_MATCH_RENAME_HINT),
                stale.diagnostics().stream().map(SchemaIdentityDiagnostic::kind).toList());
    }

    @Test
    void dropThenReaddMintsNewIdentity() {
        SchemaIr first = init("node Person { name: String }");
        SchemaIr empty = evolve(first, "").schemaIr();
        SchemaIr second = evolve(empty, "node Person { name: String }").schemaIr();
        assertNotEquals(first.nodes().get(0).typeId(), second.nodes().get(0).typeId());
        assertNotEquals(first.nodes().get(0).tableIncarnationId(), second.nodes().get(0).tableIncarnationId());
        assertTrue(second.nextIdentityId() > first.nextIdentityId());
    }

    @Test
    void compositeKeyTupleOrderFollowsPropertyIdentityAcrossRenames() {
        SchemaIr accepted = init("node Pair { alpha: String zeta: String @key(alpha, zeta) }");
        SchemaIr renamed = evolve(accepted, "node Pair { aaaa: String @rename_from(\"zeta\") "
                + "zzzz: String @rename_from(\"alpha\") @key(aaaa, zzzz) }").schemaIr();
        assertEquals(List.of("zzzz", "aaaa"), renamed.nodes().get(0).keyPropertiesInIdentityOrder().orElseThrow());
    }

    @Test
    void jsonRoundTripIsLosslessForEveryExample() {
        for (String name : SchemaTestFiles.EXAMPLES) {
            ValidatedSchema schema = SchemaCompiler.compile(SchemaTestFiles.example(name));
            SchemaIr ir = SchemaIdentityResolver.initialize(DOMAIN, schema).schemaIr();
            SchemaIr decoded = SchemaIr.fromJson(ir.toJson());
            assertEquals(ir, decoded, name);
            assertEquals(ir.hash(), decoded.hash(), name);
            assertEquals(schema.shape().hash(), decoded.shapeHash(), name + ": shape survives the IR projection");
        }
    }

    @Test
    void stateEnvelopeBindsSourceAndIr() {
        ValidatedSchema schema = SchemaCompiler.compile(SchemaTestFiles.example("library"));
        SchemaIr ir = SchemaIdentityResolver.initialize(DOMAIN, schema).schemaIr();
        SchemaState state = SchemaState.of(ir);
        assertEquals(state, SchemaState.fromJson(state.toJson()));
        state.verify(ir, schema.shape());
        assertTrue(state.toPrettyJson().startsWith("{\n  \"format_version\": 2,\n  \"schema_shape_hash\": \"sha256:"));
        SchemaIdentityException drift = assertThrows(SchemaIdentityException.class,
                () -> state.verify(ir, SchemaCompiler.compile("x.pg", "node Other {}").shape()));
        assertEquals(IdentityCodes.INVALID_IR, drift.code());
    }

    @Test
    void malformedPersistedIrIsRefused() {
        JsonObject good = init("node A { p: String }").toJson();
        assertThrows(SchemaIdentityException.class, () -> SchemaIr.fromJson(replace(good, "ir_version", JsonValue.of(1))));
        assertThrows(SchemaIdentityException.class, () -> SchemaIr.fromJson(replace(good, "next_identity_id", JsonValue.of(2))));
        assertThrows(SchemaIdentityException.class,
                () -> SchemaIr.fromJson(replace(good, "schema_identity_domain", JsonValue.of("not-a-ulid"))));
        SchemaIr ir = SchemaIr.fromJson(good);
        SchemaIr.NodeIr node = ir.nodes().get(0);
        SchemaIr.NodeIr duplicateId = new SchemaIr.NodeIr(node.name(), node.typeId(), node.tableIncarnationId(),
                node.annotations(), node.implementedInterfaces(), List.of(new PropertyIr("p", node.typeId(),
                node.properties().get(0).type(), List.of(), List.of(), null, true, List.of())), node.constraints());
        SchemaIdentityException error = assertThrows(SchemaIdentityException.class, () -> SchemaIrValidator.validate(
                new SchemaIr(2, DOMAIN, ir.nextIdentityId(), List.of(), List.of(duplicateId), List.of())));
        assertTrue(error.getMessage().contains("reused"), error.getMessage());
    }

    @Test
    void allocatorExhaustionIsTyped() {
        SchemaIr accepted = init("node A {}");
        SchemaIr nearlyFull = new SchemaIr(2, DOMAIN, Long.MAX_VALUE, accepted.interfaces(), accepted.nodes(),
                accepted.edges());
        SchemaIdentityException error = assertThrows(SchemaIdentityException.class,
                () -> evolve(nearlyFull, "node A {} node B {}"));
        assertEquals(IdentityCodes.ALLOCATOR_EXHAUSTED, error.code());
    }

    private static JsonObject replace(JsonObject object, String key, JsonValue value) {
        JsonObject.Builder builder = JsonObject.builder();
        List<String> keys = new ArrayList<>(object.keys());
        for (String k : keys) {
            builder.put(k, k.equals(key) ? value : object.get(k));
        }
        return builder.build();
    }
}
