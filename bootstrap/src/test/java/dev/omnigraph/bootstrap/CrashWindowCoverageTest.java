package dev.omnigraph.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnigraph.application.failpoint.FailpointNames;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Guard: every failpoint that production code fires has a crash-window test, so a new crash window cannot go
 * untested. Production code marks a window with a {@link FailpointNames} constant (the name guard of the ports
 * module forbids literals); this scan collects every constant named in a main source of any module (comments
 * and string literals skipped), and requires each to be armed by {@link EngineCrashWindowsOnLanceTest} (its
 * table or one of its dedicated tests), for init by {@link InitCrashWindowsOnLanceTest}, or, for the cluster control
 * plane, by {@code ClusterCrashWindowsOnLanceTest}.
 *
 * <p>The catalogue holds the reference's names, and this build lacks some of the features they mark. Those names
 * are listed below with the reason, and the list must be exactly the names no production code fires: wiring one
 * makes this test fail until it moves into a crash-window test, and a name cannot silently stay unexplained.
 */
class CrashWindowCoverageTest {

    private static final String NO_BRANCH_MERGE = "this build has no branch merge";
    private static final String NO_INDEXES = "this build builds no indexes (ensure_indices, reindexing)";
    private static final String NO_FORK_CLASSIFICATION = "table forks are not classified across handles: under the "
            + "graph's writer gate a leftover unpublished fork is deleted and forked again by the next writer";
    private static final String NO_CHANGE_FEED = "this build has no change feed";

    /** The catalogue names no production code fires, each with why this build has no such window. */
    static final Map<String, String> NOT_FIRED = Map.ofEntries(
            Map.entry(FailpointNames.MUTATION_DELETE_NODE_PRE_PRIMARY_DELETE, "node deletes are not inline: a delete and "
                    + "its edge cascade are staged table writes like any other, crashed at mutation.post_table_commit "
                    + "and mutation.post_finalize_pre_publisher"),
            Map.entry(FailpointNames.MUTATION_POST_NO_EFFECT_PRE_GATE, "a mutation or load that changes nothing returns "
                    + "before it stages, arms or gates anything: there is no state to crash"),
            Map.entry(FailpointNames.GRAPH_PUBLISH_BEFORE_COMMIT_APPEND, "the commit row is written by the same manifest "
                    + "upsert as the table versions and the head; there is no separate commit append"),
            Map.entry(FailpointNames.PUBLISH_LOAD_STATE_RETRYABLE_CONTENTION, "the publisher re-reads the branch head on "
                    + "every attempt and retries a lost compare-and-swap itself; loading publish state has no retryable "
                    + "row-level contention to inject"),
            Map.entry(FailpointNames.RECOVERY_POST_LIST_PRE_GATES, "the sweep runs under the graph's writer gate, taken "
                    + "before the sidecars are listed; no gate is acquired after the list"),
            Map.entry(FailpointNames.BRANCH_DELETE_POST_TABLE_GATES, "there are no per-table gates, one writer gate per graph"),
            Map.entry(FailpointNames.BRANCH_CONTROL_POST_RECOVERY_BARRIER, "branch create and delete run no recovery "
                    + "barrier (no schema-apply lock branch, no merge)"),
            Map.entry(FailpointNames.BRANCH_MERGE_ADOPT_AFTER_APPEND_PRE_UPSERT, NO_BRANCH_MERGE),
            Map.entry(FailpointNames.BRANCH_MERGE_ADOPT_AFTER_UPSERT_PRE_DELETE, NO_BRANCH_MERGE),
            Map.entry(FailpointNames.BRANCH_MERGE_ADOPT_BETWEEN_INSERT_CHUNKS, NO_BRANCH_MERGE),
            Map.entry(FailpointNames.BRANCH_MERGE_BETWEEN_DELETE_CHUNKS, NO_BRANCH_MERGE),
            Map.entry(FailpointNames.BRANCH_MERGE_POST_AUTHORITY_CAPTURE, NO_BRANCH_MERGE),
            Map.entry(FailpointNames.BRANCH_MERGE_POST_CANDIDATE_VALIDATION, NO_BRANCH_MERGE),
            Map.entry(FailpointNames.BRANCH_MERGE_POST_EFFECTS_PRE_CONFIRM, NO_BRANCH_MERGE),
            Map.entry(FailpointNames.BRANCH_MERGE_POST_PHASE_B_PRE_MANIFEST_COMMIT, NO_BRANCH_MERGE),
            Map.entry(FailpointNames.BRANCH_MERGE_POST_SIDECAR_PRE_FORK, NO_BRANCH_MERGE),
            Map.entry(FailpointNames.BRANCH_MERGE_REWRITE_AFTER_DELETE_PRE_CONFIRM, NO_BRANCH_MERGE),
            Map.entry(FailpointNames.BRANCH_MERGE_REWRITE_AFTER_MERGE_PRE_DELETE, NO_BRANCH_MERGE),
            Map.entry(FailpointNames.SCHEMA_RELOAD_BEFORE_CONTRACT_READ, "there are no long-lived graph handles whose "
                    + "schema is reloaded: every operation reads the accepted contract afresh"),
            Map.entry(FailpointNames.ENSURE_INDICES_POST_EFFECTS_PRE_CONFIRM, NO_INDEXES),
            Map.entry(FailpointNames.ENSURE_INDICES_POST_PHASE_B_PRE_MANIFEST_COMMIT, NO_INDEXES),
            Map.entry(FailpointNames.ENSURE_INDICES_POST_SIDECAR_PRE_FORK, NO_INDEXES),
            Map.entry(FailpointNames.ENSURE_INDICES_POST_STAGE_PRE_COMMIT_BTREE, NO_INDEXES),
            Map.entry(FailpointNames.ENSURE_INDICES_POST_TABLE_EFFECT, NO_INDEXES),
            Map.entry(FailpointNames.OPTIMIZE_INJECT_REINDEX_CONFLICT, NO_INDEXES),
            Map.entry(FailpointNames.FORK_BEFORE_CLASSIFY, NO_FORK_CLASSIFICATION),
            Map.entry(FailpointNames.FORK_BEFORE_RECLAIM, NO_FORK_CLASSIFICATION),
            Map.entry(FailpointNames.FORK_POST_CREATE_PRE_OPEN, NO_FORK_CLASSIFICATION),
            Map.entry(FailpointNames.CLASSIFY_FRESH_READ, NO_FORK_CLASSIFICATION),
            Map.entry(FailpointNames.OPEN_BEFORE_SCHEMA_CONTRACT_READ, "opening a snapshot has no effect to crash: a "
                    + "contract that cannot be read is reported as is"),
            Map.entry(FailpointNames.READ_REFRESH_POST_STATE_PRE_LINEAGE, "reads open a snapshot per read; there is no "
                    + "live handle refresh"),
            Map.entry(FailpointNames.LOCAL_CREATE_IF_ABSENT_PROBE, "the local object store's create-if-absent is one "
                    + "atomic call, with no probe after a failed create"),
            Map.entry(FailpointNames.BLOB_READ_POST_CAPTURE, "this build has no blob reads"),
            Map.entry(FailpointNames.CHANGE_FEED_POST_CAPTURE, NO_CHANGE_FEED),
            Map.entry(FailpointNames.CHANGE_FEED_PRE_TABLE_OPEN, NO_CHANGE_FEED),
            Map.entry(FailpointNames.CHANGE_FEED_SKIP_ETAG_WITNESS, NO_CHANGE_FEED));

