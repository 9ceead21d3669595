package dev.omnigraph.domain.graph;

/** The manifest contradicts itself; reads refuse rather than guess. */
public final class ManifestIntegrityException extends IllegalStateException {
    public ManifestIntegrityException(String message) {
        super("graph manifest is inconsistent: " + message);
    }
}
