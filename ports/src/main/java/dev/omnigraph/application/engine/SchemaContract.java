package dev.omnigraph.application.engine;

import dev.omnigraph.domain.graph.GraphEngineException;
import dev.omnigraph.domain.graph.GraphErrorKind;
import dev.omnigraph.domain.lang.DiagnosticException;
import dev.omnigraph.domain.lang.SourceFile;
import dev.omnigraph.domain.schema.SchemaCompiler;
import dev.omnigraph.domain.schema.ValidatedSchema;
import dev.omnigraph.domain.schema.ir.SchemaIr;
import dev.omnigraph.domain.schema.ir.SchemaState;
import dev.omnigraph.ports.out.JsonDecoder;
import dev.omnigraph.ports.out.ObjectStore;
import dev.omnigraph.ports.out.StoredObject;
import java.nio.charset.StandardCharsets;

/**
 * The accepted schema of a graph: {@code _schema.pg} (what the user wrote), {@code _schema.ir.json} (the
 * identity-bearing IR) and {@code __schema_state.json} (hashes binding the two). Opening verifies the
 * three agree, so a hand-edited or half-written schema is refused instead of silently reinterpreting
 * stored data.
 */
public record SchemaContract(String source, ValidatedSchema validated, SchemaIr ir, SchemaState state) {

    /** Reads and verifies the contract of a graph root. */
    static SchemaContract read(ObjectStore files, JsonDecoder json) {
        String source = text(files, GraphRoot.SCHEMA_SOURCE);
        String irText = text(files, GraphRoot.SCHEMA_IR);
        String stateText = text(files, GraphRoot.SCHEMA_STATE);
        try {
            ValidatedSchema validated = SchemaCompiler.compile(new SourceFile(GraphRoot.SCHEMA_SOURCE.value(), source));
            SchemaIr ir = SchemaIr.fromJson(json.decode(GraphRoot.SCHEMA_IR.value(), irText));
            SchemaState state = SchemaState.fromJson(json.decode(GraphRoot.SCHEMA_STATE.value(), stateText));
            state.verify(ir, validated.shape());
            return new SchemaContract(source, validated, ir, state);
        } catch (DiagnosticException | IllegalArgumentException e) {
            throw new GraphEngineException(GraphErrorKind.SCHEMA_CONTRACT,
                    "the graph's accepted schema is damaged or inconsistent: " + e.getMessage(), e);
        }
    }

    /** Writes the three files (source, IR, state), in that order. */
    void write(ObjectStore files) {
        files.put(GraphRoot.SCHEMA_SOURCE, source.getBytes(StandardCharsets.UTF_8));
        writeContract(files);
    }

    /** Writes the IR and the state binding it to the source, in that order (the source is written separately). */
    void writeContract(ObjectStore files) {
        files.put(GraphRoot.SCHEMA_IR, (ir.toPrettyJson()).getBytes(StandardCharsets.UTF_8));
        files.put(GraphRoot.SCHEMA_STATE, (state.toPrettyJson()).getBytes(StandardCharsets.UTF_8));
    }

    private static String text(ObjectStore files, dev.omnigraph.ports.out.ObjectKey key) {
        StoredObject object = files.find(key).orElseThrow(() -> new GraphEngineException(GraphErrorKind.SCHEMA_CONTRACT,
                "the graph has no " + key + " (interrupted init or damage)"));
        return object.text();
    }
}
