package dev.omnigraph.domain.cluster;

import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.lang.Severity;

import java.util.Collection;
import java.util.Objects;

/**
 * One finding of a cluster command, exactly as the reference prints it: a stable snake_case code
 * (see {@link ClusterCodes}), error or warning, a JSON-path-like location ({@code graphs.people.schema},
 * {@code policies.p.applies_to[0]}, a resource address, or a storage location) and a human message.
 * A command is {@code ok} iff none of its diagnostics is an error.
 */
public record ClusterDiagnostic(String code, Severity severity, String path, String message) {

    public ClusterDiagnostic {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        if (severity == Severity.NOTE) {
            throw new IllegalArgumentException("cluster diagnostics are errors or warnings");
        }
    }

    public static ClusterDiagnostic error(String code, String path, String message) {
        return new ClusterDiagnostic(code, Severity.ERROR, path, message);
    }

    public static ClusterDiagnostic warning(String code, String path, String message) {
        return new ClusterDiagnostic(code, Severity.WARNING, path, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** True when any diagnostic is an error: the command's {@code ok} is the negation. */
    public static boolean anyError(Collection<ClusterDiagnostic> diagnostics) {
        return diagnostics.stream().anyMatch(ClusterDiagnostic::isError);
    }

    /** The {@code --json} shape: {@code {code, severity, path, message}}. */
    public JsonObject toJson() {
        return JsonObject.builder()
                .put("code", code)
                .put("severity", severity.label())
                .put("path", path)
                .put("message", message)
                .build();
    }

    /** The human line: {@code ERROR <code> <path>: <message>} or {@code WARN  <code> <path>: <message>}. */
    public String humanLine() {
        return (isError() ? "ERROR " : "WARN  ") + code + " " + path + ": " + message;
    }
}
