package dev.omnigraph.domain.query.lint;

import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonObject;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A file-level finding: {@code {severity, code, message, type_name?, property?, query_names?}}. */
public record LintFinding(
        LintSeverity severity,
        String code,
        String message,
        Optional<String> typeName,
        Optional<String> property,
        List<String> queryNames) {

    /** Severity, then type name, then property, then message (absent before present). */
    public static final Comparator<LintFinding> ORDER = Comparator.comparing(LintFinding::severity)
            .thenComparing(f -> f.typeName().orElse(null), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(f -> f.property().orElse(null), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(LintFinding::message);

    public LintFinding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(typeName, "typeName");
        Objects.requireNonNull(property, "property");
        queryNames = List.copyOf(queryNames);
    }

    public JsonObject toJson() {
        JsonObject.Builder json = JsonObject.builder()
                .put("severity", severity.wireName()).put("code", code).put("message", message);
        typeName.ifPresent(name -> json.put("type_name", name));
        property.ifPresent(name -> json.put("property", name));
        if (!queryNames.isEmpty()) {
            json.put("query_names", JsonArray.ofStrings(queryNames));
        }
        return json.build();
    }
}
