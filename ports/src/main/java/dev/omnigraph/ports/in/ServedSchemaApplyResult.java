package dev.omnigraph.ports.in;

import java.util.List;

/** The reference's {@code SchemaApplyOutput}. */
public record ServedSchemaApplyResult(String uri, boolean supported, boolean applied, List<String> steps,
                                      long graphManifestVersion) {
    public ServedSchemaApplyResult {
        steps = List.copyOf(steps);
    }
}
