package dev.omnigraph.domain.cluster.config;

import dev.omnigraph.domain.cluster.ExternalBlobPolicy;

import java.util.Objects;
import java.util.Optional;

/**
 * A graph declaration after file-free validation: its normalised provider binding
 * ({@code provider.embedding.<name>}, present only when that provider is declared) and its
 * validated external Blob policy (Deny when the allow-list is empty or invalid).
 */
public record DeclaredGraph(String id, GraphDeclaration declaration, Optional<String> embeddingProvider,
                            ExternalBlobPolicy externalBlobPolicy) {

    public DeclaredGraph {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(declaration, "declaration");
        Objects.requireNonNull(embeddingProvider, "embeddingProvider");
        Objects.requireNonNull(externalBlobPolicy, "externalBlobPolicy");
    }
}
