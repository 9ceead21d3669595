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
                new CliServices(null, null, null, null, null, null, null, null, null, null, null, null)).execute(args);
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
}
