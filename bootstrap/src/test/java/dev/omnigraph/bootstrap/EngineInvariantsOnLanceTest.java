package dev.omnigraph.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnigraph.adapters.storage.codec.Codecs;
import dev.omnigraph.application.failpoint.FailpointNames;
import dev.omnigraph.application.failpoint.InjectedFailpointException;
import dev.omnigraph.application.failpoint.ScopedFailpoint;
import dev.omnigraph.domain.graph.GraphEngineException;
import dev.omnigraph.domain.graph.GraphErrorKind;
import dev.omnigraph.domain.graph.SnapshotId;
import dev.omnigraph.domain.graph.TableIdentity;
import dev.omnigraph.domain.graph.load.DataCodes;
import dev.omnigraph.domain.graph.load.GraphDataException;
import dev.omnigraph.domain.graph.load.LoadMode;
import dev.omnigraph.domain.graph.recovery.RecoverySidecar;
import dev.omnigraph.domain.graph.recovery.SidecarTablePin;
import dev.omnigraph.domain.graph.recovery.SweepMode;
import dev.omnigraph.domain.lang.SourceFile;
import dev.omnigraph.domain.query.QueryCompiler;
import dev.omnigraph.domain.query.plan.FilterOp;
import dev.omnigraph.domain.query.plan.MatchOp;
import dev.omnigraph.domain.query.plan.QueryPlan;
import dev.omnigraph.domain.query.plan.ReadPlan;
import dev.omnigraph.domain.query.typecheck.Direction;
import dev.omnigraph.domain.query.typecheck.QueryCatalog;
import dev.omnigraph.domain.schema.ir.PropertyIr;
import dev.omnigraph.ports.in.ApplySchemaCommand;
import dev.omnigraph.ports.in.CommitListQuery;
import dev.omnigraph.ports.in.CommitResult;
import dev.omnigraph.ports.in.InitGraphCommand;
import dev.omnigraph.ports.in.LoadGraphCommand;
import dev.omnigraph.ports.in.LoadGraphUseCase.ProgressListener;
import dev.omnigraph.ports.in.MutateGraphCommand;
import dev.omnigraph.ports.in.MutateGraphResult;
import dev.omnigraph.ports.in.OptimizeGraphCommand;
import dev.omnigraph.ports.in.SnapshotQuery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The numbered hard invariants of engine notes §8.5, one named test each, on real Lance with the example people
 * graph. Each test shows the invariant at the engine's boundary with the smallest scenario that would break if
 * the invariant did; the deeper evidence (every crash window, every race, every step kind) lives in the tests
 * docs/recovery.md lists next to each invariant. Invariants 1, 11 and 12 are about code structure and tokens and
 * are proved in {@code architecture-tests} ({@code EngineInvariantsArchitectureTest}).
 */
class EngineInvariantsOnLanceTest {

    @TempDir
    Path temp;

    private LanceGraphProcess graph;

    private static final String PEOPLE = "query q() { match { $p: Person } return { $p.name, $p.age } order { $p.name } }";
    private static final String ADA_AGE = "query q() { match { $p: Person { name: \"Ada\" } } return { $p.age } }";

    @BeforeEach
    void seededGraph() {
        graph = LanceGraphProcess.seededPeople(temp.resolve("g"));
    }

    @AfterEach
    void stop() {
        graph.close();
    }

    private String baseSchema() throws IOException {
        return Files.readString(GraphEngineOnLanceTest.examples().resolve("schema.pg"));
    }

    private String rows(String gq) {
        return graph.query("main", gq, "{}");
    }

    private void applySchema(String schema) {
        graph.schemas().applySchema(new ApplySchemaCommand(graph.uri(), "next.pg", schema, false, Optional.of("tester")));
    }

    private void load(LoadMode mode, String jsonl) {
        graph.engine().loadGraph(new LoadGraphCommand(graph.uri(), "main", mode, "x.jsonl", jsonl, Optional.empty()),
                ProgressListener.NONE);
    }

