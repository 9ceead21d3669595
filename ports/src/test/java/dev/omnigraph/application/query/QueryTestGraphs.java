package dev.omnigraph.application.query;

import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.domain.lang.SourceFile;
import dev.omnigraph.domain.query.QueryCompiler;
import dev.omnigraph.domain.query.parse.ParsedQueries;
import dev.omnigraph.domain.query.plan.QueryPlan;
import dev.omnigraph.domain.query.plan.ReadPlan;
import dev.omnigraph.domain.query.result.QueryResult;
import dev.omnigraph.domain.query.typecheck.QueryCatalog;
import dev.omnigraph.domain.query.typecheck.SchemaCatalogs;

import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Shared fixtures of the executor tests: the reference's TEST graph and compile/run helpers. */
final class QueryTestGraphs {

    static final String TEST_SCHEMA = """
            node Person {
                name: String @key
                age: I32?
            }
            node Company {
                name: String @key
            }
            edge Knows: Person -> Person {
                since: Date?
            }
            edge WorksAt: Person -> Company
            """;

    static final QueryCatalog TEST_CATALOG = catalog(TEST_SCHEMA);

    static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");

    private QueryTestGraphs() {
    }

    static QueryCatalog catalog(String schema) {
        return SchemaCatalogs.fromSchemaSource(new SourceFile("test.pg", schema));
    }

    /** The reference fixture: Alice 30, Bob 25, Charlie 35, Diana 28; Acme, Globex; Knows A→B, A→C, B→D. */
    static InMemoryGraphReader.Builder testGraph() {
        return people(TEST_CATALOG, Map.of("Alice", 30, "Bob", 25, "Charlie", 35, "Diana", 28))
                .node("Company", "Acme", Map.of("name", "Acme"))
                .node("Company", "Globex", Map.of("name", "Globex"))
                .edge("Knows", "k1", "Alice", "Bob", Map.of())
                .edge("Knows", "k2", "Alice", "Charlie", Map.of())
                .edge("Knows", "k3", "Bob", "Diana", Map.of())
                .edge("WorksAt", "w1", "Alice", "Acme", Map.of())
                .edge("WorksAt", "w2", "Bob", "Globex", Map.of());
    }

    /** People with ages (a null age is given by omitting the person from {@code ages}' values: use {@link #person}). */
    static InMemoryGraphReader.Builder people(QueryCatalog catalog, Map<String, Integer> ages) {
        InMemoryGraphReader.Builder builder = InMemoryGraphReader.builder(catalog);
        ages.keySet().stream().sorted().forEach(name -> person(builder, name, ages.get(name)));
        return builder;
    }

    static InMemoryGraphReader.Builder person(InMemoryGraphReader.Builder builder, String name, Integer age) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("name", name);
        if (age != null) {
            properties.put("age", age);
        }
        return builder.node("Person", name, properties);
    }

    static QueryExecutor executor() {
        return new QueryExecutor(new AdjacencyCache(), InstantSource.fixed(NOW));
    }

    /** Compiles the first query of {@code text} against the reader's catalog. */
    static ReadPlan plan(QueryCatalog catalog, String text) {
        SourceFile source = new SourceFile("q.gq", text);
        ParsedQueries parsed = QueryCompiler.parse(source);
        String name = parsed.file().queries().get(0).name();
        return ((QueryPlan.Read) QueryCompiler.compile(catalog, source, name)).plan();
    }

    static QueryResult run(GraphReader reader, String text) {
        return run(executor(), reader, text, Map.of());
    }

    static QueryResult run(GraphReader reader, String text, Map<String, ?> params) {
        return run(executor(), reader, text, params);
    }

    static QueryResult run(QueryExecutor executor, GraphReader reader, String text, Map<String, ?> params) {
        return executor.execute(reader, plan(reader.catalog(), text), params);
    }

    static QueryResult runJson(GraphReader reader, String text, JsonValue params) {
        ReadPlan plan = plan(reader.catalog(), text);
        return executor().execute(reader, plan, ParamBinder.bind(plan, params));
    }

    static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    /** Rows in a canonical order, for queries without {@code order} (whose row order is unspecified). */
    static List<List<Object>> sortedRows(QueryResult result) {
        List<List<Object>> rows = new ArrayList<>(result.rows());
        rows.sort(Comparator.comparing(Object::toString));
        return rows;
    }

    static List<List<Object>> sorted(List<List<Object>> rows) {
        List<List<Object>> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparing(Object::toString));
        return copy;
    }

    static long days(String date) {
        return LocalDate.parse(date).toEpochDay();
    }

    static long millis(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }
}
