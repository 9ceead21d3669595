package dev.omnigraph.ports.in;

import dev.omnigraph.domain.lang.Diagnostic;
import java.util.List;

/**
 * @param schemaPath the checked file
 * @param ok whether the schema is valid
 * @param diagnostics every error found (empty when ok)
 * @param rendered the diagnostics rendered with source excerpts, one block per diagnostic
 * @param interfaces interface names, in schema order (empty when not ok)
 * @param nodeTypes node type names
 * @param edgeTypes edge type names
 */
public record CheckSchemaResult(String schemaPath, boolean ok, List<Diagnostic> diagnostics, List<String> rendered,
                                List<String> interfaces, List<String> nodeTypes, List<String> edgeTypes) {
    public CheckSchemaResult {
        diagnostics = List.copyOf(diagnostics);
        rendered = List.copyOf(rendered);
        interfaces = List.copyOf(interfaces);
        nodeTypes = List.copyOf(nodeTypes);
        edgeTypes = List.copyOf(edgeTypes);
    }
}
