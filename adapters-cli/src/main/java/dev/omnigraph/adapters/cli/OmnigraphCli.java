package dev.omnigraph.adapters.cli;

import dev.omnigraph.domain.graph.GraphEngineException;
import dev.omnigraph.domain.graph.GraphErrorKind;
import dev.omnigraph.domain.graph.load.DataViolation;
import dev.omnigraph.domain.graph.load.GraphDataException;
import dev.omnigraph.domain.lang.DiagnosticException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Builds the {@code omnigraph} command line with the streams it must write to. Failures reach the user as
 * {@code omnigraph: error: [code] message} on the error stream (data and language errors list every
 * problem with its location); a stack trace never does (set {@code OMNIGRAPH_DEBUG=1} to see one).
 */
public final class OmnigraphCli {

    /** Exit code of a command whose operation failed. */
    public static final int EXIT_FAILURE = 1;
    /** Exit code of invalid usage or input. */
    public static final int EXIT_USAGE = 2;
    /** Exit code of a conditional write whose expected head moved. */
    public static final int EXIT_PRECONDITION_FAILED = 4;

    private OmnigraphCli() {}

    /** The command line without an operator layer: {@code --as} is the only source of an actor. */
    public static CommandLine create(PrintWriter out, PrintWriter err, boolean debug, CliServices services) {
        return create(out, err, debug, services, OperatorConfig.absent());
    }

    /** The command line with the operator layer commands take their defaults from ({@code operator.actor}). */
    public static CommandLine create(PrintWriter out, PrintWriter err, boolean debug, CliServices services,
                                     OperatorConfig operator) {
        CommandLine commandLine = new CommandLine(new OmnigraphCommand(services, operator));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((failure, line, parsed) -> {
            PrintWriter stream = line.getErr();
            int exitCode = report(failure, stream);
            if (debug) {
                failure.printStackTrace(stream);
            }
            stream.flush();
            return exitCode;
        });
        return commandLine;
    }

    private static int report(Throwable failure, PrintWriter err) {
        if (failure instanceof GraphEngineException engine) {
            err.println("omnigraph: error: [" + engine.code() + "] " + engine.getMessage());
            return engine.kind() == GraphErrorKind.PRECONDITION_FAILED ? EXIT_PRECONDITION_FAILED : EXIT_FAILURE;
        }
        if (failure instanceof GraphDataException data) {
            err.println("omnigraph: error: the data was refused; nothing was written:");
            for (DataViolation violation : data.violations()) {
                err.println("  " + violation.render());
            }
            return EXIT_FAILURE;
        }
        if (failure instanceof DiagnosticException diagnostics) {
            err.println(diagnostics.getMessage());
            return EXIT_FAILURE;
        }
        if (failure instanceof IllegalArgumentException invalid) {
            err.println("omnigraph: error: " + messageOf(invalid));
            return EXIT_USAGE;
        }
        err.println("omnigraph: error: " + messageOf(failure));
        return EXIT_FAILURE;
    }

    private static String messageOf(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }
}
