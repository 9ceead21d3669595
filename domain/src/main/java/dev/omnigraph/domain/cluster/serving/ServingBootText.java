package dev.omnigraph.domain.cluster.serving;

import dev.omnigraph.domain.cluster.ClusterDiagnostic;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The texts a server prints when it will not boot from a cluster, as the reference words them: a header
 * line, then one indented {@code [code] path: message} line per diagnostic.
 */
public final class ServingBootText {

    private ServingBootText() {
    }

    /** {@code the cluster at '<argument>' is not ready to serve:} and every diagnostic of the refusal. */
    public static String notReadyToServe(String clusterArgument, List<ClusterDiagnostic> diagnostics) {
        return "the cluster at '" + clusterArgument + "' is not ready to serve:\n  " + lines(diagnostics);
    }

    /** A strict boot ({@code --require-all-graphs}) refuses a snapshot that has any startup diagnostic. */
    public static String strictBootRefused(List<ClusterDiagnostic> startupDiagnostics) {
        return "strict cluster boot requires every applied graph to be ready; startup diagnostics:\n  "
                + lines(startupDiagnostics);
    }

    /** {@code [code] path: message}. */
    public static String line(ClusterDiagnostic diagnostic) {
        return "[" + diagnostic.code() + "] " + diagnostic.path() + ": " + diagnostic.message();
    }

    private static String lines(List<ClusterDiagnostic> diagnostics) {
        return diagnostics.stream().map(ServingBootText::line).collect(Collectors.joining("\n  "));
    }
}
