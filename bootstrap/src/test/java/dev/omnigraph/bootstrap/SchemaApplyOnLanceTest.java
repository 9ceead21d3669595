package dev.omnigraph.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnigraph.adapters.storage.codec.Codecs;
import dev.omnigraph.adapters.storage.objectstore.ObjectStores;
import dev.omnigraph.adapters.storage.system.SystemServices;
import dev.omnigraph.adapters.storage.table.LanceProperties;
import dev.omnigraph.adapters.storage.table.TableStorages;
import dev.omnigraph.application.engine.BranchService;
import dev.omnigraph.application.engine.GraphEngineService;
import dev.omnigraph.application.engine.MutationService;
import dev.omnigraph.application.engine.OpenGraph;
import dev.omnigraph.application.engine.QueryService;
import dev.omnigraph.application.engine.SchemaApplyService;
import dev.omnigraph.application.failpoint.FailpointNames;
import dev.omnigraph.application.failpoint.InjectedFailpointException;
import dev.omnigraph.application.failpoint.ScopedFailpoint;
import dev.omnigraph.application.query.AdjacencyCache;
import dev.omnigraph.application.query.MutationExecutor;
import dev.omnigraph.application.query.QueryExecutor;
import dev.omnigraph.domain.graph.GraphEngineException;
import dev.omnigraph.domain.graph.GraphErrorKind;
import dev.omnigraph.domain.graph.GraphSnapshot.VisibleTable;
import dev.omnigraph.domain.graph.SnapshotId;
import dev.omnigraph.domain.graph.load.LoadMode;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonWriter;
import dev.omnigraph.domain.lang.DiagnosticException;
import dev.omnigraph.domain.schema.migration.MigrationStep;
import dev.omnigraph.ports.in.ApplySchemaCommand;
import dev.omnigraph.ports.in.ApplySchemaResult;
import dev.omnigraph.ports.in.CommitListQuery;
import dev.omnigraph.ports.in.CommitResult;
import dev.omnigraph.ports.in.ExportGraphCommand;
import dev.omnigraph.ports.in.InitGraphCommand;
import dev.omnigraph.ports.in.LoadGraphCommand;
import dev.omnigraph.ports.in.LoadGraphUseCase.ProgressListener;
import dev.omnigraph.ports.in.MutateGraphCommand;
import dev.omnigraph.ports.in.QueryGraphCommand;
import dev.omnigraph.ports.in.SnapshotQuery;
import dev.omnigraph.ports.in.SnapshotResult;
import dev.omnigraph.ports.out.table.TableFilter;
import dev.omnigraph.ports.out.table.TableStorage;
import dev.omnigraph.ports.out.table.TableVersionNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Schema apply on a live graph, on real Lance tables, starting from the example people graph (init is
 * manifest version 1, the seed load version 2). It guards the apply contract of engine notes §4.3: each
 * step kind has exactly its documented effect on tables (rewrite, create, alias change, tombstone or
 * nothing), one apply is one commit (none when there is nothing to do), refusals and previews leave no
 * trace, and the data as it was stays reachable by time travel after a soft change. Every expected
 * value is derived by hand from examples/people (schema.pg, seed.jsonl), never recorded from the engine.
 * Crash windows of the apply are covered window by window in {@code EngineCrashWindowsOnLanceTest}; the
 * two tests at the end pin the recovered roll-forward and the undo of a failure the apply saw itself. Reads
 * of pre-change snapshots through queries (which resolve types by the current schema) are not covered.
 */
class SchemaApplyOnLanceTest {

    @TempDir
    Path temp;

    private static TableStorage tables;
    private static GraphEngineService engine;
    private static SchemaApplyService schemas;
    private static QueryService queries;
    private static MutationService mutations;
    private static BranchService branches;

