package dev.omnigraph.ports.in;

/** Runs one read query over one snapshot of a graph. */
public interface QueryGraphUseCase {
    QueryGraphResult queryGraph(QueryGraphCommand command);
}