    /**
     * Runs {@code change} and asserts it became visible through exactly one publish: one new commit on main,
     * published by the first manifest version after the change started, and no table version moving after it
     * (optimize also compacts the manifest itself, a content-preserving rewrite that is no publication).
     */
    private void assertOnePublish(String what, Runnable change) {
        long version = graph.manifestVersion("main");
        int commits = graph.commitCount("main");
        change.run();
        assertEquals(commits + 1, graph.commitCount("main"), what + ": one commit");
        CommitResult published = graph.engine().listCommits(new CommitListQuery(graph.uri(), "main")).commits().get(0);
        assertEquals(version + 1, published.manifestVersion(), what + ": one manifest publish");
        assertEquals(tableVersionsAt(published.manifestVersion()), tableVersionsAt(graph.manifestVersion("main")),
                what + ": nothing after the publish moved a table");
    }

    private Map<String, Long> tableVersionsAt(long manifestVersion) {
        Map<String, Long> versions = new TreeMap<>();
        graph.engine().openSnapshot(graph.uri(), SnapshotId.of("main", manifestVersion)).snapshot().tablesInOrder()
                .forEach(table -> versions.put(table.tableKey(), table.version().version()));
        return versions;
    }

    /** Asserts that {@code refused} failed as {@code type} and left main's manifest and the sidecars untouched. */
    private <T extends RuntimeException> T assertRefusedBeforePublication(Class<T> type, Runnable refused) {
        long version = graph.manifestVersion("main");
        T failure = assertThrows(type, refused::run);
        assertEquals(version, graph.manifestVersion("main"), "nothing published: " + failure.getMessage());
        assertEquals(List.of(), graph.sidecarFiles(), "nothing left pending: " + failure.getMessage());
        return failure;
    }

    private GraphEngineException assertRefusedBeforePublication(GraphErrorKind kind, Runnable refused) {
        GraphEngineException failure = assertRefusedBeforePublication(GraphEngineException.class, refused);
        assertEquals(kind, failure.kind(), failure.getMessage());
        return failure;
    }

    // ---- 2 ---------------------------------------------------------------------------------------------------------

    /**
     * Invariant 2: content, schema and maintenance transitions each become visible through one atomic manifest
     * publish; branch create and delete (the documented exception) publish no commit; and the snapshot before a
     * publish still reads exactly what it read.
     */
    @Test
    void invariant_02_one_graph_content_publication_door() throws IOException {
        String before = graph.manifestVersion("main") + "";
        String peopleBefore = rows(PEOPLE);
        assertOnePublish("mutation", () -> graph.mutate("main",
                "query q() { insert Person { name: \"Zed\", role: \"guest\" } insert Knows { from: \"Zed\", to: \"Ada\" } }",
                "{}"));
        assertOnePublish("load", () -> load(LoadMode.MERGE, "{\"type\":\"Company\",\"data\":{\"name\":\"Acme\"}}"));
        String schema = baseSchema().replace("@description(\"a human\")", "@description(\"a person\")");
        assertOnePublish("schema apply", () -> applySchema(schema));
        assertOnePublish("optimize", () -> graph.maintenance().optimizeGraph(new OptimizeGraphCommand(graph.uri())));

        long version = graph.manifestVersion("main");
        int commits = graph.commitCount("main");
        graph.branches().createBranch(graph.uri(), "feature", "main", Optional.empty());
        graph.branches().deleteBranch(graph.uri(), "feature", Optional.empty());
        assertEquals(version, graph.manifestVersion("main"), "branch create/delete touch no main publish");
        assertEquals(commits, graph.commitCount("main"), "branch create/delete mint no commit");
        assertEquals(peopleBefore, graph.queryAt("manifest:main:v" + before, PEOPLE));
    }

    // ---- 3 ---------------------------------------------------------------------------------------------------------

