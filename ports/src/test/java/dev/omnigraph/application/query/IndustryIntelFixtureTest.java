package dev.omnigraph.application.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.omnigraph.domain.graph.load.PropertyValues;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.domain.lang.SourceFile;
import dev.omnigraph.domain.query.QueryCompiler;
import dev.omnigraph.domain.query.ast.QueryDecl;
import dev.omnigraph.domain.query.parse.ParsedQueries;
import dev.omnigraph.domain.query.plan.MatchOp;
import dev.omnigraph.domain.query.plan.QueryPlan;
import dev.omnigraph.domain.query.plan.ReadPlan;
import dev.omnigraph.domain.query.result.QueryResult;
import dev.omnigraph.domain.query.typecheck.EdgeTypeInfo;
import dev.omnigraph.domain.query.typecheck.NodeTypeInfo;
import dev.omnigraph.domain.query.typecheck.QueryCatalog;
import dev.omnigraph.domain.query.typecheck.ValueType;
import dev.omnigraph.domain.schema.BaseType;
import dev.omnigraph.domain.schema.PropertyType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every non-search read query of the real-world industry-intel corpus, run over its seed data for
 * every plausible parameter value, must return exactly the rows a straightforward computation over
 * the seed (written here by hand per query, sharing nothing with the executor) gives. The corpus
 * lives outside this repository ({@code -Domnigraph.fixtures}); without it the test is skipped, never
 * silently passed. Search queries must be refused with the typed "not supported yet" error.
 */
class IndustryIntelFixtureTest {

    private static final Set<String> SEARCH_QUERIES = Set.of("search_elements", "search_insights", "search_knowhow",
            "search_patterns", "search_signals", "related_chunks", "hybrid_chunks");

    private static Path fixtures() {
        String configured = System.getProperty("omnigraph.fixtures");
        Path root = configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of("/work/main").resolve("../shared/fixtures").normalize();
        return root.resolve("industry-intel");
    }

    // ── the independent model of the seed ────────────────────────────────────────────────

    private record Node(String type, String id, Map<String, Object> properties) {
        List<Object> project(String... names) {
            List<Object> values = new ArrayList<>();
            for (String name : names) {
                values.add(properties.get(name));
            }
            return values;
        }

        long timestamp() {
            return (Long) properties.get("stagingTimestamp");
        }
    }

    private record Edge(String type, String from, String to) {
    }

    private final Map<String, Map<String, Node>> nodes = new LinkedHashMap<>();
    private final List<Edge> edges = new ArrayList<>();
    private QueryCatalog catalog;

    private Node node(String type, String id) {
        return nodes.getOrDefault(type, Map.of()).get(id);
    }

    private List<Node> all(String type) {
        return new ArrayList<>(nodes.getOrDefault(type, Map.of()).values());
    }

    /** Distinct nodes reached from {@code id} over {@code edge} (forwards), in edge order. */
    private List<Node> targets(String edge, String id) {
        EdgeTypeInfo info = catalog.edgeType(edge).orElseThrow();
        Set<String> ids = new LinkedHashSet<>();
        edges.stream().filter(e -> e.type().equals(edge) && e.from().equals(id)).forEach(e -> ids.add(e.to()));
        return ids.stream().map(target -> node(info.toType(), target)).filter(n -> n != null).toList();
    }

    /** Distinct nodes with an {@code edge} into {@code id}. */
    private List<Node> sources(String edge, String id) {
        EdgeTypeInfo info = catalog.edgeType(edge).orElseThrow();
        Set<String> ids = new LinkedHashSet<>();
        edges.stream().filter(e -> e.type().equals(edge) && e.to().equals(id)).forEach(e -> ids.add(e.from()));
        return ids.stream().map(source -> node(info.fromType(), source)).filter(n -> n != null).toList();
    }

    private boolean hasOutgoing(String edge, String id) {
        return edges.stream().anyMatch(e -> e.type().equals(edge) && e.from().equals(id));
    }

    private static final Comparator<Node> NEWEST_FIRST = Comparator.comparingLong(Node::timestamp).reversed()
            .thenComparing(Node::id);

    private static Comparator<Node> byProperty(String name) {
        return Comparator.<Node, String>comparing(n -> (String) n.properties().get(name)).thenComparing(Node::id);
    }

    /** What one query must return for one parameter binding. */
    private record Expected(List<List<Object>> rows, boolean ordered) {
    }

    private final Map<String, Function<Map<String, Object>, Expected>> expectations = new HashMap<>();

    private void unordered(String query, Function<Map<String, Object>, List<List<Object>>> rows) {
        expectations.put(query, params -> new Expected(rows.apply(params), false));
    }

    private void ordered(String query, Function<Map<String, Object>, List<List<Object>>> rows) {
        expectations.put(query, params -> new Expected(rows.apply(params), true));
    }

