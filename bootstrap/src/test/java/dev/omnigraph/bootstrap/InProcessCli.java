package dev.omnigraph.bootstrap;

import dev.omnigraph.adapters.cli.OmnigraphCli;
import dev.omnigraph.adapters.cli.OperatorConfig;
import dev.omnigraph.adapters.storage.codec.Codecs;
import dev.omnigraph.domain.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the command line inside the test JVM, with the production wiring: its exit code and both streams. */
record InProcessCli(int exitCode, String out, String err) {

    /** Standard output as the JSON object a {@code --json} run prints. */
    JsonObject json() {
        try {
            return Codecs.json().decode("stdout", out).asObject();
        } catch (RuntimeException malformed) {
            throw new AssertionError("not a JSON object: " + out + err, malformed);
        }
    }

    static InProcessCli run(String... args) {
        return run(OperatorConfig.absent(), args);
    }

    /** A run with an operator layer ({@code ~/.omnigraph/config.yaml}). */
    static InProcessCli run(OperatorConfig operator, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = OmnigraphCli.create(new PrintWriter(out), new PrintWriter(err), false, CliWiring.services(), operator)
                .execute(args);
        return new InProcessCli(code, out.toString(), err.toString());
    }
}