    /**
     * Invariant 3: a read uses one snapshot; a writer captures one authority and revalidates it before its first
     * effect: a conditional write whose head moved meanwhile fails with nothing written, and a replayable insert
     * starts over on the new head instead of publishing what it prepared on the old one.
     */
    @Test
    void invariant_03_each_operation_uses_one_coherent_accepted_view() {
        String snapshot = graph.engine().snapshot(new SnapshotQuery(graph.uri(), "main")).snapshotId();
        String head = graph.engine().snapshot(new SnapshotQuery(graph.uri(), "main")).headCommitId()
                .orElseThrow();
        try (LanceGraphProcess other = LanceGraphProcess.over(graph.root())) {
            AtomicInteger otherWrites = new AtomicInteger();
            AtomicBoolean inOther = new AtomicBoolean();
            Runnable otherProcessWritesFirst = () -> {
                if (inOther.compareAndSet(false, true)) {
                    try {
                        other.mutate("main", "query q($n: String) { insert Company { name: $n } }",
                                "{\"n\":\"Other" + otherWrites.incrementAndGet() + "\"}");
                    } finally {
                        inOther.set(false);
                    }
                }
            };
            try (ScopedFailpoint window = ScopedFailpoint.callback(FailpointNames.MUTATION_POST_STAGE_PRE_EFFECT_GATE,
                    otherProcessWritesFirst)) {
                GraphEngineException stale = assertThrows(GraphEngineException.class, () -> graph.mutations().mutateGraph(
                        new MutateGraphCommand(graph.uri(), "main", "m.gq", "query q() { update Person set { age: 1 } "
                                + "where name = \"Ada\" }", Optional.empty(), "{}", Optional.of(head), Optional.empty())));
                assertEquals(GraphErrorKind.PRECONDITION_FAILED, stale.kind());
                assertEquals("[{\"p.age\":36}]", rows(ADA_AGE), "the stale conditional update wrote nothing");

                inOther.set(true); // from here on the other process stays quiet
                MutateGraphResult replayed = graph.mutate("main", "query q() { insert Company { name: \"Mine\" } }", "{}");
                assertTrue(replayed.commitId().isPresent());
            }
            assertEquals(1, otherWrites.get());
        }
        assertEquals("[{\"c.name\":\"Analytical\"},{\"c.name\":\"Bletchley\"},{\"c.name\":\"Harvard Mark\"},"
                + "{\"c.name\":\"Mine\"},{\"c.name\":\"Other1\"}]",
                rows("query q() { match { $c: Company } return { $c.name } order { $c.name } }"),
                "the replayed insert landed on top of the other process's write, which it kept");
        assertEquals("[{\"p.age\":36}]", graph.queryAt(snapshot, ADA_AGE), "a read at a snapshot sees that snapshot");
    }

    // ---- 4 ---------------------------------------------------------------------------------------------------------

    /**
     * Invariant 4: a mutation stages every statement and publishes once at the end: a three-statement mutation is
     * one commit; one whose last statement is invalid publishes none of it; and inserts never mix with deletes
     * (constructive XOR destructive), refused before any I/O.
     */
    @Test
    void invariant_04_a_mutation_publishes_once() {
        assertOnePublish("three statements", () -> graph.mutate("main", "query q() { insert Person { name: \"Zed\", "
                + "role: \"guest\" } insert Company { name: \"Zed Works\" } insert WorksAt { from: \"Zed\", to: \"Zed Works\" } }",
                "{}"));
        GraphDataException invalid = assertRefusedBeforePublication(GraphDataException.class, () -> graph.mutate("main",
                "query q() { insert Person { name: \"Yan\", role: \"guest\" } insert Person { name: \"Old\", age: 200, "
                        + "role: \"guest\" } }", "{}"));
        assertEquals("D006", invalid.code(), invalid.getMessage());
        assertEquals("[]", rows("query q() { match { $p: Person { name: \"Yan\" } } return { $p.name } }"),
                "the valid first statement was not published alone");
        GraphEngineException mixed = assertRefusedBeforePublication(GraphErrorKind.BAD_REQUEST, () -> graph.mutate("main",
                "query q() { insert Person { name: \"Yan\", role: \"guest\" } delete Person where name = \"Zed\" }", "{}"));
        assertTrue(mixed.getMessage().contains("Q201"), mixed.getMessage());
    }

    // ---- 5 ---------------------------------------------------------------------------------------------------------