    private List<List<Object>> byKey(String type, Map<String, Object> params, String... columns) {
        Node found = node(type, (String) params.get("slug"));
        return found == null ? List.of() : List.of(found.project(columns));
    }

    private void oneHopOut(String query, String startType, String edge, String... columns) {
        unordered(query, params -> node(startType, (String) params.get("slug")) == null ? List.of()
                : targets(edge, (String) params.get("slug")).stream().map(n -> n.project(columns)).toList());
    }

    private void oneHopIn(String query, String startType, String edge, String... columns) {
        unordered(query, params -> node(startType, (String) params.get("slug")) == null ? List.of()
                : sources(edge, (String) params.get("slug")).stream().map(n -> n.project(columns)).toList());
    }

    private void defineExpectations() {
        String[] elementBrief = {"slug", "name", "kind", "brief"};
        String[] patternBrief = {"slug", "name", "kind", "brief"};
        String[] artifact = {"slug", "name", "artifactType", "link"};
        String[] signalBrief = {"slug", "name", "brief", "stagingTimestamp"};

        unordered("get_element", p -> byKey("Element", p, "slug", "name", "kind", "brief", "description", "category", "domain"));
        ordered("elements_by_kind", p -> all("Element").stream().filter(n -> p.get("kind").equals(n.properties().get("kind")))
                .sorted(byProperty("name")).map(n -> n.project("slug", "name", "brief", "category")).toList());
        oneHopOut("element_enables", "Element", "EnablesElement", elementBrief);
        oneHopOut("element_uses", "Element", "UsesElement", elementBrief);
        oneHopOut("element_patterns", "Element", "ExemplifiesPattern", patternBrief);
        ordered("element_signals", p -> node("Element", (String) p.get("slug")) == null ? List.of()
                : sources("OnElement", (String) p.get("slug")).stream().sorted(NEWEST_FIRST)
                        .map(n -> n.project(signalBrief)).toList());
        oneHopOut("element_developer", "Element", "DevelopedByCompany", "slug", "name", "brief");
        oneHopOut("element_sources", "Element", "IdentifiedInArtifact", artifact);

        unordered("get_insight", p -> byKey("Insight", p, "slug", "name", "brief", "description", "importance"));
        oneHopOut("insight_patterns", "Insight", "HighlightsPattern", patternBrief);
        oneHopOut("insight_elements", "Insight", "ReliesOnElement", elementBrief);

        unordered("get_knowhow", p -> byKey("KnowHow", p, "slug", "name", "brief", "description", "guidelines",
                "context", "url"));
        ordered("recent_knowhow", p -> all("KnowHow").stream().sorted(NEWEST_FIRST).limit(50)
                .map(n -> n.project("slug", "name", "brief", "stagingTimestamp")).toList());
        oneHopOut("knowhow_elements", "KnowHow", "ReferencesElement", elementBrief);
        oneHopOut("knowhow_sources", "KnowHow", "SourcedFromArtifact", artifact);

        unordered("get_pattern", p -> byKey("Pattern", p, "slug", "name", "kind", "brief", "description", "evolution"));
        ordered("patterns_by_kind", p -> all("Pattern").stream().filter(n -> p.get("kind").equals(n.properties().get("kind")))
                .sorted(byProperty("name")).map(n -> n.project("slug", "name", "brief")).toList());
        ordered("pattern_signals", p -> node("Pattern", (String) p.get("slug")) == null ? List.of()
                : sources("FormsPattern", (String) p.get("slug")).stream().sorted(NEWEST_FIRST)
                        .map(n -> n.project(signalBrief)).toList());
        oneHopOut("pattern_drives", "Pattern", "DrivesPattern", patternBrief);
        oneHopOut("pattern_relies_on", "Pattern", "ReliesOnPattern", patternBrief);
        oneHopOut("pattern_contradicts", "Pattern", "ContradictsToPattern", patternBrief);
        oneHopIn("pattern_elements", "Pattern", "ExemplifiesPattern", elementBrief);
        oneHopIn("pattern_insights", "Pattern", "HighlightsPattern", "slug", "name", "brief");

        unordered("get_signal", p -> byKey("Signal", p, "slug", "name", "brief", "description", "domain", "stagingTimestamp"));
        ordered("recent_signals", p -> all("Signal").stream().sorted(NEWEST_FIRST).limit(50)
                .map(n -> n.project("slug", "name", "brief", "domain", "stagingTimestamp")).toList());
        oneHopOut("signal_patterns", "Signal", "FormsPattern", patternBrief);
        oneHopOut("signal_contradictions", "Signal", "ContradictsPattern", patternBrief);
        oneHopOut("signal_elements", "Signal", "OnElement", elementBrief);
        oneHopOut("signal_companies", "Signal", "RelevantCompany", "slug", "name", "brief");
        oneHopOut("signal_sources", "Signal", "SpottedInArtifact", artifact);

        ordered("orphan_signals", p -> all("Signal").stream()
                .filter(s -> !hasOutgoing("FormsPattern", s.id()) && !hasOutgoing("ContradictsPattern", s.id()))
                .sorted(NEWEST_FIRST).map(s -> s.project(signalBrief)).toList());
        unordered("pattern_momentum", p -> {
            List<List<Object>> rows = new ArrayList<>();
            for (Node pattern : all("Pattern")) {
                long recent = sources("FormsPattern", pattern.id()).stream()
                        .filter(s -> s.timestamp() >= (Long) p.get("since")).count();
                if (recent > 0) {
                    rows.add(Arrays.asList(pattern.properties().get("slug"), pattern.properties().get("name"), recent));
                }
            }
            return rows;
        });
        unordered("stale_patterns", p -> all("Pattern").stream()
                .filter(pattern -> sources("FormsPattern", pattern.id()).stream()
                        .noneMatch(s -> s.timestamp() >= (Long) p.get("since")))
                .map(pattern -> pattern.project("slug", "name")).toList());
        unordered("contested_patterns", p -> {
            List<List<Object>> rows = new ArrayList<>();
            for (Node pattern : all("Pattern")) {
                long contradictions = sources("ContradictsPattern", pattern.id()).size();
                if (contradictions > 0) {
                    rows.add(Arrays.asList(pattern.properties().get("slug"), pattern.properties().get("name"), contradictions));
                }
            }
            return rows;
        });
        ordered("unsourced_signals", p -> all("Signal").stream()
                .filter(s -> !hasOutgoing("SpottedInArtifact", s.id()) && !hasOutgoing("SourcedFromSource", s.id()))
                .sorted(NEWEST_FIRST).map(s -> s.project("slug", "name", "stagingTimestamp")).toList());
    }

