package dev.omnigraph.bootstrap.endtoend;

import dev.omnigraph.bootstrap.TestTrees;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnigraph.adapters.storage.codec.Codecs;
import dev.omnigraph.adapters.storage.objectstore.ObjectStores;
import dev.omnigraph.adapters.storage.system.SystemServices;
import dev.omnigraph.adapters.storage.table.LanceProperties;
import dev.omnigraph.adapters.storage.table.TableStorages;
import dev.omnigraph.application.engine.GraphEngineService;
import dev.omnigraph.application.engine.SchemaApplyService;
import dev.omnigraph.ports.in.ApplySchemaCommand;
import dev.omnigraph.ports.out.table.TableStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cluster lifecycle through the packaged CLI, each command a separate {@code bin/omnigraph cluster … --json}
 * process whose JSON output is parsed, on temporary copies of a converged cluster: the project's example
 * cluster always, the industry-intel corpus where its folder exists (skipped with a message otherwise).
 * Each cluster is converged once (import, apply, seed load) and copied byte for byte for every scenario:
 *
 * <ul>
 *   <li>one apply converges it and a second apply changes no byte under the storage root;</li>
 *   <li>a lost ledger is rebuilt by import, and apply converges onto the catalog blobs already stored;</li>
 *   <li>an out-of-band schema change (the CLI refuses one, so it is made through the engine directly) is
 *       marked drifted by refresh, shown by plan as its real migration back (a soft drop), migrated back by
 *       apply, and never corrected by refresh or status;</li>
 *   <li>a destroyed graph root is recorded as {@code graph_missing} and recreated empty by apply;</li>
 *   <li>a schema change against a graph with a branch other than main is refused without a sidecar;</li>
 *   <li>two graphs (one live, one new), a graph policy and a cluster policy give one apply with every
 *       disposition — applied, derived, deferred, blocked — in the order plan announced.</li>
 * </ul>
 *
 * The crash windows of apply need failpoints armed inside the process and are covered in-process
 * ({@code ClusterCrashWindowsOnLanceTest}).
 */
class ClusterLifecycleIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path scratch;

    /** Converged clusters by case name, each built on first use and only ever copied afterwards. */
    private static final Map<String, Path> BASELINES = new ConcurrentHashMap<>();

    /** The first apply of each baseline (the "converges in one apply" evidence). */
    private static final Map<String, JsonNode> FIRST_APPLIES = new ConcurrentHashMap<>();

    private static TableStorage tables;

    @AfterAll
    static void closeTables() throws Exception {
        if (tables != null) {
            tables.close();
        }
    }

    /** A cluster config folder to run the scenarios on: its only graph, that graph's schema file and seed. */
    record ClusterCase(String name, Path source, String graphId, String schemaFile, String seed) {

        static ClusterCase example() {
            return new ClusterCase("example", Distribution.projectRoot().resolve("examples/cluster"), "people",
                    "people.pg", "seed.jsonl");
        }

        static ClusterCase industryIntel() {
            Path fixtures = Path.of(System.getProperty("omnigraph.fixtures", "../../shared/fixtures"));
            return new ClusterCase("industry-intel", fixtures.resolve("industry-intel"), "spike", "schema.pg",
                    "seed.jsonl");
        }

        void requireAvailable() {
            assumeTrue(Files.isRegularFile(source.resolve("cluster.yaml")),
                    name + " cluster not found at " + source + " (set -Domnigraph.fixtures); skipping");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<ClusterCase> clusters() {
        return Stream.of(ClusterCase.example(), ClusterCase.industryIntel());
    }

    // ---- scenarios -----------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("clusters")
    void one_apply_converges_and_a_second_apply_changes_no_byte(ClusterCase cluster) {
        Path dir = copyOfConverged(cluster, "reapply");
        JsonNode first = FIRST_APPLIES.get(cluster.name());
        assertTrue(first.path("converged").asBoolean(), first::toPrettyString);
        assertTrue(first.path("state_written").asBoolean());
        assertEquals(2, first.path("state_observations").path("state_revision").asInt(), "import wrote 1, apply 2");
        assertTrue(first.path("changes").size() > 3, first::toPrettyString);
        for (JsonNode change : first.path("changes")) {
            assertEquals("create", change.path("operation").asText(), change::toString);
            assertEquals("applied", change.path("disposition").asText(), change::toString);
        }
        assertEquals(first.path("changes").size(), first.path("applied_count").asInt());
        assertEquals(0, first.path("deferred_count").asInt());
        assertEquals(List.of(), codes(first, "error"));
        first.path("resource_statuses").forEach(status -> assertEquals("applied", status.path("status").asText()));

        StorageFingerprint before = StorageFingerprint.of(dir);
        assertTrue(before.files().containsKey("__cluster/state.json"));
        JsonNode again = clusterJson(dir, "apply");
        assertTrue(again.path("ok").asBoolean(), again::toPrettyString);
        assertEquals(0, again.path("changes").size(), again::toPrettyString);
        assertEquals(0, again.path("applied_count").asInt());
        assertTrue(again.path("converged").asBoolean());
        assertFalse(again.path("state_written").asBoolean());
        assertEquals(2, again.path("state_observations").path("state_revision").asInt());
        assertEquals(before, StorageFingerprint.of(dir), "a converged re-apply changes no byte under the storage root");
        assertFalse(Files.exists(dir.resolve("__cluster/lock.json")), "the lock is released");

        JsonNode plan = clusterJson(dir, "plan");
        assertEquals(0, plan.path("changes").size(), plan::toPrettyString);
        JsonNode status = clusterJson(dir, "status");
        assertEquals(List.of(), codes(status, "warning"), status::toPrettyString);
        assertEquals(first.path("desired_revision").path("config_digest").asText(),
                status.path("state_observations").path("applied_config_digest").asText());
        assertEquals(before, StorageFingerprint.of(dir), "plan and status write nothing either");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clusters")
    void a_lost_ledger_is_rebuilt_by_import_and_apply_converges_onto_the_same_blobs(ClusterCase cluster)
            throws IOException {
        Path dir = copyOfConverged(cluster, "lost-ledger");
        JsonNode resourcesBefore = ledger(dir).path("applied_revision").path("resources");
        StorageFingerprint catalogBefore = StorageFingerprint.withModificationTimes(dir.resolve("__cluster/resources"));
        assertFalse(catalogBefore.files().isEmpty());

        Files.delete(dir.resolve("__cluster/state.json"));
        JsonNode status = clusterJson(dir, "status");
        assertTrue(status.path("ok").asBoolean(), "a missing ledger is a warning for status");
        assertEquals(List.of("state_missing"), codes(status, "warning"));

        JsonNode imported = clusterJson(dir, "import");
        assertTrue(imported.path("ok").asBoolean(), imported::toPrettyString);
        assertEquals(1, imported.path("state_observations").path("state_revision").asInt());
        assertEquals(Set.of("graph." + cluster.graphId(), "schema." + cluster.graphId()),
                fieldNames(imported.path("resource_digests")), "import never invents query or policy digests");

        JsonNode plan = clusterJson(dir, "plan");
        List<String> catalogChanges = new ArrayList<>();
        for (JsonNode change : plan.path("changes")) {
            String resource = change.path("resource").asText();
            if (resource.startsWith("query.") || resource.startsWith("policy.")) {
                catalogChanges.add(resource);
                assertEquals("create", change.path("operation").asText(), change::toString);
                assertEquals("applied", change.path("disposition").asText(), change::toString);
            } else {
                assertEquals("graph." + cluster.graphId(), resource, "the live schema was observed: " + change);
                assertEquals("derived", change.path("disposition").asText(), change::toString);
            }
        }
        assertEquals(addressesOf(resourcesBefore, "query.", "policy."), catalogChanges);

        JsonNode applied = clusterJson(dir, "apply");
        assertTrue(applied.path("ok").asBoolean(), applied::toPrettyString);
        assertTrue(applied.path("converged").asBoolean(), applied::toPrettyString);
        assertTrue(applied.path("state_observations").path("applied_config_digest").isTextual());
        assertEquals(catalogBefore, StorageFingerprint.withModificationTimes(dir.resolve("__cluster/resources")),
                "every catalog blob was reused as it was, none rewritten");
        assertEquals(resourcesBefore, ledger(dir).path("applied_revision").path("resources"),
                "the rebuilt ledger records exactly what the lost one did");
        assertEquals(0, clusterJson(dir, "plan").path("changes").size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clusters")
    void an_out_of_band_schema_change_is_drifted_by_refresh_planned_back_and_migrated_by_apply(ClusterCase cluster)
            throws IOException {
        Path dir = copyOfConverged(cluster, "out-of-band");
        Path liveSchema = graphRoot(dir, cluster).resolve("_schema.pg");
        String desired = Files.readString(dir.resolve(cluster.schemaFile()));
        Path outOfBand = scratch.resolve(cluster.name() + "-out-of-band.pg");
        Files.writeString(outOfBand, withOptionalProperty(desired, "oob_note"));

        // the CLI refuses to bypass the ledger; nothing changes
        Distribution.Outcome refused = omnigraph(dir, "schema", "apply", graphRoot(dir, cluster).toString(), "--schema",
                outOfBand.toString());
        assertEquals(1, refused.exitCode(), refused::toString);
        assertTrue(refused.stderr().contains("is inside cluster") && refused.stderr().contains("`cluster apply`"),
                refused.stderr());
        assertEquals(desired, Files.readString(liveSchema));

        // a true bypass: the engine itself, as an operator's own tooling would
        engineApplySchema(graphRoot(dir, cluster), outOfBand);
        assertTrue(Files.readString(liveSchema).contains("oob_note"));

        JsonNode refreshed = clusterJson(dir, "refresh");
        assertTrue(refreshed.path("ok").asBoolean(), refreshed::toPrettyString);
        assertEquals(3, refreshed.path("state_observations").path("state_revision").asInt());
        for (String address : List.of("schema." + cluster.graphId(), "graph." + cluster.graphId())) {
            JsonNode status = refreshed.path("resource_statuses").path(address);
            assertEquals("drifted", status.path("status").asText(), refreshed::toPrettyString);
            assertEquals("schema_mismatch", status.path("conditions").get(0).asText());
        }
        assertFalse(refreshed.path("observations").path("graph." + cluster.graphId()).path("schema_matches_desired")
                .asBoolean(true));
        JsonNode status = clusterJson(dir, "status");
        assertEquals("drifted", status.path("resource_statuses").path("schema." + cluster.graphId()).path("status")
                .asText());
        assertTrue(Files.readString(liveSchema).contains("oob_note"), "refresh and status observe, never correct");

        JsonNode plan = clusterJson(dir, "plan");
        JsonNode schemaChange = change(plan, "schema." + cluster.graphId());
        assertEquals("update", schemaChange.path("operation").asText());
        assertEquals("applied", schemaChange.path("disposition").asText());
        assertTrue(schemaChange.path("migration").path("supported").asBoolean(), schemaChange::toPrettyString);
        JsonNode steps = schemaChange.path("migration").path("steps");
        assertEquals(1, steps.size(), schemaChange::toPrettyString);
        assertEquals("drop_property", steps.get(0).path("kind").asText());
        assertEquals("oob_note", steps.get(0).path("property_name").asText());
        assertEquals("soft", steps.get(0).path("mode").asText());
        assertEquals("derived", change(plan, "graph." + cluster.graphId()).path("disposition").asText());
        assertEquals(2, plan.path("changes").size(), plan::toPrettyString);

        JsonNode applied = clusterJson(dir, "apply");
        assertTrue(applied.path("ok").asBoolean(), applied::toPrettyString);
        assertTrue(applied.path("converged").asBoolean(), applied::toPrettyString);
        assertEquals(1, applied.path("applied_count").asInt());
        assertEquals(desired, Files.readString(liveSchema), "the out-of-band field is soft-dropped back to desired");
        assertEquals(List.of(), fileNames(dir.resolve("__cluster/recoveries")));
        assertEquals("applied", applied.path("resource_statuses").path("schema." + cluster.graphId()).path("status")
                .asText());
        assertEquals(0, clusterJson(dir, "plan").path("changes").size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clusters")
    void a_destroyed_graph_root_is_recorded_missing_and_recreated_empty_by_apply(ClusterCase cluster)
            throws IOException {
        Path dir = copyOfConverged(cluster, "destroyed-root");
        Path root = graphRoot(dir, cluster);
        assertTrue(entityCount(dir, root) > 0, "the seed data is loaded");
        JsonNode resourcesBefore = ledger(dir).path("applied_revision").path("resources");
        List<String> catalogAddresses = addressesOf(resourcesBefore, "query.", "policy.");
        StorageFingerprint catalogBefore = StorageFingerprint.withModificationTimes(dir.resolve("__cluster/resources"));

        deleteTree(root);
        JsonNode refreshed = clusterJson(dir, "refresh");
        assertTrue(refreshed.path("ok").asBoolean(), "a missing root is drift, not an error");
        for (String address : List.of("graph." + cluster.graphId(), "schema." + cluster.graphId())) {
            JsonNode status = refreshed.path("resource_statuses").path(address);
            assertEquals("drifted", status.path("status").asText(), refreshed::toPrettyString);
            assertEquals("graph_missing", status.path("conditions").get(0).asText());
            assertFalse(refreshed.path("resource_digests").has(address), "its digest is forgotten");
        }
        catalogAddresses.forEach(address -> assertEquals(resourcesBefore.path(address).path("digest").asText(),
                refreshed.path("resource_digests").path(address).asText(), address + " is kept"));
        assertFalse(refreshed.path("observations").path("graph." + cluster.graphId()).path("exists").asBoolean(true));

        // re-creating it by hand would bypass the ledger: refused, nothing created
        Distribution.Outcome init = omnigraph(dir, "init", "--schema", dir.resolve(cluster.schemaFile()).toString(),
                root.toString());
        assertEquals(1, init.exitCode(), init::toString);
        assertTrue(init.stderr().contains("`cluster apply`"), init.stderr());
        assertFalse(Files.exists(root));

        JsonNode plan = clusterJson(dir, "plan");
        assertEquals(List.of("graph." + cluster.graphId(), "schema." + cluster.graphId()), resources(plan),
                "the catalog is still applied; only the graph and its schema are re-created");
        for (JsonNode change : plan.path("changes")) {
            assertEquals("create", change.path("operation").asText());
            assertEquals("applied", change.path("disposition").asText());
        }

        JsonNode applied = clusterJson(dir, "apply");
        assertTrue(applied.path("ok").asBoolean(), applied::toPrettyString);
        assertTrue(applied.path("converged").asBoolean(), applied::toPrettyString);
        assertEquals(0, entityCount(dir, root), "the destroyed data is not invented back: the graph is empty");
        assertEquals(resourcesBefore, ledger(dir).path("applied_revision").path("resources"));
        assertEquals(catalogBefore, StorageFingerprint.withModificationTimes(dir.resolve("__cluster/resources")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clusters")
    void a_schema_change_against_a_graph_with_a_branch_is_refused_without_a_sidecar(ClusterCase cluster)
            throws IOException {
        Path dir = copyOfConverged(cluster, "branched");
        Path root = graphRoot(dir, cluster);
        omnigraph(dir, "branch", "create", "--uri", root.toString(), "feature").requireSuccess();
        String live = Files.readString(root.resolve("_schema.pg"));
        Path schemaFile = dir.resolve(cluster.schemaFile());
        Files.writeString(schemaFile, withOptionalProperty(Files.readString(schemaFile), "added_later"));
        JsonNode resourcesBefore = ledger(dir).path("applied_revision").path("resources");

        JsonNode applied = clusterJson(dir, "apply");
        assertFalse(applied.path("ok").asBoolean());
        assertEquals(List.of("schema_apply_failed"), codes(applied, "error"));
        JsonNode failure = diagnostic(applied, "schema_apply_failed");
        assertTrue(failure.path("message").asText().contains("only main"), failure::toString);
        assertFalse(applied.path("converged").asBoolean());
        JsonNode schemaChange = change(applied, "schema." + cluster.graphId());
        assertEquals("blocked", schemaChange.path("disposition").asText());
        assertEquals("schema_apply_failed", schemaChange.path("reason").asText());
        assertEquals(List.of(), fileNames(dir.resolve("__cluster/recoveries")),
                "refused before a sidecar was armed, so no later apply or server boot trips over one");
        assertEquals(live, Files.readString(root.resolve("_schema.pg")));
        assertEquals(resourcesBefore, ledger(dir).path("applied_revision").path("resources"));
        assertEquals("blocked", ledger(dir).path("resource_statuses").path("schema." + cluster.graphId())
                .path("status").asText());
    }

    @Test
    void two_graphs_and_two_policies_give_every_disposition_in_one_deterministic_apply() throws IOException {
        Path dir = scratch.resolve("mixed");
        TestTrees.copy(ClusterCase.example().source(), dir);
        Files.writeString(dir.resolve("cluster.yaml"), """
                version: 1
                metadata: { name: mixed }
                graphs:
                  people: { schema: people.pg, queries: queries/ }
                  archive: { schema: people.pg }
                policies:
                  people: { file: policies/people.policy.yaml, applies_to: [people] }
                """);
        assertTrue(clusterJson(dir, "import").path("ok").asBoolean());
        assertTrue(clusterJson(dir, "apply").path("converged").asBoolean());

        // people stays (its stored reads are edited), archive goes, projects is new; the graph policy now
        // binds both graphs, a cluster policy appears; and the ledger holds a resource kind of a newer build
        Files.writeString(dir.resolve("cluster.yaml"), """
                version: 1
                metadata: { name: mixed }
                graphs:
                  people: { schema: people.pg, queries: queries/ }
                  projects: { schema: people.pg, queries: { person: { file: queries/reads.gq } } }
                policies:
                  people: { file: policies/people.policy.yaml, applies_to: [people, projects] }
                  server: { file: policies/server.policy.yaml, applies_to: [cluster] }
                """);
        Files.writeString(dir.resolve("queries/reads.gq"), "// edited\n" + Files.readString(dir.resolve("queries/reads.gq")));
        ObjectNode ledger = (ObjectNode) ledger(dir);
        ((ObjectNode) ledger.path("applied_revision").path("resources")).putObject("pipeline.nightly")
                .put("digest", "ab".repeat(32));
        Files.writeString(dir.resolve("__cluster/state.json"), ledger.toPrettyString() + "\n");

        JsonNode plan = clusterJson(dir, "plan");
        JsonNode applied = clusterJson(dir, "apply");
        assertTrue(applied.path("ok").asBoolean(), "deferred and blocked changes are warnings");
        assertFalse(applied.path("converged").asBoolean());
        assertEquals(dispositions(plan), dispositions(applied), "apply did exactly what plan announced");
        List<String> order = resources(applied);
        assertEquals(order.stream().sorted().toList(), order, "changes are sorted by address");

        assertDisposition(applied, "graph.archive", "delete", "blocked", "approval_required");
        assertDisposition(applied, "schema.archive", "delete", "blocked", "approval_required");
        assertDisposition(applied, "graph.people", "update", "derived", null);
        assertDisposition(applied, "query.people.person", "update", "applied", null);
        assertDisposition(applied, "graph.projects", "create", "applied", null);
        assertDisposition(applied, "schema.projects", "create", "applied", null);
        assertDisposition(applied, "query.projects.person", "create", "applied", null);
        assertDisposition(applied, "policy.people", "update", "applied", null);
        assertTrue(change(applied, "policy.people").path("binding_change").asBoolean());
        assertDisposition(applied, "policy.server", "create", "applied", null);
        assertDisposition(applied, "pipeline.nightly", "delete", "deferred", "apply_unsupported_kind");
        assertEquals(Set.of("applied", "derived", "deferred", "blocked"), new TreeSet<>(dispositions(applied).stream()
                .map(line -> line.split(" ")[2]).toList()));
        long appliedCount = dispositions(applied).stream().filter(line -> line.split(" ")[2].equals("applied")).count();
        assertEquals(appliedCount, applied.path("applied_count").asInt());
        assertEquals(3, applied.path("deferred_count").asInt(), "deferred and blocked count together");
        assertEquals(List.of("apply_dependency_blocked graph.archive", "apply_dependency_blocked schema.archive",
                "apply_unsupported_change pipeline.nightly"), warnings(applied));
        assertEquals(1, plan.path("approvals_required").size());
        assertEquals("graph.archive", plan.path("approvals_required").get(0).path("resource").asText());
        assertFalse(plan.path("approvals_required").get(0).path("satisfied").asBoolean());
        assertTrue(Files.isDirectory(dir.resolve("graphs/projects.omni")));
        assertTrue(Files.isDirectory(dir.resolve("graphs/archive.omni")), "nothing is deleted without approval");

        JsonNode approved = clusterJson(dir, "approve", "graph.archive", "--as", "act-admin");
        assertTrue(approved.path("ok").asBoolean(), approved::toPrettyString);
        assertEquals("act-admin", approved.path("approved_by").asText());
        JsonNode deleted = clusterJson(dir, "apply", "--as", "act-admin");
        assertTrue(deleted.path("ok").asBoolean(), deleted::toPrettyString);
        assertEquals(List.of(), graphData(dir.resolve("graphs/archive.omni")), "the graph root is removed");
        assertEquals(List.of("graph.archive delete applied", "pipeline.nightly delete deferred apply_unsupported_kind",
                "schema.archive delete applied"), dispositions(deleted));
        assertFalse(deleted.path("converged").asBoolean(), "the newer build's resource is never deleted by this one");
        JsonNode tombstone = ledger(dir).path("observations").path("graph.archive");
        assertEquals("tombstone", tombstone.path("kind").asText());
        assertEquals("act-admin", tombstone.path("actor").asText());
    }

    // ---- the cluster as the scenarios start from it --------------------------------------------

    /** A byte-for-byte copy of the converged {@code cluster}, converging it first if this is its first use. */
    private static Path copyOfConverged(ClusterCase cluster, String variant) {
        cluster.requireAvailable();
        Path baseline = BASELINES.computeIfAbsent(cluster.name(), name -> converge(cluster));
        Path copy = scratch.resolve(cluster.name() + "-" + variant);
        TestTrees.copy(baseline, copy);
        return copy;
    }

    /** import, apply and the seed data, the way an operator brings a cluster up. */
    private static Path converge(ClusterCase cluster) {
        Path dir = scratch.resolve(cluster.name() + "-baseline");
        TestTrees.copy(cluster.source(), dir);
        JsonNode imported = clusterJson(dir, "import");
        assertTrue(imported.path("ok").asBoolean(), imported::toPrettyString);
        JsonNode applied = clusterJson(dir, "apply", "--as", "act-operator");
        assertTrue(applied.path("ok").asBoolean(), applied::toPrettyString);
        FIRST_APPLIES.put(cluster.name(), applied);
        omnigraph(dir, "load", "--data", dir.resolve(cluster.seed()).toString(), "--mode", "overwrite",
                graphRoot(dir, cluster).toString()).requireSuccess();
        return dir;
    }

    private static Path graphRoot(Path dir, ClusterCase cluster) {
        return dir.resolve("graphs").resolve(cluster.graphId() + ".omni");
    }

    // ---- running the CLI -----------------------------------------------------------------------

    /**
     * {@code omnigraph cluster <verb> [args…] --config dir --json}, its output parsed; the exit code must be 1
     * exactly when the output says {@code ok: false}. The operator config is an empty folder, so no
     * {@code operator.actor} of the machine running the tests leaks in.
     */
    private static JsonNode clusterJson(Path dir, String verb, String... args) {
        List<String> command = new ArrayList<>(List.of("cluster", verb));
        command.addAll(List.of(args));
        command.addAll(List.of("--config", dir.toString(), "--json"));
        Distribution.Outcome outcome = omnigraph(dir, command.toArray(String[]::new));
        JsonNode output;
        try {
            output = JSON.readTree(outcome.stdout());
        } catch (IOException notJson) {
            throw new AssertionError("cluster " + verb + " printed no JSON: " + outcome, notJson);
        }
        assertEquals(output.path("ok").asBoolean() ? 0 : 1, outcome.exitCode(), outcome::toString);
        return output;
    }

    private static Distribution.Outcome omnigraph(Path dir, String... args) {
        return Distribution.omnigraph(dir, Map.of("OMNIGRAPH_HOME", operatorHome().toString()), args);
    }

    private static Path operatorHome() {
        Path home = scratch.resolve("operator-home");
        try {
            return Files.createDirectories(home);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The number of nodes and edges on main, from {@code omnigraph snapshot --json}. */
    private static long entityCount(Path dir, Path graphRoot) throws IOException {
        JsonNode snapshot = JSON.readTree(omnigraph(dir, "snapshot", graphRoot.toString(), "--json").requireSuccess()
                .stdout());
        long count = 0;
        for (JsonNode dataset : snapshot.path("datasets")) {
            count += dataset.path("entity_count").asLong();
        }
        return count;
    }

    /** Migrates a graph through the engine directly, as tooling outside the control plane would. */
    private static synchronized void engineApplySchema(Path graphRoot, Path schema) throws IOException {
        if (tables == null) {
            tables = TableStorages.lance(LanceProperties.defaults());
        }
        GraphEngineService engine = new GraphEngineService(ObjectStores.locator(), tables, Codecs.json(),
                SystemServices.clock(), SystemServices.ids());
        new SchemaApplyService(engine).applySchema(new ApplySchemaCommand(graphRoot.toString(), schema.toString(),
                Files.readString(schema), false, Optional.of("act-out-of-band")));
    }

    // ---- reading outputs and files -------------------------------------------------------------

    private static JsonNode ledger(Path dir) {
        try {
            return JSON.readTree(dir.resolve("__cluster/state.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode change(JsonNode output, String resource) {
        for (JsonNode change : output.path("changes")) {
            if (change.path("resource").asText().equals(resource)) {
                return change;
            }
        }
        throw new AssertionError("no change of " + resource + " in " + output.toPrettyString());
    }

    private static void assertDisposition(JsonNode output, String resource, String operation, String disposition,
                                          String reason) {
        JsonNode change = change(output, resource);
        assertEquals(operation, change.path("operation").asText(), change::toString);
        assertEquals(disposition, change.path("disposition").asText(), change::toString);
        assertEquals(reason, change.has("reason") ? change.path("reason").asText() : null, change::toString);
    }

    private static List<String> resources(JsonNode output) {
        List<String> resources = new ArrayList<>();
        output.path("changes").forEach(change -> resources.add(change.path("resource").asText()));
        return resources;
    }

    /** Each change as {@code "<resource> <operation> <disposition>[ <reason>]"}, in output order. */
    private static List<String> dispositions(JsonNode output) {
        List<String> lines = new ArrayList<>();
        for (JsonNode change : output.path("changes")) {
            String line = change.path("resource").asText() + " " + change.path("operation").asText() + " "
                    + change.path("disposition").asText();
            lines.add(change.has("reason") ? line + " " + change.path("reason").asText() : line);
        }
        return lines;
    }

    private static List<String> codes(JsonNode output, String severity) {
        List<String> codes = new ArrayList<>();
        for (JsonNode diagnostic : output.path("diagnostics")) {
            if (diagnostic.path("severity").asText().equals(severity)) {
                codes.add(diagnostic.path("code").asText());
            }
        }
        return codes;
    }

    /** Each warning as {@code "<code> <path>"}, sorted. */
    private static List<String> warnings(JsonNode output) {
        List<String> warnings = new ArrayList<>();
        for (JsonNode diagnostic : output.path("diagnostics")) {
            if (diagnostic.path("severity").asText().equals("warning")) {
                warnings.add(diagnostic.path("code").asText() + " " + diagnostic.path("path").asText());
            }
        }
        return warnings.stream().sorted().toList();
    }

    private static JsonNode diagnostic(JsonNode output, String code) {
        for (JsonNode diagnostic : output.path("diagnostics")) {
            if (diagnostic.path("code").asText().equals(code)) {
                return diagnostic;
            }
        }
        throw new AssertionError("no " + code + " in " + output.toPrettyString());
    }

    private static Set<String> fieldNames(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The ledger addresses starting with any of {@code prefixes}, sorted. */
    private static List<String> addressesOf(JsonNode resources, String... prefixes) {
        return fieldNames(resources).stream().filter(address -> Stream.of(prefixes).anyMatch(address::startsWith))
                .sorted().toList();
    }

    /** {@code schema} with an optional String property added to its first node type. */
    private static String withOptionalProperty(String schema, String property) {
        Matcher firstNode = Pattern.compile("(?m)^node \\w+[^\\n]*\\{[ \\t]*$").matcher(schema);
        assertTrue(firstNode.find(), "the schema declares a node type");
        return schema.substring(0, firstNode.end()) + "\n    " + property + ": String?" + schema.substring(firstNode.end());
    }

    /**
     * The files left under a graph root, leaving out the local store's own bookkeeping (its
     * {@code .omnigraph-locks} folder, which no object listing shows).
     */
    private static List<String> graphData(Path graphRoot) {
        return StorageFingerprint.of(graphRoot).files().keySet().stream()
                .filter(path -> !path.startsWith(".omnigraph-")).toList();
    }

    private static List<String> fileNames(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
        assertFalse(Files.exists(root));
    }
}