    private static final Pattern CONSTANT = Pattern.compile("\\bFailpointNames\\.([A-Z][A-Z0-9_]*)\\b");
    private static final Pattern ARMED = Pattern.compile(
            "ScopedFailpoint\\.(?:fail|callback)\\(\\s*FailpointNames\\.([A-Z][A-Z0-9_]*)");

    @Test
    void every_failpoint_fired_in_production_has_a_crash_window_test() throws IOException {
        Path root = projectRoot();
        Set<String> fired = firedInProduction(root);
        assertTrue(fired.contains(FailpointNames.MUTATION_POST_TABLE_COMMIT), "the scan must see the engine under " + root);

        Set<String> covered = new TreeSet<>();
        EngineCrashWindowsOnLanceTest.windows().forEach(window -> covered.add(window.failpoint()));
        covered.addAll(EngineCrashWindowsOnLanceTest.DEDICATED_TESTS.keySet());
        Set<String> cluster = armedIn(root.resolve(
                "bootstrap/src/test/java/dev/omnigraph/bootstrap/ClusterCrashWindowsOnLanceTest.java"));
        cluster.removeIf(name -> !name.startsWith("cluster_apply."));
        covered.addAll(cluster);
        Set<String> init = armedIn(root.resolve(
                "bootstrap/src/test/java/dev/omnigraph/bootstrap/InitCrashWindowsOnLanceTest.java"));
        init.removeIf(name -> !name.startsWith("init."));
        covered.addAll(init);

        Set<String> untested = new TreeSet<>(fired);
        untested.removeAll(covered);
        assertEquals(Set.of(), untested, "failpoints fired in production without a crash-window test; add a case to "
                + "EngineCrashWindowsOnLanceTest.windows()");
        Set<String> phantom = new TreeSet<>(covered);
        phantom.removeAll(fired);
        assertEquals(Set.of(), phantom, "crash-window tests of failpoints no production code fires");
    }

