package dev.omnigraph.bootstrap;

import dev.omnigraph.adapters.cli.OmnigraphCli;
import dev.omnigraph.adapters.cli.OperatorConfig;
import dev.omnigraph.adapters.storage.codec.Codecs;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Entry point of {@code bin/omnigraph}: the only place the CLI touches the process's standard streams. */
public final class OmnigraphCliMain {

    private OmnigraphCliMain() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        OperatorConfig operator = OperatorConfig.fromEnvironment(System.getenv(),
                Optional.ofNullable(System.getProperty("user.home")), Codecs.yaml());
        int exitCode = OmnigraphCli.create(out, err, debugRequested(), CliWiring.services(), operator).execute(args);
        out.flush();
        err.flush();
        System.exit(exitCode);
    }

    static boolean debugRequested() {
        String value = System.getenv("OMNIGRAPH_DEBUG");
        return value != null && !value.isBlank() && !value.equals("0") && !value.equalsIgnoreCase("false");
    }
}