    @BeforeAll
    static void startEngine() {
        tables = TableStorages.lance(LanceProperties.defaults());
        engine = new GraphEngineService(ObjectStores.locator(), tables, Codecs.json(), SystemServices.clock(), SystemServices.ids());
        schemas = new SchemaApplyService(engine);
        queries = new QueryService(engine, tables, Codecs.json(), new QueryExecutor(new AdjacencyCache(), () -> SystemServices.clock().now()));
        mutations = new MutationService(engine, Codecs.json(), new MutationExecutor(() -> SystemServices.clock().now()));
        branches = new BranchService(engine);
    }

    @AfterAll
    static void stopEngine() throws Exception {
        tables.close();
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private static String baseSchema() throws IOException {
        return Files.readString(GraphEngineOnLanceTest.examples().resolve("schema.pg"));
    }

    /** The base schema with one edit; fails if the edit does not apply, so a changed example is noticed. */
    private static String edited(String from, String to) throws IOException {
        String base = baseSchema();
        assertTrue(base.contains(from), "examples/people/schema.pg no longer contains: " + from);
        return base.replace(from, to);
    }

    private String seededGraph() throws IOException {
        Path examples = GraphEngineOnLanceTest.examples();
        String uri = temp.resolve("g").toString();
        engine.initGraph(new InitGraphCommand(uri, "schema.pg", baseSchema(), Optional.empty()));
        engine.loadGraph(new LoadGraphCommand(uri, "main", LoadMode.OVERWRITE, "seed.jsonl",
                Files.readString(examples.resolve("seed.jsonl")), Optional.empty()), ProgressListener.NONE);
        return uri;
    }

    private static ApplySchemaResult apply(String uri, String schema) {
        return schemas.applySchema(new ApplySchemaCommand(uri, "next.pg", schema, false, Optional.of("tester")));
    }

    private static String rows(String uri, String gq) {
        return JsonWriter.compact(queries.queryGraph(new QueryGraphCommand(uri, "main", Optional.empty(), "read.gq", gq,
                Optional.empty(), "{}")).result().toJson());
    }

    private static List<String> stepJson(ApplySchemaResult result) {
        return result.plan().steps().stream().map(step -> JsonWriter.compact(step.toJson())).toList();
    }

    private static SnapshotResult snapshot(String uri) {
        return engine.snapshot(new SnapshotQuery(uri, "main"));
    }

    /** Published version of every visible table. */
    private static Map<String, Long> versions(String uri) {
        Map<String, Long> versions = new TreeMap<>();
        snapshot(uri).tables().forEach(t -> versions.put(t.tableKey(), t.tableVersion()));
        return versions;
    }

    private static OpenGraph at(String uri, long manifestVersion) {
        return engine.openSnapshot(uri, SnapshotId.of("main", manifestVersion));
    }

    private static VisibleTable table(OpenGraph graph, String tableKey) {
        return graph.visible(tableKey).orElseThrow(() -> new AssertionError(tableKey + " not in " + graph.snapshot().snapshotId()));
    }

    private static long rowCount(OpenGraph graph, String tableKey) {
        return tables.count(graph.readRef(table(graph, tableKey)), TableFilter.ALL);
    }

    private static int commitCount(String uri) {
        return engine.listCommits(new CommitListQuery(uri, "main")).commits().size();
    }

    private static void assertNoStagingFiles(String uri) {
        for (String name : List.of("_schema.pg.staging", "_schema.ir.json.staging", "__schema_state.json.staging")) {
            assertFalse(Files.exists(Path.of(uri).resolve(name)), name + " left behind");
        }
    }

    private static String acceptedSource(String uri) throws IOException {
        return Files.readString(Path.of(uri).resolve("_schema.pg"));
    }

    // ---- step kinds ---------------------------------------------------------------------------------

    @Test
    void adding_a_nullable_property_rewrites_the_table_with_nulls_and_the_new_property_is_writable() throws IOException {
        String uri = seededGraph();
        long personBefore = versions(uri).get("node:Person");
        String desired = edited("    email: String?\n", "    email: String?\n    nickname: String?\n");

        ApplySchemaResult result = apply(uri, desired);

        assertTrue(result.supported());
        assertTrue(result.applied());
        assertEquals(List.of("{\"kind\":\"add_property\",\"type_kind\":\"node\",\"type_name\":\"Person\","
                + "\"property_name\":\"nickname\",\"property_type\":{\"scalar\":\"String\",\"nullable\":true,\"list\":false,\"enum_values\":null}}"), stepJson(result));
        assertEquals(3, result.graphManifestVersion());
        assertEquals("manifest:main:v3", result.snapshotId());
        assertEquals(result.commitId(), snapshot(uri).headCommitId());
        CommitResult commit = engine.listCommits(new CommitListQuery(uri, "main")).commits().get(0);
        assertEquals(Optional.of("tester"), commit.actorId());
        // one overwrite of Person, nothing else
        assertEquals(personBefore + 1, versions(uri).get("node:Person"));
        assertEquals(5L, snapshot(uri).tables().stream().filter(t -> t.tableKey().equals("node:Person")).findFirst()
                .orElseThrow().rowCount());
        assertEquals(desired, acceptedSource(uri));
        assertNoStagingFiles(uri);

        assertEquals("[{\"p.name\":\"Ada\",\"p.age\":36,\"p.nickname\":null},{\"p.name\":\"Alan\",\"p.age\":41,\"p.nickname\":null},"
                        + "{\"p.name\":\"Barbara\",\"p.age\":null,\"p.nickname\":null},{\"p.name\":\"Edsger\",\"p.age\":72,\"p.nickname\":null},"
                        + "{\"p.name\":\"Grace\",\"p.age\":45,\"p.nickname\":null}]",
                rows(uri, "query q() { match { $p: Person } return { $p.name, $p.age, $p.nickname } order { $p.name } }"));
        mutations.mutateGraph(new MutateGraphCommand(uri, "main", "m.gq",
                "query m() { update Person set { nickname: \"Countess\" } where name = \"Ada\" }", Optional.empty(), "{}",
                Optional.empty(), Optional.empty()));
        assertEquals("[{\"p.nickname\":\"Countess\"}]",
                rows(uri, "query q() { match { $p: Person { name: \"Ada\" } } return { $p.nickname } }"));
        // the other properties survived the rewrite
        assertEquals("[{\"p.email\":\"ada@example.org\",\"p.role\":\"admin\",\"p.tags\":[\"math\",\"engines\"],\"p.born\":\"1815-12-10\"}]",
                rows(uri, "query q() { match { $p: Person { name: \"Ada\" } } return { $p.email, $p.role, $p.tags, $p.born } }"));
    }

    @Test
    void renaming_a_property_keeps_its_values_under_the_new_name() throws IOException {
        String uri = seededGraph();
        ApplySchemaResult result = apply(uri, edited("    revenue: F64?\n", "    turnover: F64? @rename_from(\"revenue\")\n"));

        assertEquals(List.of("{\"kind\":\"rename_property\",\"type_kind\":\"node\",\"type_name\":\"Company\","
                + "\"from\":\"revenue\",\"to\":\"turnover\"}"), stepJson(result));
        assertEquals("[{\"c.name\":\"Analytical\",\"c.turnover\":1250.5},{\"c.name\":\"Bletchley\",\"c.turnover\":null},"
                        + "{\"c.name\":\"Harvard Mark\",\"c.turnover\":null}]",
                rows(uri, "query q() { match { $c: Company } return { $c.name, $c.turnover } order { $c.name } }"));
        assertThrows(DiagnosticException.class, () -> rows(uri, "query q() { match { $c: Company } return { $c.revenue } }"));
        // the pre-rename version still holds the column under its old name
        OpenGraph before = at(uri, 2);
        assertTrue(tables.schema(before.readRef(table(before, "node:Company"))).indexOf("revenue") >= 0);
    }

    @Test
    void renaming_a_type_only_changes_its_alias_and_the_old_snapshot_still_reads_the_same_table() throws IOException {
        String uri = seededGraph();
        OpenGraph before = at(uri, 2);
        VisibleTable company = table(before, "node:Company");
        String desired = edited("node Company implements Named {", "node Firm @rename_from(\"Company\") implements Named {")
                .replace("edge WorksAt: Person -> Company", "edge WorksAt: Person -> Firm");

        ApplySchemaResult result = apply(uri, desired);

        assertEquals(List.of("{\"kind\":\"rename_type\",\"type_kind\":\"node\",\"from\":\"Company\",\"to\":\"Firm\"}"),
                stepJson(result));
        OpenGraph after = at(uri, 3);
        VisibleTable firm = table(after, "node:Firm");
        assertTrue(after.visible("node:Company").isEmpty());
        // same lifetime, same location, same published version: nothing was rewritten
        assertEquals(company.registration().identity(), firm.registration().identity());
        assertEquals(company.location(), firm.location());
        assertEquals(company.version().version(), firm.version().version());
        assertEquals("[{\"c.name\":\"Analytical\"},{\"c.name\":\"Bletchley\"},{\"c.name\":\"Harvard Mark\"}]",
                rows(uri, "query q() { match { $c: Firm } return { $c.name } order { $c.name } }"));
        assertEquals("[{\"c.name\":\"Analytical\"}]",
                rows(uri, "query q() { match { $p: Person { name: \"Ada\" }  $p worksAt $c } return { $c.name } }"));
        // time travel: the old snapshot still lists the table under its old alias, readable
        assertEquals(company, table(at(uri, 2), "node:Company"));
        assertEquals(3, rowCount(at(uri, 2), "node:Company"));
    }

    @Test
    void adding_types_creates_empty_tables_that_take_data() throws IOException {
        String uri = seededGraph();
        String desired = baseSchema() + "\nnode Project {\n    title: String @key\n}\n\nedge Contributes: Person -> Project\n";

        ApplySchemaResult result = apply(uri, desired);

        assertEquals(List.of("{\"kind\":\"add_type\",\"type_kind\":\"node\",\"name\":\"Project\"}",
                "{\"kind\":\"add_type\",\"type_kind\":\"edge\",\"name\":\"Contributes\"}"), stepJson(result));
        Map<String, Long> versions = versions(uri);
        assertEquals(1L, versions.get("node:Project"));
        assertEquals(1L, versions.get("edge:Contributes"));
        assertEquals(6, versions.size());
        engine.loadGraph(new LoadGraphCommand(uri, "main", LoadMode.APPEND, "more.jsonl",
                "{\"type\":\"Project\",\"data\":{\"title\":\"Engine\"}}\n{\"edge\":\"Contributes\",\"from\":\"Ada\",\"to\":\"Engine\"}\n",
                Optional.empty()), ProgressListener.NONE);
        assertEquals("[{\"p.name\":\"Ada\",\"j.title\":\"Engine\"}]",
                rows(uri, "query q() { match { $p: Person  $p contributes $j } return { $p.name, $j.title } }"));
    }

    @Test
    void a_soft_type_drop_removes_the_tables_from_the_snapshot_and_keeps_them_for_time_travel() throws IOException {
        String uri = seededGraph();
        String base = baseSchema();
        int company = base.indexOf("node Company implements Named {");
        int knows = base.indexOf("edge Knows:");
        int worksAt = base.indexOf("edge WorksAt:");
        assertTrue(company > 0 && knows > company && worksAt > knows);
        String desired = base.substring(0, company) + base.substring(knows, worksAt);

        ApplySchemaResult result = apply(uri, desired);

        assertEquals(List.of("{\"kind\":\"drop_type\",\"type_kind\":\"node\",\"name\":\"Company\",\"mode\":\"soft\"}",
                "{\"kind\":\"drop_type\",\"type_kind\":\"edge\",\"name\":\"WorksAt\",\"mode\":\"soft\"}"), stepJson(result));
        assertEquals(Map.of("node:Person", 2L, "edge:Knows", 2L), versions(uri));
        OpenGraph before = at(uri, 2);
        assertEquals(3, rowCount(before, "node:Company"));
        assertEquals(3, rowCount(before, "edge:WorksAt"));
        assertTrue(tables.exists(Path.of(uri).resolve(table(before, "node:Company").location()).toString()));
    }

    @Test
    void a_soft_property_drop_rewrites_without_the_column_and_a_hard_one_reclaims_the_old_version() throws IOException {
        String uri = seededGraph();
        ApplySchemaResult soft = apply(uri, edited("    revenue: F64?\n", ""));

        assertEquals(List.of("{\"kind\":\"drop_property\",\"type_kind\":\"node\",\"type_name\":\"Company\","
                + "\"property_name\":\"revenue\",\"mode\":\"soft\"}"), stepJson(soft));
        OpenGraph after = at(uri, 3);
        assertEquals(-1, tables.schema(after.readRef(table(after, "node:Company"))).indexOf("revenue"));
        assertEquals(3, rowCount(after, "node:Company"));
        OpenGraph before = at(uri, 2);
        assertTrue(tables.schema(before.readRef(table(before, "node:Company"))).indexOf("revenue") >= 0);

        ApplySchemaResult hard = schemas.applySchema(new ApplySchemaCommand(uri, "next.pg",
                edited("    revenue: F64?\n", "").replace("    founded: DateTime?\n", ""), true, Optional.empty()));

        assertEquals(List.of("{\"kind\":\"drop_property\",\"type_kind\":\"node\",\"type_name\":\"Company\","
                + "\"property_name\":\"founded\",\"mode\":\"hard\"}"), stepJson(hard));
        OpenGraph latest = at(uri, 4);
        assertEquals(3, rowCount(latest, "node:Company"));
        assertThrows(TableVersionNotFoundException.class, () -> rowCount(at(uri, 3), "node:Company"));
        assertThrows(TableVersionNotFoundException.class, () -> rowCount(at(uri, 2), "node:Company"));
        assertEquals("[{\"c.name\":\"Analytical\"},{\"c.name\":\"Bletchley\"},{\"c.name\":\"Harvard Mark\"}]",
                rows(uri, "query q() { match { $c: Company } return { $c.name } order { $c.name } }"));
    }

    @Test
    void a_metadata_only_change_publishes_a_commit_and_rewrites_no_table() throws IOException {
        String uri = seededGraph();
        Map<String, Long> before = versions(uri);
        String desired = edited("@description(\"a human\")", "@description(\"a person\")");

        ApplySchemaResult result = apply(uri, desired);

        assertEquals(List.of("{\"kind\":\"update_type_metadata\",\"type_kind\":\"node\",\"name\":\"Person\","
                + "\"annotations\":[{\"name\":\"description\",\"value\":\"a person\"}]}"), stepJson(result));
        assertTrue(result.applied());
        assertEquals(3, result.graphManifestVersion());
        assertEquals(3, commitCount(uri));
        assertEquals(before, versions(uri));
        assertEquals(desired, acceptedSource(uri));
        assertNoStagingFiles(uri);
    }

    // ---- a table of schema pairs ---------------------------------------------------------------------

    /** One migration: an edit of the example schema and the step kinds the planner must emit for it. */
    record SchemaPair(String name, String from, String to, List<String> stepKinds) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<SchemaPair> schemaPairs() {
        return List.of(
                new SchemaPair("nullable property added", "    email: String?\n", "    email: String?\n    nickname: String?\n",
                        List.of("add_property")),
                new SchemaPair("property renamed", "    revenue: F64?\n", "    turnover: F64? @rename_from(\"revenue\")\n",
                        List.of("rename_property")),
                new SchemaPair("property renamed and another added", "    revenue: F64?\n",
                        "    turnover: F64? @rename_from(\"revenue\")\n    domain: String?\n",
                        List.of("add_property", "rename_property")),
                new SchemaPair("property dropped (soft)", "    revenue: F64?\n", "", List.of("drop_property")),
                new SchemaPair("enum widened", "role: enum(admin, member, guest)", "role: enum(admin, member, guest, owner)",
                        List.of("extend_enum")),
                new SchemaPair("index added", "    age: I32?\n", "    age: I32? @index\n", List.of("add_constraint")),
                new SchemaPair("description changed", "@description(\"a human\")", "@description(\"a person\")",
                        List.of("update_type_metadata")),
                new SchemaPair("node and edge types added", "edge Knows:",
                        "node Project {\n    title: String @key\n}\n\nedge Contributes: Person -> Project\n\nedge Knows:",
                        List.of("add_type", "add_type")));
    }

    /**
     * Every pair is applied to the seeded example graph on Lance: the applied plan is exactly the planner's (the
     * preview of the same change), with the step kinds of the table; the accepted schema becomes the desired
     * source; one commit is published; every record keeps its id and the value of every property it still has
     * under the same name; and every published table is at its storage head.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("schemaPairs")
    void a_schema_pair_applies_the_planners_steps_on_real_data(SchemaPair pair) throws IOException {
        String uri = seededGraph();
        String desired = edited(pair.from(), pair.to());
        Map<String, Map<String, Object>> before = recordsById(uri);
        int commits = commitCount(uri);

        ApplySchemaResult preview = schemas.previewSchemaApply(new ApplySchemaCommand(uri, "next.pg", desired, false,
                Optional.empty()));
        ApplySchemaResult applied = apply(uri, desired);

        assertEquals(stepJson(preview), stepJson(applied), "the applied plan is the planner's");
        assertEquals(pair.stepKinds(), applied.plan().steps().stream()
                .map(step -> step.toJson().get("kind").asString()).sorted().toList());
        assertTrue(applied.applied());
        assertEquals(desired, acceptedSource(uri));
        assertEquals(commits + 1, commitCount(uri));
        assertNoStagingFiles(uri);
        Map<String, Map<String, Object>> after = recordsById(uri);
        assertEquals(before.keySet(), after.keySet(), "no record lost or invented");
        after.forEach((id, record) -> record.forEach((property, value) -> {
            if (before.get(id).containsKey(property)) {
                assertEquals(before.get(id).get(property), value, id + "." + property);
            }
        }));
        OpenGraph latest = engine.open(uri, "main");
        for (VisibleTable table : latest.snapshot().tablesInOrder()) {
            assertEquals(table.version().version(), tables.latestVersion(Path.of(uri).resolve(table.location()).toString(),
                    "main"), table.tableKey() + " is published at its head");
        }
    }

    /** Every exported record of main by type and id (edges by type, endpoints and id), with its property values. */
    private static Map<String, Map<String, Object>> recordsById(String uri) {
        Map<String, Map<String, Object>> records = new TreeMap<>();
        engine.exportGraph(new ExportGraphCommand(uri, "main", Optional.empty(), List.of()), line -> {
            JsonObject record = Codecs.json().decode("export", line).asObject();
            JsonObject data = record.get("data").asObject();
            String key = record.members().containsKey("type")
                    ? record.get("type").asString() + ":" + data.get("id").asString()
                    : record.get("edge").asString() + ":" + record.get("from").asString() + "->" + record.get("to").asString();
            Map<String, Object> values = new TreeMap<>();
            data.members().forEach((property, value) -> values.put(property, JsonWriter.compact(value)));
            values.remove("id");
            records.put(key, values);
        });
        return records;
    }

    // ---- nothing to do, refusals, preview -------------------------------------------------------------

    @Test
    void applying_the_accepted_schema_publishes_nothing() throws IOException {
        String uri = seededGraph();
        ApplySchemaResult result = apply(uri, baseSchema());
        assertTrue(result.supported());
        assertFalse(result.applied());
        assertEquals(List.of(), result.plan().steps());
        assertEquals(Optional.empty(), result.commitId());
        assertEquals(2, result.graphManifestVersion());
        assertEquals("manifest:main:v2", snapshot(uri).snapshotId());
        assertEquals(2, commitCount(uri));
    }

    @Test
    void a_graph_with_other_branches_is_refused_until_they_are_gone() throws IOException {
        String uri = seededGraph();
        branches.createBranch(uri, "feature", "main", Optional.empty());
        branches.createBranch(uri, "alpha", "main", Optional.empty());
        String desired = edited("    email: String?\n", "    email: String?\n    nickname: String?\n");

        GraphEngineException refused = assertThrows(GraphEngineException.class, () -> apply(uri, desired));
        assertEquals(GraphErrorKind.CONFLICT, refused.kind());
        assertEquals("schema apply requires a graph with only main; found non-main branches: alpha, feature",
                refused.getMessage());
        GraphEngineException previewRefused = assertThrows(GraphEngineException.class, () -> schemas.previewSchemaApply(
                new ApplySchemaCommand(uri, "next.pg", desired, false, Optional.empty())));
        assertEquals(refused.getMessage(), previewRefused.getMessage());
        assertEquals("manifest:main:v2", snapshot(uri).snapshotId());
        assertEquals(baseSchema(), acceptedSource(uri));

        branches.deleteBranch(uri, "feature", Optional.empty());
        branches.deleteBranch(uri, "alpha", Optional.empty());
        assertTrue(apply(uri, desired).applied());
    }

    @Test
    void an_unsupported_change_is_refused_with_its_code_and_changes_nothing() throws IOException {
        String uri = seededGraph();
        GraphEngineException refused = assertThrows(GraphEngineException.class,
                () -> apply(uri, edited("    email: String?\n", "    email: String?\n    nickname: String\n")));
        assertEquals(GraphErrorKind.BAD_REQUEST, refused.kind());
        assertEquals("[OG-MF-103] adding required property 'Person.nickname' requires a backfill and is not supported "
                + "in schema migration v1", refused.getMessage());
        assertEquals("manifest:main:v2", snapshot(uri).snapshotId());
        assertEquals(baseSchema(), acceptedSource(uri));
        assertNoStagingFiles(uri);
    }

    @Test
    void a_preview_plans_like_an_apply_and_writes_nothing() throws IOException {
        String uri = seededGraph();
        Map<String, Long> before = versions(uri);
        long personHead = tables.latestVersion(Path.of(uri).resolve(table(at(uri, 2), "node:Person").location()).toString(), "main");
        String desired = edited("    email: String?\n", "    email: String?\n    nickname: String?\n");

        ApplySchemaResult preview = schemas.previewSchemaApply(
                new ApplySchemaCommand(uri, "next.pg", desired, false, Optional.of("tester")));

        assertTrue(preview.supported());
        assertFalse(preview.applied());
        assertEquals(1, preview.plan().steps().size());
        assertTrue(preview.plan().steps().get(0) instanceof MigrationStep.AddProperty);
        assertEquals(Optional.empty(), preview.commitId());
        assertEquals(2, preview.graphManifestVersion());
        assertEquals("manifest:main:v2", snapshot(uri).snapshotId());
        assertEquals(before, versions(uri));
        assertEquals(personHead, tables.latestVersion(
                Path.of(uri).resolve(table(at(uri, 2), "node:Person").location()).toString(), "main"));
        assertEquals(baseSchema(), acceptedSource(uri));
        assertNoStagingFiles(uri);
        GraphEngineException unsupported = assertThrows(GraphEngineException.class, () -> schemas.previewSchemaApply(
                new ApplySchemaCommand(uri, "next.pg", edited("    revenue: F64?\n", "    revenue: I64?\n"), false,
                        Optional.empty())));
        assertEquals(GraphErrorKind.BAD_REQUEST, unsupported.kind());
        assertTrue(unsupported.getMessage().startsWith("[OG-MF-106] "), unsupported.getMessage());
        assertEquals(2, commitCount(uri));
    }

    @Test
    void a_crash_after_staging_is_finished_by_the_next_write_as_one_recovered_commit() throws IOException {
        String uri = seededGraph();
        String desired = baseSchema() + "\nnode Project {\n    title: String @key\n}\n";
        try (ScopedFailpoint ignored = ScopedFailpoint.fail(FailpointNames.SCHEMA_APPLY_AFTER_STAGING_WRITE)) {
            InjectedFailpointException injected = assertThrows(InjectedFailpointException.class, () -> apply(uri, desired));
            assertEquals(FailpointNames.SCHEMA_APPLY_AFTER_STAGING_WRITE, injected.failpointName());
        }
        assertEquals("manifest:main:v2", snapshot(uri).snapshotId(), "nothing is visible before recovery");
        assertEquals(baseSchema(), acceptedSource(uri));
        assertEquals(1, engine.pendingRecoveries(uri).size());

        ApplySchemaResult retried = apply(uri, desired); // heals first: the confirmed apply is published and promoted
        assertFalse(retried.applied(), "the recovered apply already brought the graph to the desired schema");
        assertEquals(1L, versions(uri).get("node:Project"));
        assertEquals(desired, acceptedSource(uri));
        assertNoStagingFiles(uri);
        assertEquals(List.of(), engine.pendingRecoveries(uri));
        assertEquals(3, commitCount(uri));
        assertEquals(Optional.of("tester"), engine.listCommits(new CommitListQuery(uri, "main")).commits().get(0).actorId(),
                "a roll-forward publishes under the applying actor");
    }

    /**
     * The gap of a failed property addition: the in-process undo used to put the old rows back as a new table
     * version that no manifest published, and every later schema apply refused ("ahead of its published
     * version"). Recovery now undoes it: the rewritten table is restored and the restored head published.
     */
    @Test
    void a_failed_property_addition_is_undone_and_published_so_the_next_apply_succeeds() throws IOException {
        String uri = seededGraph();
        String desired = edited("    email: String?\n", "    email: String?\n    nickname: String?\n");
        String peopleBefore = rows(uri, "query q() { match { $p: Person } return { $p.name, $p.age, $p.email } order { $p.name } }");
        try (ScopedFailpoint ignored = ScopedFailpoint.callback(FailpointNames.SCHEMA_APPLY_BEFORE_STAGING_WRITE, () -> {
            throw new IllegalStateException("simulated storage failure");
        })) {
            IllegalStateException failed = assertThrows(IllegalStateException.class, () -> apply(uri, desired));
            assertEquals("simulated storage failure", failed.getMessage());
        }
        assertEquals(List.of(), engine.pendingRecoveries(uri), "resolved at once: the failure was seen, not a crash");
        assertEquals(baseSchema(), acceptedSource(uri));
        assertNoStagingFiles(uri);
        CommitResult rollBack = engine.listCommits(new CommitListQuery(uri, "main")).commits().get(0);
        assertEquals(Optional.of("omnigraph:recovery"), rollBack.actorId(), "the restored Person head is published");
        assertEquals(peopleBefore, rows(uri, "query q() { match { $p: Person } return { $p.name, $p.age, $p.email } order { $p.name } }"));

        ApplySchemaResult retried = apply(uri, desired);
        assertTrue(retried.applied());
        assertEquals(desired, acceptedSource(uri));
        assertEquals("[{\"p.nickname\":null}]", rows(uri, "query q() { match { $p: Person { name: \"Ada\" } } return { $p.nickname } }"));
    }
}
