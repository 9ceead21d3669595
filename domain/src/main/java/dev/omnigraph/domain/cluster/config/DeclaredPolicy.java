package dev.omnigraph.domain.cluster.config;

import java.util.List;
import java.util.Objects;

/**
 * A policy declaration after file-free validation: normalised bindings ({@code cluster} or
 * {@code graph.<id>}, sorted, de-duplicated; what the ledger records as {@code applies_to}) and
 * the runtime its bundle must compile as.
 */
public record DeclaredPolicy(String name, String file, List<String> bindings, PolicyRuntime runtime) {

    public DeclaredPolicy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        bindings = List.copyOf(bindings);
        Objects.requireNonNull(runtime, "runtime");
    }
}
