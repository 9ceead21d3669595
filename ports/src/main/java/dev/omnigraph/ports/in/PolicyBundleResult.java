package dev.omnigraph.ports.in;

import java.util.Objects;
import java.util.Optional;

/**
 * @param bundleName the selected bundle (empty when none could be selected)
 * @param knownActors how many actors the bundle's groups name
 * @param refusal why the bundle could not be selected, read or compiled
 */
public record PolicyBundleResult(Optional<String> bundleName, int knownActors, Optional<String> refusal) {
    public PolicyBundleResult {
        Objects.requireNonNull(bundleName, "bundleName");
        Objects.requireNonNull(refusal, "refusal");
    }
}
