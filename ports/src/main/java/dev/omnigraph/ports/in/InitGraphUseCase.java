package dev.omnigraph.ports.in;

/** Creates a new, empty graph from a schema (strict: refuses a location that holds a graph). */
public interface InitGraphUseCase {
    InitGraphResult initGraph(InitGraphCommand command);
}
