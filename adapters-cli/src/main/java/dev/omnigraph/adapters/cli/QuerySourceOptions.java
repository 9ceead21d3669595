package dev.omnigraph.adapters.cli;

import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The options {@code query} and {@code mutate} share: which query (NAME), where its text comes from
 * ({@code --query FILE.gq} or {@code -e}), its parameters and the graph ({@code --store}).
 */
final class QuerySourceOptions {

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "The query to run (optional when the source has one).")
    String name;

    @Option(names = "--query", paramLabel = "FILE.gq", description = "The query file.")
    String queryFile;

    @Option(names = {"-e", "--query-string"}, paramLabel = "GQ", description = "The query text.")
    String queryString;

    @Option(names = "--params", defaultValue = "{}", paramLabel = "JSON", description = "Parameters as a JSON object.")
    String params;

    @Option(names = "--params-file", paramLabel = "FILE.json", description = "Parameters from a JSON file.")
    String paramsFile;

    @Option(names = "--store", paramLabel = "URI", description = "The graph.")
    String store;

    /** The query text, read from its file when given as one; refuses neither-or-both. */
    String source(CommandSupport command, String what) {
        if ((queryFile == null) == (queryString == null)) {
            throw new picocli.CommandLine.ParameterException(command.spec.commandLine(),
                    "give the " + what + " with --query FILE.gq or -e '<query>' (stored queries need a server)");
        }
        return queryFile != null ? command.readFile(queryFile, "query") : queryString;
    }

    /** The name messages use for the query source. */
    String sourceName() {
        return queryFile != null ? queryFile : "-e";
    }

    /** The parameters' JSON text, read from its file when given as one. */
    String paramsJson(CommandSupport command) {
        return paramsFile != null ? command.readFile(paramsFile, "params") : params;
    }

    Optional<String> queryName() {
        return Optional.ofNullable(name);
    }
}
