package dev.omnigraph.ports.in.archcanary;

/** Canary: a well-named use case. */
public interface DoThingUseCase {
    void doThing();
}
