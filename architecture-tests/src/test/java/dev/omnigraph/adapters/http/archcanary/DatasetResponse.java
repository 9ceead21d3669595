package dev.omnigraph.adapters.http.archcanary;

/** Canary: a public HTTP DTO that speaks storage vocabulary. */
public record DatasetResponse(String fragmentCount) {
}