    /**
     * Invariant 5: the durable effect before a publish is owned by a sidecar armed first (naming the table and the
     * version it expected); a long-lived writer refuses a sidecar that needs a restore, the next read-write open
     * resolves it; and an intent that cannot be read fails closed: every write refuses until an operator acts.
     */
    @Test
    void invariant_05_recovery_is_part_of_the_commit_protocol() throws IOException {
        long personPublished = graph.engine().open(graph.uri(), "main").visible("node:Person").orElseThrow().version().version();
        try (ScopedFailpoint crash = ScopedFailpoint.fail(FailpointNames.MUTATION_POST_TABLE_COMMIT)) {
            assertThrows(InjectedFailpointException.class, () -> graph.mutate("main",
                    "query q() { insert Person { name: \"Zed\", role: \"guest\" } }", "{}"));
        }
        List<String> sidecars = graph.sidecarFiles();
        assertEquals(1, sidecars.size());
        RecoverySidecar owner = RecoverySidecar.decode(Codecs.json().decode("sidecar", Files.readString(
                graph.root().resolve("__recovery").resolve(sidecars.get(0)))));
        SidecarTablePin person = owner.pin("node:Person").orElseThrow();
        assertEquals(personPublished, person.expectedVersion(), "the sidecar owns the move from the published version");

        graph.restart(SweepMode.ROLL_FORWARD_ONLY);
        GraphEngineException refused = assertRefusedBeforePublicationKeepingSidecar(() -> graph.mutate("main",
                "query q() { insert Company { name: \"Acme\" } }", "{}"));
        assertTrue(refused.getMessage().contains(owner.operationId()), refused.getMessage());

        graph.restart(SweepMode.FULL);
        graph.mutate("main", "query q() { insert Company { name: \"Acme\" } }", "{}");
        assertEquals(List.of(), graph.sidecarFiles());
        assertEquals("[]", rows("query q() { match { $p: Person { name: \"Zed\" } } return { $p.name } }"));

        Path corrupt = graph.root().resolve(RecoverySidecar.relativePathOf(owner.operationId()));
        Files.writeString(corrupt, "{\"schema_version\": 9, \"torn");
        GraphEngineException unreadable = assertRefusedBeforePublicationKeepingSidecar(() -> graph.mutate("main",
                "query q() { insert Company { name: \"Beta\" } }", "{}"));
        assertTrue(unreadable.getMessage().contains("cannot be read"), unreadable.getMessage());
        Files.delete(corrupt);
    }

    private GraphEngineException assertRefusedBeforePublicationKeepingSidecar(Runnable refused) {
        long version = graph.manifestVersion("main");
        List<String> sidecars = graph.sidecarFiles();
        GraphEngineException failure = assertThrows(GraphEngineException.class, refused::run);
        assertEquals(GraphErrorKind.RECOVERY_REQUIRED, failure.kind(), failure.getMessage());
        assertEquals(version, graph.manifestVersion("main"));
        assertEquals(sidecars, graph.sidecarFiles(), "the intent stays for the operator or the next open");
        return failure;
    }

    // ---- 6 ---------------------------------------------------------------------------------------------------------

    /**
     * Invariant 6: a write is durable and visible before it is acknowledged (a process started right after the
     * acknowledgement reads it), and reads are snapshot-isolated (the acknowledged snapshot keeps reading exactly
     * that state after later writes).
     */
    @Test
    void invariant_06_strong_consistency_is_the_default() {
        MutateGraphResult acknowledged = graph.mutate("main",
                "query q() { update Person set { age: 37 } where name = \"Ada\" }", "{}");
        try (LanceGraphProcess fresh = LanceGraphProcess.over(graph.root())) {
            assertEquals("[{\"p.age\":37}]", fresh.query("main", ADA_AGE, "{}"));
            fresh.mutate("main", "query q() { update Person set { age: 38 } where name = \"Ada\" }", "{}");
        }
        assertEquals("[{\"p.age\":38}]", rows(ADA_AGE));
        assertEquals("[{\"p.age\":37}]", graph.queryAt(acknowledged.snapshotId(), ADA_AGE));
    }

    // ---- 7 ---------------------------------------------------------------------------------------------------------

    /**
     * Invariant 7: physical layout and acceleration are derived state: fragmenting the tables, compacting them, and
     * reading cold in a new process never change an answer; a declared but unbuilt {@code @index} (WorksAt.title)
     * filters correctly by scanning.
     */
    @Test
    void invariant_07_physical_acceleration_and_layout_are_derived_state() {
        List<String> queries = List.of(PEOPLE,
                "query q() { match { $p: Person { name: \"Ada\" } } return { $p.name, $p.email, $p.tags } }",
                "query q() { match { $a: Person { name: \"Ada\" }  $a knows{1,2} $b } return { $b.name } order { $b.name } }",
                "query q() { match { $p: Person  $p $w:worksAt $c  $w.title = \"programmer\" } return { $p.name, $c.name } }",
                "query q() { match { $p: Person  $p.tags contains \"compilers\" } return { $p.name } }",
                "query q() { match { $p: Person  not { $p worksAt $_ } } return { $p.name } order { $p.name } }");
        List<String> answers = queries.stream().map(this::rows).toList();
        assertEquals("[{\"p.name\":\"Grace\",\"c.name\":\"Harvard Mark\"}]", answers.get(3));

        for (int i = 1; i <= 3; i++) {
            graph.mutate("main", "query q($n: String) { insert Person { name: $n, role: \"guest\" } }", "{\"n\":\"Tmp" + i + "\"}");
            graph.mutate("main", "query q($n: String) { delete Person where name = $n }", "{\"n\":\"Tmp" + i + "\"}");
        }
        assertEquals(answers, queries.stream().map(this::rows).toList(), "fragments and deletion files");
        graph.maintenance().optimizeGraph(new OptimizeGraphCommand(graph.uri()));
        assertEquals(answers, queries.stream().map(this::rows).toList(), "compacted");
        graph.restart();
        assertEquals(answers, queries.stream().map(this::rows).toList(), "cold caches");
    }

