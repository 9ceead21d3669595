package dev.omnigraph.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class OmnigraphCliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return OmnigraphCli.create(new PrintWriter(out, true), new PrintWriter(err, true), false,
                new CliServices(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                        null)).execute(args);
    }

    /** The refusal comes before any service is called (the services here are null: reaching one would fail). */
    @Test
    void destructive_writes_against_a_non_local_graph_need_consent_without_a_terminal() throws Exception {
        java.nio.file.Path data = java.nio.file.Files.createTempFile("seed", ".jsonl");
        try {
            assertEquals(1, run("load", "--data", data.toString(), "--mode", "overwrite", "s3://bucket/g.omni"));
            assertTrue(err.toString().contains("omnigraph: error: refusing destructive `load --mode overwrite` against "
                    + "non-local target s3://bucket/g.omni without confirmation; pass --yes to confirm"), err.toString());
            assertEquals(1, run("cleanup", "--keep", "1", "--confirm", "az://container/g.omni", "--json"));
            assertTrue(err.toString().contains("destructive `cleanup` against non-local target az://container/g.omni"),
                    err.toString());
            assertEquals(1, run("branch", "delete", "feature", "--uri", "s3://bucket/g.omni"));
            assertTrue(err.toString().contains("destructive `branch delete`"), err.toString());
        } finally {
            java.nio.file.Files.deleteIfExists(data);
        }
        assertTrue(CommandSupport.isLocal("graphs/g.omni") && CommandSupport.isLocal("file:///srv/g.omni"));
        assertTrue(!CommandSupport.isLocal("s3://b/g.omni") && !CommandSupport.isLocal("az://c/g.omni"));
    }

    @Test
    void version_names_the_program_and_its_version() {
        assertEquals(0, run("--version"));
        assertTrue(out.toString().startsWith("omnigraph " + OmnigraphVersion.current()), out.toString());
    }

    @Test
    void help_shows_usage_and_exit_codes() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("Usage: omnigraph"), out.toString());
        assertTrue(out.toString().contains("Exit codes"), out.toString());
    }

    @Test
    void an_unknown_verb_is_a_usage_error_with_exit_code_2() {
        assertEquals(2, run("frobnicate"));
        assertTrue(err.toString().contains("Unmatched argument"), err.toString());
    }

    @Test
    void the_maintenance_verbs_are_listed() {
        assertEquals(0, run("--help"));
        for (String verb : new String[] {"optimize", "repair", "cleanup"}) {
            assertTrue(out.toString().contains("  " + verb + " "), out.toString());
        }
    }

    @Test
    void cleanup_without_confirm_only_shows_the_policy_and_touches_nothing() {
        assertEquals(0, run("cleanup", "/nowhere/g", "--keep", "10", "--older-than", "7d"));
        assertEquals("", out.toString());
        assertEquals("cleanup is destructive — rerun with --confirm. Policy for /nowhere/g: keep 10 versions, remove "
                + "anything older than 7d", err.toString().strip());
    }

    @Test
    void cleanup_without_a_policy_or_with_a_bad_age_is_a_usage_error() {
        assertEquals(2, run("cleanup", "/nowhere/g", "--confirm"));
        assertTrue(err.toString().contains("cleanup requires at least one of --keep or --older-than"), err.toString());
        assertEquals(2, run("cleanup", "/nowhere/g", "--older-than", "soon"));
        assertTrue(err.toString().contains("invalid duration 'soon'"), err.toString());
        assertEquals(2, run("cleanup", "/nowhere/g", "--keep", "-1"));
        assertTrue(err.toString().contains("--keep must not be negative"), err.toString());
    }

    @Test
    void repair_force_without_confirm_and_a_remote_uri_are_usage_errors() {
        assertEquals(2, run("repair", "/nowhere/g", "--force"));
        assertTrue(err.toString().contains("repair --force requires --confirm"), err.toString());
        assertEquals(2, run("optimize", "https://example.org/g"));
        assertTrue(err.toString().contains("a remote graph must be addressed with --server"), err.toString());
        assertEquals(2, run("optimize"));
        assertTrue(err.toString().contains("missing graph"), err.toString());
    }
}
