package dev.omnigraph.domain.cluster.drift;

import dev.omnigraph.domain.cluster.ClusterCodes;
import dev.omnigraph.domain.cluster.ClusterDiagnostic;
import dev.omnigraph.domain.cluster.state.LifecycleStatus;
import dev.omnigraph.domain.cluster.state.ResourceStatus;
import dev.omnigraph.domain.cluster.state.StatusConditions;

import java.util.Objects;
import java.util.Optional;

/**
 * A problem with the catalog payload of an applied query or policy. Missing and mismatching
 * payloads are warnings and self-heal on refresh (the digest is forgotten, so the next plan
 * re-creates and apply republishes); an unreadable payload is an error and keeps its digest
 * (transient I/O must not trigger a republish, and an unverifiable catalog must not look healthy).
 */
public sealed interface PayloadFinding {

    ClusterDiagnostic diagnostic(String address);

    /** The status refresh records; whether the digest is forgotten is {@link #forgetsDigest()}. */
    ResourceStatus status();

    boolean forgetsDigest();

    record Missing() implements PayloadFinding {
        @Override
        public ClusterDiagnostic diagnostic(String address) {
            return ClusterDiagnostic.warning(ClusterCodes.CATALOG_PAYLOAD_MISSING, address,
                    "catalog payload blob is missing; re-run `cluster apply` to republish");
        }

        @Override
        public ResourceStatus status() {
            return ResourceStatus.of(LifecycleStatus.DRIFTED, StatusConditions.PAYLOAD_MISSING,
                    "catalog payload blob is missing; re-run `cluster apply` to republish");
        }

        @Override
        public boolean forgetsDigest() {
            return true;
        }
    }

    record Mismatch(String actualDigest) implements PayloadFinding {
        public Mismatch {
            Objects.requireNonNull(actualDigest, "actualDigest");
        }

        @Override
        public ClusterDiagnostic diagnostic(String address) {
            return ClusterDiagnostic.warning(ClusterCodes.CATALOG_PAYLOAD_MISMATCH, address,
                    "catalog payload blob does not match the recorded digest (actual sha256:" + actualDigest
                            + "); re-run `cluster apply` to republish");
        }

        @Override
        public ResourceStatus status() {
            return ResourceStatus.of(LifecycleStatus.DRIFTED, StatusConditions.PAYLOAD_MISMATCH,
                    "catalog payload blob does not match the recorded digest; re-run `cluster apply` to republish");
        }

        @Override
        public boolean forgetsDigest() {
            return true;
        }
    }

    record ReadError(String error) implements PayloadFinding {
        public ReadError {
            Objects.requireNonNull(error, "error");
        }

        @Override
        public ClusterDiagnostic diagnostic(String address) {
            return ClusterDiagnostic.error(ClusterCodes.CATALOG_PAYLOAD_READ_ERROR, address, error);
        }

        @Override
        public ResourceStatus status() {
            return ResourceStatus.of(LifecycleStatus.ERROR, StatusConditions.PAYLOAD_READ_ERROR, error);
        }

        @Override
        public boolean forgetsDigest() {
            return false;
        }
    }

    /**
     * Verifies one payload read: absent ⇒ missing; content hashing to another digest ⇒ mismatch;
     * matching ⇒ no finding. {@code actualDigest} is the SHA-256 hex of the payload's bytes.
     */
    static Optional<PayloadFinding> verify(String recordedDigest, Optional<String> actualDigest) {
        if (actualDigest.isEmpty()) {
            return Optional.of(new Missing());
        }
        return actualDigest.get().equals(recordedDigest) ? Optional.empty()
                : Optional.of(new Mismatch(actualDigest.get()));
    }
}