    // ---- 8 ---------------------------------------------------------------------------------------------------------

    /**
     * Invariant 8: identity is the stable id, not the name: a renamed type keeps its table lifetime and rows, a
     * renamed property its values; a dropped and re-added property is a new lifetime (a new id, no old values).
     */
    @Test
    void invariant_08_schema_identity_survives_renames() throws IOException {
        TableIdentity company = graph.engine().open(graph.uri(), "main").visible("node:Company").orElseThrow()
                .registration().identity();
        long bornId = bornPropertyId();
        String renamed = baseSchema()
                .replace("node Company implements Named {", "node Firm @rename_from(\"Company\") implements Named {")
                .replace("edge WorksAt: Person -> Company", "edge WorksAt: Person -> Firm")
                .replace("    revenue: F64?\n", "    turnover: F64? @rename_from(\"revenue\")\n");
        applySchema(renamed);
        assertEquals(company, graph.engine().open(graph.uri(), "main").visible("node:Firm").orElseThrow()
                .registration().identity());
        assertEquals("[{\"c.name\":\"Analytical\",\"c.turnover\":1250.5}]",
                rows("query q() { match { $p: Person { name: \"Ada\" }  $p worksAt $c } return { $c.name, $c.turnover } }"));

        applySchema(renamed.replace("    born: Date?\n", ""));
        applySchema(renamed);
        assertNotEquals(bornId, bornPropertyId(), "a re-added property is a new lifetime");
        assertEquals("[{\"p.born\":null}]", rows("query q() { match { $p: Person { name: \"Ada\" } } return { $p.born } }"),
                "the dropped lifetime's values do not come back");
    }

    private long bornPropertyId() {
        return graph.engine().open(graph.uri(), "main").schema().ir().nodes().stream()
                .filter(node -> node.name().equals("Person")).findFirst().orElseThrow().properties().stream()
                .filter(property -> property.name().equals("born")).map(PropertyIr::propertyId).findFirst().orElseThrow();
    }

    // ---- 9 ---------------------------------------------------------------------------------------------------------

    /**
     * Invariant 9: type, required, unique, range, endpoint and cardinality violations fail loudly before
     * publication, with nothing written and no placeholder created.
     */
    @Test
    void invariant_09_schema_and_data_integrity_failures_are_loud() {
        String companies = rows("query q() { match { $c: Company } return { $c.name } order { $c.name } }");
        Map<String, String> codeByViolation = new LinkedHashMap<>();
        codeByViolation.put("{\"type\":\"Person\",\"data\":{\"name\":\"Norole\"}}", DataCodes.REQUIRED_MISSING);
        codeByViolation.put("{\"type\":\"Person\",\"data\":{\"name\":\"Typed\",\"age\":\"old\",\"role\":\"guest\"}}",
                DataCodes.TYPE_MISMATCH);
        codeByViolation.put("{\"type\":\"Person\",\"data\":{\"name\":\"Boss\",\"role\":\"boss\"}}", DataCodes.TYPE_MISMATCH);
        codeByViolation.put("{\"type\":\"Person\",\"data\":{\"name\":\"Twin\",\"email\":\"ada@example.org\",\"role\":\"guest\"}}",
                DataCodes.UNIQUE_VIOLATION);
        codeByViolation.put("{\"type\":\"Person\",\"data\":{\"name\":\"Ancient\",\"age\":200,\"role\":\"guest\"}}",
                DataCodes.RANGE_VIOLATION);
        codeByViolation.put("{\"type\":\"Person\",\"data\":{\"name\":\"Bad\",\"email\":\"no-at-sign\",\"role\":\"guest\"}}",
                DataCodes.CHECK_VIOLATION);
        codeByViolation.put("{\"edge\":\"Knows\",\"from\":\"Ada\",\"to\":\"Nobody\"}", DataCodes.DANGLING_ENDPOINT);
        codeByViolation.put("{\"edge\":\"WorksAt\",\"from\":\"Ada\",\"to\":\"Bletchley\"}", DataCodes.CARDINALITY_VIOLATION);
        codeByViolation.forEach((violation, code) -> {
            GraphDataException refused = assertRefusedBeforePublication(GraphDataException.class,
                    () -> load(LoadMode.MERGE, violation));
            assertEquals(code, refused.code(), violation + ": " + refused.getMessage());
        });
        assertEquals(companies, rows("query q() { match { $c: Company } return { $c.name } order { $c.name } }"),
                "no placeholder endpoint was created");
        assertEquals("[{\"c.name\":\"Analytical\"}]",
                rows("query q() { match { $p: Person { name: \"Ada\" }  $p worksAt $c } return { $c.name } }"));
    }

