package dev.omnigraph.domain.query.lint;

import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;

import java.util.List;
import java.util.Objects;

/**
 * The whole lint report of one query file, in the reference's JSON shape:
 * {@code {status, schema_source, query_path, queries_processed, errors, warnings, infos, results, findings}}.
 * {@code errors} counts failed queries plus error findings; {@code warnings} counts per-query warnings
 * plus warning findings; the status is {@code ok} exactly when there are no errors.
 */
public record LintReport(
        SchemaSource schemaSource,
        String queryPath,
        int queriesProcessed,
        List<LintQueryResult> results,
        List<LintFinding> findings) {
    public LintReport {
        Objects.requireNonNull(schemaSource, "schemaSource");
        Objects.requireNonNull(queryPath, "queryPath");
        results = List.copyOf(results);
        findings = List.copyOf(findings);
    }

    public int errors() {
        return (int) (results.stream().filter(r -> !r.ok()).count()
                + findings.stream().filter(f -> f.severity() == LintSeverity.ERROR).count());
    }

    public int warnings() {
        return results.stream().mapToInt(r -> r.warnings().size()).sum()
                + (int) findings.stream().filter(f -> f.severity() == LintSeverity.WARNING).count();
    }

    public int infos() {
        return (int) findings.stream().filter(f -> f.severity() == LintSeverity.INFO).count();
    }

    public boolean ok() {
        return errors() == 0;
    }

    public JsonObject toJson() {
        return JsonObject.builder()
                .put("status", ok() ? "ok" : "error")
                .put("schema_source", schemaSource.toJson())
                .put("query_path", queryPath)
                .put("queries_processed", queriesProcessed)
                .put("errors", errors())
                .put("warnings", warnings())
                .put("infos", infos())
                .put("results", new JsonArray(results.stream().<JsonValue>map(LintQueryResult::toJson).toList()))
                .put("findings", new JsonArray(findings.stream().<JsonValue>map(LintFinding::toJson).toList()))
                .build();
    }
}