    @Test
    void the_names_no_production_code_fires_are_exactly_the_explained_ones() throws IOException {
        Set<String> unfired = new TreeSet<>(FailpointNames.ALL);
        unfired.removeAll(firedInProduction(projectRoot()));
        assertEquals(new TreeSet<>(NOT_FIRED.keySet()), unfired, "a newly wired failpoint leaves NOT_FIRED (and gets a "
                + "crash-window test); a name no longer fired needs its reason here");
        NOT_FIRED.values().forEach(reason -> assertTrue(reason.length() > 20, reason));
    }

    @Test
    void each_dedicated_crash_test_exists() {
        Set<String> methods = Stream.of(EngineCrashWindowsOnLanceTest.class.getDeclaredMethods())
                .map(Method::getName).collect(Collectors.toSet());
        EngineCrashWindowsOnLanceTest.DEDICATED_TESTS.forEach((name, method) ->
                assertTrue(methods.contains(method), name + " names a missing test method " + method));
    }

    @Test
    void the_scan_skips_comments_and_string_literals() {
        String source = String.join("\n",
                "class A {",
                "  // Failpoints.maybeFail(FailpointNames.INIT_POST_MANIFEST_CREATE)",
                "  /* FailpointNames.INIT_AFTER_COORDINATOR_INIT */",
                "  String s = \"FailpointNames.FORK_BEFORE_CLASSIFY // not a comment\";",
                "  void f() { Failpoints.maybeFail(FailpointNames.MUTATION_POST_TABLE_COMMIT); }",
                "}");
        assertEquals(Set.of("MUTATION_POST_TABLE_COMMIT"), constantsNamedIn(source));
    }

    // ---- the scan -----------------------------------------------------------------------------------------------

    /** The catalogue names that some module's main code names (the failpoint package itself excluded). */
    private static Set<String> firedInProduction(Path root) throws IOException {
        Map<String, String> byConstant = constantValues();
        Set<String> fired = new TreeSet<>();
        for (Path source : mainSources(root)) {
            if (source.toString().replace('\\', '/').contains("/dev/omnigraph/application/failpoint/")) {
                continue;
            }
            for (String constant : constantsNamedIn(Files.readString(source, StandardCharsets.UTF_8))) {
                String name = byConstant.get(constant);
                assertTrue(name != null, source + " names FailpointNames." + constant + ", which is not a catalogue name");
                fired.add(name);
            }
        }
        return fired;
    }

    private static Set<String> armedIn(Path testSource) throws IOException {
        Map<String, String> byConstant = constantValues();
        Set<String> armed = new TreeSet<>();
        Matcher matcher = ARMED.matcher(code(Files.readString(testSource, StandardCharsets.UTF_8)));
        while (matcher.find()) {
            armed.add(byConstant.get(matcher.group(1)));
        }
        return armed;
    }

    static Set<String> constantsNamedIn(String source) {
        Set<String> constants = new TreeSet<>();
        Matcher matcher = CONSTANT.matcher(code(source));
        while (matcher.find()) {
            constants.add(matcher.group(1));
        }
        return constants;
    }

    /** The source with comments, string and character literals (text blocks included) blanked out. */
    private static String code(String source) {
        StringBuilder code = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? source.length() : end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? source.length() : end + 2;
                code.append(' ');
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                i = end < 0 ? source.length() : end + 3;
                code.append("\"\"");
            } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                char quote = source.charAt(i);
                i++;
                while (i < source.length() && source.charAt(i) != quote && source.charAt(i) != '\n') {
                    i += source.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
                code.append(quote).append(quote);
            } else {
                code.append(source.charAt(i++));
            }
        }
        return code.toString();
    }

    private static Map<String, String> constantValues() {
        Map<String, String> values = new TreeMap<>();
        for (Field field : FailpointNames.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    values.put(field.getName(), (String) field.get(null));
                } catch (IllegalAccessException unreachable) {
                    throw new IllegalStateException(unreachable);
                }
            }
        }
        return values;
    }

    private static List<Path> mainSources(Path root) throws IOException {
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(Files::isDirectory).toList()) {
                Path main = module.resolve("src/main/java");
                if (Files.isDirectory(main)) {
                    try (Stream<Path> files = Files.walk(main)) {
                        files.filter(path -> path.toString().endsWith(".java")).forEach(sources::add);
                    }
                }
            }
        }
        return sources;
    }

    private static Path projectRoot() {
        return Path.of(System.getProperty("omnigraph.projectRoot", "..")).toAbsolutePath().normalize();
    }
}
