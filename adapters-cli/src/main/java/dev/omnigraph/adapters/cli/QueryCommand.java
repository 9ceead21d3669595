package dev.omnigraph.adapters.cli;

import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonNull;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonString;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.domain.json.JsonWriter;
import dev.omnigraph.ports.in.QueryGraphCommand;
import dev.omnigraph.ports.in.QueryGraphResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "query", aliases = "read", mixinStandardHelpOptions = true,
        description = {"Run a read query over one snapshot of a graph.",
            "The query comes from --query FILE.gq (NAME selects one of its queries) or -e '<query text>'."})
final class QueryCommand extends CommandSupport implements Callable<Integer> {

    @Mixin
    QuerySourceOptions query;

    @Option(names = "--branch", defaultValue = "main", paramLabel = "BRANCH", description = "Branch to read (default: main).")
    String branch;

    @Option(names = "--snapshot", paramLabel = "ID", description = "Read this snapshot (manifest:<branch>:v<N>).")
    String snapshot;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "table (default), json, jsonl, csv or kv.")
    String format;

    @Option(names = "--json", description = "Same as --format json.")
    boolean json;

    @Override
    public Integer call() {
        String source = query.source(this, "query");
        String paramsJson = query.paramsJson(this);
        String effectiveFormat = json ? "json" : format;
        QueryGraphResult result = services().query().queryGraph(new QueryGraphCommand(graphUri(null, query.store), branch,
                Optional.ofNullable(snapshot), query.sourceName(), source, query.queryName(), paramsJson));
        JsonArray rows = result.result().toJson();
        List<String> columns = result.result().columnNames();
        switch (effectiveFormat) {
            case "json" -> printJson(JsonObject.builder()
                    .put("query_name", result.queryName())
                    .put("target", snapshot != null ? JsonObject.builder().put("snapshot", snapshot).build()
                            : JsonObject.builder().put("branch", branch).build())
                    .put("snapshot_id", result.snapshotId())
                    .put("row_count", rows.size())
                    .put("columns", JsonArray.ofStrings(columns))
                    .put("rows", rows)
                    .put("graph_commit_id", result.headCommitId().<JsonValue>map(JsonValue::of).orElse(JsonValue.nullValue()))
                    .build());
            case "jsonl" -> rows.elements().forEach(row -> out().println(JsonWriter.compact(row)));
            case "csv" -> printCsv(columns, rows);
            case "kv" -> printKeyValues(columns, rows);
            case "table" -> printTable(columns, rows);
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "unknown format '" + effectiveFormat + "' (expected table, json, jsonl, csv or kv)");
        }
        out().flush();
        return 0;
    }

    private static String cell(JsonValue value) {
        if (value == null || value instanceof JsonNull) {
            return "";
        }
        return value instanceof JsonString string ? string.value() : JsonWriter.compact(value);
    }

    private void printTable(List<String> columns, JsonArray rows) {
        int[] widths = new int[columns.size()];
        List<List<String>> cells = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            widths[c] = columns.get(c).length();
        }
        for (JsonValue row : rows.elements()) {
            List<String> line = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                String text = cell(row.asObject().getOrNull(columns.get(c)));
                text = text.length() > 60 ? text.substring(0, 59) + "…" : text;
                widths[c] = Math.max(widths[c], text.length());
                line.add(text);
            }
            cells.add(line);
        }
        out().println(formatRow(columns, widths));
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            rule.append(c == 0 ? "" : "-+-").append("-".repeat(widths[c]));
        }
        out().println(rule);
        cells.forEach(line -> out().println(formatRow(line, widths)));
        out().printf("(%d row%s)%n", rows.size(), rows.size() == 1 ? "" : "s");
    }

    private static String formatRow(List<String> values, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < values.size(); c++) {
            line.append(c == 0 ? "" : " | ").append(String.format("%-" + Math.max(1, widths[c]) + "s", values.get(c)));
        }
        return line.toString().stripTrailing();
    }

    private void printCsv(List<String> columns, JsonArray rows) {
        out().println(String.join(",", columns.stream().map(QueryCommand::csvField).toList()));
        for (JsonValue row : rows.elements()) {
            List<String> fields = new ArrayList<>();
            for (String column : columns) {
                fields.add(csvField(cell(row.asObject().getOrNull(column))));
            }
            out().println(String.join(",", fields));
        }
    }

    private static String csvField(String text) {
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    private void printKeyValues(List<String> columns, JsonArray rows) {
        for (int r = 0; r < rows.size(); r++) {
            if (r > 0) {
                out().println();
            }
            for (String column : columns) {
                out().println(column + ": " + cell(rows.get(r).asObject().getOrNull(column)));
            }
        }
    }
}
