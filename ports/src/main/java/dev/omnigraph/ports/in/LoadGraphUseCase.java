package dev.omnigraph.ports.in;

/** Loads JSONL graph data into a branch as one graph commit, validating everything before any effect. */
public interface LoadGraphUseCase {

    LoadGraphResult loadGraph(LoadGraphCommand command, ProgressListener progress);

    /** Progress of a long load, for a terminal progress bar. Called on the loading thread. */
    interface ProgressListener {
        ProgressListener NONE = (phase, done, total) -> { };

        /**
         * @param phase what is happening ({@code validating}, {@code writing Person}, {@code publishing})
         * @param done units done in this phase
         * @param total units in this phase
         */
        void onProgress(String phase, long done, long total);
    }
}