    // ── loading ──────────────────────────────────────────────────────────────────────────

    /**
     * The reader the queries run on. Here the in-memory fake built from the seed; the storage
     * integration suite overrides it to run the very same expectations on real tables.
     */
    protected GraphReader readerOver(Path fixtureRoot, InMemoryGraphReader seedModel) throws IOException {
        return seedModel;
    }

    private InMemoryGraphReader load(Path seed) throws IOException {
        InMemoryGraphReader.Builder builder = InMemoryGraphReader.builder(catalog).batchSize(7);
        int edgeNumber = 0;
        for (String line : Files.readAllLines(seed, StandardCharsets.UTF_8)) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("//")) {
                continue;
            }
            JsonObject record = TestJson.parse(trimmed).asObject();
            JsonObject data = record.find("data").map(JsonValue::asObject).orElse(JsonObject.empty());
            if (record.has("type")) {
                NodeTypeInfo type = catalog.nodeType(record.get("type").asString()).orElseThrow();
                Map<String, Object> properties = typed(type.properties(), data);
                String id = data.find("id").map(JsonValue::asString)
                        .orElseGet(() -> (String) properties.get(type.keyProperties().get(0)));
                builder.node(type.name(), id, properties);
                nodes.computeIfAbsent(type.name(), t -> new LinkedHashMap<>()).put(id, new Node(type.name(), id, properties));
            } else {
                EdgeTypeInfo type = catalog.edgeType(record.get("edge").asString()).orElseThrow();
                String from = record.get("from").asString();
                String to = record.get("to").asString();
                String id = data.find("id").map(JsonValue::asString).orElse("edge-" + (++edgeNumber));
                builder.edge(type.name(), id, from, to, typed(type.properties(), data));
                edges.add(new Edge(type.name(), from, to));
            }
        }
        return builder.build("industry-intel:seed");
    }

    private static Map<String, Object> typed(Map<String, ValueType> properties, JsonObject data) {
        Map<String, Object> values = new HashMap<>();
        for (Map.Entry<String, JsonValue> member : data.members().entrySet()) {
            if (member.getKey().equals("id")) {
                continue;
            }
            ValueType type = properties.get(member.getKey());
            assertNotNull(type, () -> "seed property not in the schema: " + member.getKey());
            Object value = PropertyValues.fromJson(propertyType(type), member.getValue());
            if (value != null) {
                values.put(member.getKey(), value);
            }
        }
        return values;
    }

    private static PropertyType propertyType(ValueType type) {
        if (type.isVector()) {
            return PropertyType.vector(type.vectorDimension(), type.nullable());
        }
        if (type.isEnum()) {
            return PropertyType.enumOf(type.enumValues(), type.nullable());
        }
        BaseType base = BaseType.valueOf(type.kind().name());
        return type.list() ? PropertyType.listOf(base, type.nullable()) : PropertyType.scalar(base, type.nullable());
    }

    // ── parameters ───────────────────────────────────────────────────────────────────────

    private List<Map<String, Object>> bindings(ReadPlan plan) {
        String startType = ((MatchOp.NodeScan) plan.match().get(0)).typeName();
        List<Map<String, Object>> bindings = new ArrayList<>();
        bindings.add(new HashMap<>());
        for (String parameter : plan.parameters().keySet()) {
            List<Object> values = switch (parameter) {
                case "slug" -> {
                    List<Object> slugs = new ArrayList<>(nodes.getOrDefault(startType, Map.of()).keySet());
                    slugs.add("no-such-slug");
                    yield slugs;
                }
                case "kind" -> {
                    List<Object> kinds = new ArrayList<>(catalog.nodeType(startType).orElseThrow()
                            .property("kind").orElseThrow().enumValues());
                    kinds.add("no-such-kind");
                    yield kinds;
                }
                case "since" -> {
                    TreeSet<Long> stamps = new TreeSet<>();
                    all("Signal").forEach(s -> stamps.add(s.timestamp()));
                    List<Object> cutoffs = new ArrayList<>(stamps);
                    cutoffs.add(QueryTestGraphs.millis("2000-01-01T00:00:00Z"));
                    cutoffs.add(QueryTestGraphs.millis("2100-01-01T00:00:00Z"));
                    yield cutoffs;
                }
                default -> throw new AssertionError("no parameter values defined for $" + parameter);
            };
            List<Map<String, Object>> expanded = new ArrayList<>();
            for (Map<String, Object> binding : bindings) {
                for (Object value : values) {
                    Map<String, Object> next = new HashMap<>(binding);
                    next.put(parameter, value);
                    expanded.add(next);
                }
            }
            bindings = expanded;
        }
        return bindings;
    }

    private static List<List<Object>> canonical(List<List<Object>> rows) {
        List<List<Object>> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparing(Object::toString));
        return copy;
    }

    @Test
    void every_non_search_read_query_matches_an_independent_computation() throws IOException {
        Path root = fixtures();
        assumeTrue(Files.isDirectory(root), "fixtures absent at " + root + " (set -Domnigraph.fixtures)");
        catalog = QueryTestGraphs.catalog(Files.readString(root.resolve("schema.pg")));
        GraphReader reader = readerOver(root, load(root.resolve("seed.jsonl")));
        defineExpectations();
        QueryExecutor executor = QueryTestGraphs.executor();

        List<Path> files;
        try (Stream<Path> listing = Files.list(root.resolve("queries"))) {
            files = listing.filter(p -> p.toString().endsWith(".gq")).sorted().toList();
        }
        Set<String> executed = new TreeSet<>();
        Set<String> refused = new TreeSet<>();
        int executions = 0;
        int nonEmpty = 0;
        for (Path file : files) {
            SourceFile source = new SourceFile(file.getFileName().toString(), Files.readString(file));
            ParsedQueries parsed = QueryCompiler.parse(source);
            for (QueryDecl declaration : parsed.file().queries()) {
                QueryPlan compiled = QueryCompiler.compile(catalog, source, declaration.name());
                if (!(compiled instanceof QueryPlan.Read read)) {
                    continue;
                }
                ReadPlan plan = read.plan();
                if (SEARCH_QUERIES.contains(plan.name())) {
                    Map<String, Object> params = new HashMap<>();
                    plan.parameters().keySet().forEach(name -> params.put(name, "agents"));
                    UnsupportedQueryFeatureException error = assertThrows(UnsupportedQueryFeatureException.class,
                            () -> executor.execute(reader, plan, params), plan.name());
                    assertEquals("query_feature_not_supported", error.code());
                    refused.add(plan.name());
                    continue;
                }
                Function<Map<String, Object>, Expected> expectation = expectations.get(plan.name());
                assertNotNull(expectation, () -> "no independent computation written for query " + plan.name());
                for (Map<String, Object> params : bindings(plan)) {
                    QueryResult actual = executor.execute(reader, plan, params);
                    Expected expected = expectation.apply(params);
                    String context = plan.name() + " " + params;
                    if (expected.ordered()) {
                        assertEquals(expected.rows(), actual.rows(), context);
                    } else {
                        assertEquals(canonical(expected.rows()), canonical(actual.rows()), context);
                    }
                    executions++;
                    if (!expected.rows().isEmpty()) {
                        nonEmpty++;
                    }
                }
                executed.add(plan.name());
            }
        }
        assertEquals(SEARCH_QUERIES, refused);
        assertEquals(expectations.keySet(), executed, "every expectation must correspond to a corpus query");
        assertEquals(35, executed.size());
        assertTrue(executions >= 300, "every parameter value must run: " + executions);
        assertTrue(nonEmpty > executions / 4, "the bindings must exercise real matches: " + nonEmpty + "/" + executions);
    }
}