    // ---- 10 --------------------------------------------------------------------------------------------------------

    /**
     * Invariant 10: query semantics live in typed plan concepts, not strings: {@code contains} is resolved to list
     * membership or substring by type at plan time, a traversal carries its direction, a negation is an anti-join;
     * and the executor honours exactly those concepts on Lance.
     */
    @Test
    void invariant_10_query_semantics_are_first_class_ir_concepts() {
        QueryCatalog catalog = graph.engine().open(graph.uri(), "main").catalog();
        ReadPlan plan = ((QueryPlan.Read) QueryCompiler.compile(catalog, new SourceFile("q.gq",
                "query q() { match { $c: Company  $p worksAt $c  $p.tags contains \"math\"  $p.email contains \"@\" "
                        + " not { $p knows $_ } } return { $p.name } }"), "q")).plan();
        List<FilterOp> ops = plan.match().stream()
                .flatMap(op -> op instanceof MatchOp.NodeScan scan ? scan.filters().stream()
                        : op instanceof MatchOp.Expand expand ? expand.destinationFilters().stream()
                        : op instanceof MatchOp.Filter filter ? Stream.of(filter.filter())
                        : Stream.empty())
                .map(filter -> filter.op()).toList();
        assertTrue(ops.contains(FilterOp.LIST_CONTAINS) && ops.contains(FilterOp.STRING_CONTAINS), ops.toString());
        MatchOp.Expand worksAt = plan.match().stream().filter(MatchOp.Expand.class::isInstance).map(MatchOp.Expand.class::cast)
                .findFirst().orElseThrow();
        assertEquals(Direction.IN, worksAt.direction(), "from the bound Company back to the Person");
        assertTrue(plan.match().stream().anyMatch(MatchOp.AntiJoin.class::isInstance));

        assertEquals("[{\"p.name\":\"Ada\"}]", rows("query q() { match { $c: Company  $p worksAt $c  $p.tags contains "
                + "\"math\"  $p.email contains \"@\" } return { $p.name } }"));
        assertEquals("[{\"p.name\":\"Grace\"}]", rows("query q() { match { $p: Person  $p.tags contains \"compilers\" "
                + " $p.email contains \"grace@\" } return { $p.name } }"));
        assertEquals("[{\"p.name\":\"Barbara\"}]", rows("query q() { match { $p: Person  not { $p knows $_ } } "
                + "return { $p.name } }"), "the only person who knows nobody");
    }

    // ---- 13 --------------------------------------------------------------------------------------------------------

