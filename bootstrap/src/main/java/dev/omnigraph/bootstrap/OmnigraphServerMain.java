package dev.omnigraph.bootstrap;

import dev.omnigraph.adapters.cli.OmnigraphVersion;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Entry point of {@code bin/omnigraph-server}. Serving needs the cluster control plane and the HTTP
 * adapter, which this build does not contain yet: until then the command parses its arguments, answers
 * {@code --help} and {@code --version}, and refuses to start with exit code 1 rather than pretend to serve.
 */
public final class OmnigraphServerMain {

    private OmnigraphServerMain() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        CommandLine commandLine = new CommandLine(new ServerCommand(err));
        commandLine.setOut(out);
        commandLine.setErr(err);
        int exitCode = commandLine.execute(args);
        out.flush();
        err.flush();
        System.exit(exitCode);
    }

    /** The {@code omnigraph-server} command line. */
    @Command(name = "omnigraph-server", mixinStandardHelpOptions = true, versionProvider = OmnigraphVersion.class,
            description = "Serves the applied revision of an Omnigraph cluster over HTTP.")
    static final class ServerCommand implements Callable<Integer> {
        private final PrintWriter err;

        @Option(names = "--cluster", required = true, paramLabel = "<dir|uri>",
                description = "The cluster to serve: a config folder or a storage URI (file://, s3://, az://).")
        String cluster;

        ServerCommand(PrintWriter err) {
            this.err = err;
        }

        @Override
        public Integer call() {
            err.println("omnigraph-server: error: serving is not available in this build yet; "
                    + "cluster '" + cluster + "' was not opened");
            return 1;
        }
    }
}
