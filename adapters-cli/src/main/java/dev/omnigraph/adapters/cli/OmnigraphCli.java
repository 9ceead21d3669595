package dev.omnigraph.adapters.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Builds the {@code omnigraph} command line with the streams it must write to. Failures reach the user as
 * one line {@code omnigraph: error: <message>} on the error stream and exit code 1; a stack trace never
 * does (set {@code OMNIGRAPH_DEBUG=1} to see one).
 */
public final class OmnigraphCli {

    /** Exit code of a command whose operation failed. */
    public static final int EXIT_FAILURE = 1;

    private OmnigraphCli() {}

    public static CommandLine create(PrintWriter out, PrintWriter err, boolean debug) {
        CommandLine commandLine = new CommandLine(new OmnigraphCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((failure, line, parsed) -> {
            line.getErr().println("omnigraph: error: " + messageOf(failure));
            if (debug) {
                failure.printStackTrace(line.getErr());
            }
            line.getErr().flush();
            return EXIT_FAILURE;
        });
        return commandLine;
    }

    private static String messageOf(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }
}