    /**
     * Invariant 13: failures are bounded, typed and observable: a write whose branch keeps moving is prepared at
     * three times in all and then fails with a typed conflict (nothing of it written); a strict insert of an existing
     * key is a typed key conflict, never a silent merge; an unknown branch is a typed not-found.
     */
    @Test
    void invariant_13_failures_are_bounded_typed_and_observable() {
        AtomicInteger attempts = new AtomicInteger();
        try (LanceGraphProcess other = LanceGraphProcess.over(graph.root())) {
            AtomicBoolean inOther = new AtomicBoolean();
            Runnable headAlwaysMoves = () -> {
                if (inOther.compareAndSet(false, true)) {
                    try {
                        other.mutate("main", "query q($n: String) { insert Company { name: $n } }",
                                "{\"n\":\"Mover" + attempts.incrementAndGet() + "\"}");
                    } finally {
                        inOther.set(false);
                    }
                }
            };
            try (ScopedFailpoint window = ScopedFailpoint.callback(FailpointNames.MUTATION_POST_STAGE_PRE_EFFECT_GATE,
                    headAlwaysMoves)) {
                GraphEngineException gaveUp = assertThrows(GraphEngineException.class, () -> graph.mutate("main",
                        "query q() { insert Person { name: \"Zed\", role: \"guest\" } }", "{}"));
                assertEquals(GraphErrorKind.CONFLICT, gaveUp.kind());
                assertTrue(gaveUp.getMessage().contains("nothing was written"), gaveUp.getMessage());
            }
        }
        assertEquals(3, attempts.get(), "prepared three times in all");
        assertEquals("[]", rows("query q() { match { $p: Person { name: \"Zed\" } } return { $p.name } }"));

        GraphEngineException duplicate = assertRefusedBeforePublication(GraphErrorKind.KEY_CONFLICT, () -> load(
                LoadMode.APPEND, "{\"type\":\"Person\",\"data\":{\"name\":\"Ada\",\"age\":99,\"role\":\"guest\"}}"));
        assertTrue(duplicate.getMessage().contains("Ada"), duplicate.getMessage());
        assertEquals("[{\"p.age\":36}]", rows(ADA_AGE), "nothing merged");
        GraphEngineException missing = assertThrows(GraphEngineException.class, () -> graph.query("nope", PEOPLE, "{}"));
        assertEquals(GraphErrorKind.BRANCH_NOT_FOUND, missing.kind());
    }

    // ---- 14 --------------------------------------------------------------------------------------------------------

    /**
     * Invariant 14: evidence matches the boundary and reversibility. Every crash window production code fires has
     * a crash test on real storage at the engine's boundary (the coverage guard), and the rebuild path that makes
     * irreversible operations (hard drops, cleanup) survivable works: a graph initialised from the accepted schema
     * and loaded from an export holds exactly the same records.
     */
    @Test
    void invariant_14_evidence_matches_the_boundary_and_reversibility() throws IOException {
        new CrashWindowCoverageTest().every_failpoint_fired_in_production_has_a_crash_window_test();

        graph.mutate("main", "query q() { insert Knows { from: \"Barbara\", to: \"Ada\" } }", "{}");
        String exported = String.join("\n", graph.export("main")) + "\n";
        try (LanceGraphProcess rebuilt = LanceGraphProcess.over(temp.resolve("rebuilt"))) {
            rebuilt.engine().initGraph(new InitGraphCommand(rebuilt.uri(), "schema.pg", graph.acceptedSchema(),
                    Optional.empty()));
            rebuilt.engine().loadGraph(new LoadGraphCommand(rebuilt.uri(), "main", LoadMode.OVERWRITE, "export.jsonl",
                    exported, Optional.empty()), ProgressListener.NONE);
            assertEquals(EngineCrashWindowsOnLanceTest.GraphState.of(graph),
                    EngineCrashWindowsOnLanceTest.GraphState.of(rebuilt));
        }
    }

    // ---- 15 --------------------------------------------------------------------------------------------------------

    /**
     * Invariant 15: the schema contract, Lance and the manifest are the truth; caches only hint. A contract whose
     * files disagree is refused, never reinterpreted; a process with warm caches sees another process's write at
     * once (caches are keyed by snapshot and never go stale).
     */
    @Test
    void invariant_15_one_source_of_truth_cheaply_derived() throws IOException {
        assertEquals("[{\"p.age\":36}]", rows(ADA_AGE)); // warms this process's caches
        try (LanceGraphProcess other = LanceGraphProcess.over(graph.root())) {
            other.mutate("main", "query q() { update Person set { age: 40 } where name = \"Ada\" }", "{}");
        }
        assertEquals("[{\"p.age\":40}]", rows(ADA_AGE));

        Path source = graph.root().resolve("_schema.pg");
        String accepted = Files.readString(source);
        Files.writeString(source, accepted + "\nnode Sneaky {\n    name: String @key\n}\n");
        GraphEngineException refused = assertThrows(GraphEngineException.class, () -> rows(ADA_AGE));
        assertEquals(GraphErrorKind.SCHEMA_CONTRACT, refused.kind(), refused.getMessage());
        Files.writeString(source, accepted);
        assertEquals("[{\"p.age\":40}]", rows(ADA_AGE));
    }
}
