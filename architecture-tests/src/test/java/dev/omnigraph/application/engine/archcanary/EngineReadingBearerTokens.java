package dev.omnigraph.application.engine.archcanary;

import dev.omnigraph.domain.access.BearerTokenTable;

/** Canary: an engine class that knows about bearer tokens (never production code). */
public class EngineReadingBearerTokens {
    BearerTokenTable tokens;
}
