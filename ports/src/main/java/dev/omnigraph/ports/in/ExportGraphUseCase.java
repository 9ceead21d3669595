package dev.omnigraph.ports.in;

/** Writes a snapshot of a graph as JSONL in the load format (load of an export reproduces the graph). */
public interface ExportGraphUseCase {

    ExportGraphResult exportGraph(ExportGraphCommand command, LineSink sink);

    /** Receives the export one line (one record, no newline) at a time. */
    interface LineSink {
        void accept(String line);
    }
}
