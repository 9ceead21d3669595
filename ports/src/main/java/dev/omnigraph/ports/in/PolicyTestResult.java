package dev.omnigraph.ports.in;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * @param cases how many cases ran
 * @param failures one line per case whose decision differs from its expectation ({@code id: expected Allow but got
 *     deny})
 * @param refusal why the cases could not run (no bundle, an invalid bundle or test file)
 */
public record PolicyTestResult(Optional<String> bundleName, int cases, List<String> failures, Optional<String> refusal) {
    public PolicyTestResult {
        Objects.requireNonNull(bundleName, "bundleName");
        failures = List.copyOf(failures);
        Objects.requireNonNull(refusal, "refusal");
    }

    public boolean passed() {
        return refusal.isEmpty() && failures.isEmpty();
    }
}
