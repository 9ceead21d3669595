package dev.omnigraph.domain.cluster.config;

import dev.omnigraph.domain.cluster.AddressMaps;
import dev.omnigraph.domain.cluster.ClusterCodes;
import dev.omnigraph.domain.cluster.ClusterDiagnostic;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.TreeMap;

/**
 * Merges discovered {@code .gq} files into one graph's query registry (name → declared file).
 * The application lists directories and parses files; this decides the registry: files in the
 * order given (sorted per directory by the caller), first declaration of a name wins, a later one
 * is {@code duplicate_query_name} at {@code graphs.<g>.queries.<name>}.
 */
public final class QueryRegistry {

    private QueryRegistry() {
    }

    /** One parsed file: the path as declared (joined with the file name for directories) and its query names. */
    public record DiscoveredFile(String declaredPath, List<String> queryNames) {
        public DiscoveredFile {
            Objects.requireNonNull(declaredPath, "declaredPath");
            queryNames = List.copyOf(queryNames);
        }
    }

    public record Registry(Map<String, String> files, List<ClusterDiagnostic> diagnostics) {
        public Registry {
            files = AddressMaps.copyOf(files);
            diagnostics = List.copyOf(diagnostics);
        }
    }

    public static Registry merge(String graphId, List<DiscoveredFile> discovered) {
        TreeMap<String, String> files = new TreeMap<>();
        List<ClusterDiagnostic> diagnostics = new ArrayList<>();
        for (DiscoveredFile file : discovered) {
            for (String name : file.queryNames()) {
                String previous = files.get(name);
                if (previous != null) {
                    diagnostics.add(ClusterDiagnostic.error(ClusterCodes.DUPLICATE_QUERY_NAME,
                            "graphs." + graphId + ".queries." + name,
                            "query '" + name + "' is declared in both '" + previous + "' and '" + file.declaredPath()
                                    + "'"));
                } else {
                    files.put(name, file.declaredPath());
                }
            }
        }
        return new Registry(files, diagnostics);
    }
}
