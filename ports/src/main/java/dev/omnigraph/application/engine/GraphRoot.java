package dev.omnigraph.application.engine;

import dev.omnigraph.ports.out.ObjectKey;
import dev.omnigraph.ports.out.ObjectStore;
import java.util.Objects;

/**
 * One graph's root: its URI (tables are addressed by {@code <uri>/<relative location>}) and the object
 * store over the same root for the schema files and recovery sidecars.
 */
public record GraphRoot(String uri, ObjectStore files) {

    public static final ObjectKey SCHEMA_SOURCE = new ObjectKey("_schema.pg");
    public static final ObjectKey SCHEMA_IR = new ObjectKey("_schema.ir.json");
    public static final ObjectKey SCHEMA_STATE = new ObjectKey("__schema_state.json");
    public static final ObjectKey INIT_CLAIM = new ObjectKey("__init_claim.json");
    public static final String MANIFEST = "__manifest";
    public static final String RECOVERY_FOLDER = "__recovery/";

    public GraphRoot {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(files, "files");
        while (uri.length() > 1 && uri.endsWith("/")) {
            uri = uri.substring(0, uri.length() - 1);
        }
    }

    /** The table location of a path relative to the root ({@code nodes/…}, {@code __manifest}). */
    public String tableLocation(String relative) {
        return uri + "/" + relative;
    }

    public String manifestLocation() {
        return tableLocation(MANIFEST);
    }
}
