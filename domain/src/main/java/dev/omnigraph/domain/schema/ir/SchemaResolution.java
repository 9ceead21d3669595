package dev.omnigraph.domain.schema.ir;

import java.util.List;
import java.util.Objects;

/** The identity-bearing IR of a desired schema plus the rename hints that had no effect. */
public record SchemaResolution(SchemaIr schemaIr, List<SchemaIdentityDiagnostic> diagnostics) {

    public SchemaResolution {
        Objects.requireNonNull(schemaIr, "schemaIr");
        diagnostics = List.copyOf(diagnostics);
    }
}
