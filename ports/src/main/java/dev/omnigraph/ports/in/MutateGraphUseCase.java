package dev.omnigraph.ports.in;

/** Runs one mutation query on the latest snapshot of a branch and publishes its effect as one commit. */
public interface MutateGraphUseCase {
    MutateGraphResult mutateGraph(MutateGraphCommand command);
}
