package dev.omnigraph.application.archcanary;

import dev.omnigraph.ports.in.archcanary.DoThingUseCase;

/** Canary: an application service that reads files itself and is not named *Service. */
public class DoThingHandler implements DoThingUseCase {
    @Override
    public void doThing() {
        java.nio.file.Files.exists(java.nio.file.Path.of("x"));
    }

    com.fasterxml.jackson.databind.ObjectMapper mapper;
}
