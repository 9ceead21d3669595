package dev.omnigraph.application.engine;

import dev.omnigraph.domain.graph.GraphEngineException;
import dev.omnigraph.domain.graph.GraphErrorKind;
import dev.omnigraph.domain.schema.ir.SchemaIr;
import dev.omnigraph.ports.out.JsonDecoder;
import dev.omnigraph.ports.out.ObjectKey;
import dev.omnigraph.ports.out.ObjectStore;
import dev.omnigraph.ports.out.StoredObject;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The staging names of a schema apply's three schema files ({@code _schema.pg}, {@code _schema.ir.json},
 * {@code __schema_state.json}, each with {@code .staging} appended): written before the apply's publish, promoted
 * to the accepted names after it, discarded when the apply is undone.
 *
 * <p>The contract recovery relies on: the staged files are complete (all three written) before a schema apply's
 * sidecar is confirmed, and promotion writes every accepted file before it deletes any staging file. So whenever a
 * staged IR is missing, the accepted files already hold it (or the apply never staged), and a recovery that finds
 * the staged IR of its target can finish the promotion from whatever staging files remain.
 */
final class SchemaStaging {

    static final ObjectKey SOURCE = new ObjectKey(GraphRoot.SCHEMA_SOURCE.value() + ".staging");
    static final ObjectKey IR = new ObjectKey(GraphRoot.SCHEMA_IR.value() + ".staging");
    static final ObjectKey STATE = new ObjectKey(GraphRoot.SCHEMA_STATE.value() + ".staging");

    /** Each staging name with the accepted name it is promoted to, in promotion order (source, IR, state). */
    private static final List<Map.Entry<ObjectKey, ObjectKey>> PROMOTIONS = List.of(
            Map.entry(SOURCE, GraphRoot.SCHEMA_SOURCE),
            Map.entry(IR, GraphRoot.SCHEMA_IR),
            Map.entry(STATE, GraphRoot.SCHEMA_STATE));

    private SchemaStaging() {
    }

    /** The three files of a contract under their staging names: source, IR, state, in that order. */
    static List<Map.Entry<ObjectKey, byte[]>> files(SchemaContract contract) {
        return List.of(
                Map.entry(SOURCE, contract.source().getBytes(StandardCharsets.UTF_8)),
                Map.entry(IR, contract.ir().toPrettyJson().getBytes(StandardCharsets.UTF_8)),
                Map.entry(STATE, contract.state().toPrettyJson().getBytes(StandardCharsets.UTF_8)));
    }

    static void stage(ObjectStore files, SchemaContract desired) {
        for (Map.Entry<ObjectKey, byte[]> file : files(desired)) {
            files.put(file.getKey(), file.getValue());
        }
    }

    /** Removes the staging files that still hold exactly this contract's bytes (another apply's are left alone). */
    static void discardOwn(ObjectStore files, SchemaContract desired) {
        for (Map.Entry<ObjectKey, byte[]> file : files(desired)) {
            files.find(file.getKey())
                    .filter(stored -> Arrays.equals(stored.bytes(), file.getValue()))
                    .ifPresent(ours -> deleteIfPresent(files, file.getKey()));
        }
    }

    /**
     * Recovery's promotion of an interrupted schema apply whose publish landed (engine notes §8.2: a SchemaApply
     * roll-forward publishes first, then promotes the staged schema): copies every remaining staging file to its
     * accepted name, then deletes the staging files. Idempotent: run again after a crash part-way, it finishes.
     *
     * @param targetIrHash the apply's target schema IR hash from its sidecar
     * @throws GraphEngineException {@code recovery_required} when neither the staged nor the accepted IR is the
     *     target (the staged files belong to another apply, or were lost): the sidecar must stay for an operator
     */
    static void promote(GraphRoot root, JsonDecoder json, String targetIrHash) {
        ObjectStore files = root.files();
        Optional<StoredObject> stagedIr = files.find(IR);
        if (stagedIr.isPresent()) {
            String staged = irHash(json, stagedIr.get());
            if (!staged.equals(targetIrHash)) {
                throw new GraphEngineException(GraphErrorKind.RECOVERY_REQUIRED, "the staged schema of " + root.uri()
                        + " has IR hash " + staged + ", not the published schema apply's " + targetIrHash
                        + "; refusing to promote it");
            }
        } else {
            String accepted = files.find(GraphRoot.SCHEMA_IR).map(file -> irHash(json, file)).orElse("(none)");
            if (!accepted.equals(targetIrHash)) {
                throw new GraphEngineException(GraphErrorKind.RECOVERY_REQUIRED, "a schema apply of " + root.uri()
                        + " was published with schema IR " + targetIrHash + " but neither the staged nor the accepted "
                        + "schema files hold it (accepted: " + accepted + "); the schema files need an operator");
            }
        }
        for (Map.Entry<ObjectKey, ObjectKey> promotion : PROMOTIONS) {
            files.find(promotion.getKey()).ifPresent(staged -> files.put(promotion.getValue(), staged.bytes()));
        }
        for (Map.Entry<ObjectKey, ObjectKey> promotion : PROMOTIONS) {
            deleteIfPresent(files, promotion.getKey());
        }
    }

    /**
     * Recovery's discard of an undone schema apply: deletes the staging files unless a staged IR is there that is
     * not this apply's target (another apply's, or unreadable: then nothing here is provably this apply's to delete,
     * and the next apply's staging overwrites it).
     */
    static void discard(GraphRoot root, JsonDecoder json, String targetIrHash) {
        ObjectStore files = root.files();
        Optional<StoredObject> stagedIr = files.find(IR);
        if (stagedIr.isPresent() && !irHashOrEmpty(json, stagedIr.get()).equals(targetIrHash)) {
            return;
        }
        for (Map.Entry<ObjectKey, ObjectKey> promotion : PROMOTIONS) {
            deleteIfPresent(files, promotion.getKey());
        }
    }

    private static String irHash(JsonDecoder json, StoredObject file) {
        try {
            return SchemaIr.fromJson(json.decode(file.key().value(), file.text())).hash();
        } catch (IllegalArgumentException unreadable) { // includes MalformedJsonException
            throw new GraphEngineException(GraphErrorKind.RECOVERY_REQUIRED, "schema file " + file.key().value()
                    + " cannot be read (" + unreadable.getMessage() + ")", unreadable);
        }
    }

    /** The IR hash of a staged file, or empty when it is unreadable. */
    private static String irHashOrEmpty(JsonDecoder json, StoredObject file) {
        try {
            return irHash(json, file);
        } catch (GraphEngineException unreadable) {
            return "";
        }
    }

    private static void deleteIfPresent(ObjectStore files, ObjectKey key) {
        files.delete(key); // idempotent: an earlier, interrupted attempt may have deleted it
    }
}
