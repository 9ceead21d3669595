package dev.omnigraph.domain.schema.ir;

import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.domain.json.JsonWriter;
import dev.omnigraph.domain.schema.SchemaShape;

/**
 * The {@code __schema_state.json} envelope that binds {@code _schema.pg} (by shape hash) to
 * {@code _schema.ir.json} (by IR hash) within one identity domain.
 */
public record SchemaState(long formatVersion, String schemaShapeHash, String schemaIrHash,
                          long schemaIdentityVersion, String schemaIdentityDomain) {

    public static final long FORMAT_VERSION = 2;
    public static final long IDENTITY_VERSION = 2;

    /** The envelope for an accepted IR (validated first). */
    public static SchemaState of(SchemaIr ir) {
        SchemaIrValidator.validate(ir);
        return new SchemaState(FORMAT_VERSION, ir.shapeHash(), ir.hash(), IDENTITY_VERSION,
                ir.schemaIdentityDomain().value());
    }

    public JsonObject toJson() {
        return JsonObject.builder()
                .put("format_version", formatVersion)
                .put("schema_shape_hash", schemaShapeHash)
                .put("schema_ir_hash", schemaIrHash)
                .put("schema_identity_version", schemaIdentityVersion)
                .put("schema_identity_domain", schemaIdentityDomain)
                .build();
    }

    /** The file content (pretty, as the reference writes it). */
    public String toPrettyJson() {
        return JsonWriter.pretty(toJson());
    }

    public static SchemaState fromJson(JsonValue json) {
        JsonObject object = json.asObject();
        return new SchemaState(object.get("format_version").asNumber().longValueExact(),
                object.get("schema_shape_hash").asString(), object.get("schema_ir_hash").asString(),
                object.get("schema_identity_version").asNumber().longValueExact(),
                object.get("schema_identity_domain").asString());
    }

    /**
     * Checks the envelope against the persisted IR and the current source's shape; fails with
     * {@code S203} naming the first disagreement (version, domain, IR hash, shape hash).
     */
    public void verify(SchemaIr ir, SchemaShape currentSourceShape) {
        if (formatVersion != FORMAT_VERSION) {
            throw invalid("graph schema state format " + formatVersion + " is unsupported");
        }
        if (schemaIdentityVersion != IDENTITY_VERSION) {
            throw invalid("graph schema identity version " + schemaIdentityVersion + " is unsupported");
        }
        SchemaIdentityDomain.parse(schemaIdentityDomain);
        if (!ir.schemaIdentityDomain().value().equals(schemaIdentityDomain)) {
            throw invalid("accepted compiled schema identity domain does not match the recorded schema state");
        }
        if (!ir.hash().equals(schemaIrHash)) {
            throw invalid("accepted compiled schema IR does not match the recorded schema_ir_hash");
        }
        if (!ir.shapeHash().equals(schemaShapeHash)) {
            throw invalid("accepted compiled schema shape does not match the recorded schema_shape_hash");
        }
        if (!currentSourceShape.hash().equals(schemaShapeHash)) {
            throw invalid("current _schema.pg no longer matches the accepted compiled schema");
        }
    }

    private static SchemaIdentityException invalid(String message) {
        return new SchemaIdentityException(IdentityCodes.INVALID_IR, message);
    }
}
