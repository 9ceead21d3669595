package dev.omnigraph.domain.graph.recovery;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A recovery sidecar this build refuses to interpret. The sweep must fail loudly and keep the file: guessing at
 * the intent of an unreadable sidecar could publish or discard another writer's effects.
 */
public final class SidecarDecodeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the sidecar was refused. */
    public enum Problem {
        /** Written by a newer build whose semantics this one cannot know: upgrade omnigraph. */
        NEWER_SCHEMA_VERSION,
        /** A pre-v9 sidecar without table identities; never upgraded by inference. */
        OLDER_SCHEMA_VERSION,
        /** Not the v9 shape: a missing, unknown or ill-typed field, or inconsistent values. */
        MALFORMED
    }

    private final Problem problem;
    private final OptionalLong foundSchemaVersion;
    private final String detail;

    private SidecarDecodeException(Problem problem, OptionalLong foundSchemaVersion, String message, String detail) {
        super(message);
        this.problem = Objects.requireNonNull(problem, "problem");
        this.foundSchemaVersion = foundSchemaVersion;
        this.detail = detail;
    }

    static SidecarDecodeException newer(long found) {
        return new SidecarDecodeException(Problem.NEWER_SCHEMA_VERSION, OptionalLong.of(found),
                "recovery sidecar declares schema_version=" + found + ", newer than the maximum this build supports ("
                        + RecoverySidecar.SCHEMA_VERSION + "); refusing to interpret it: upgrade omnigraph, or remove "
                        + "the sidecar after operator review", "schema_version=" + found);
    }

    static SidecarDecodeException older(long found) {
        return new SidecarDecodeException(Problem.OLDER_SCHEMA_VERSION, OptionalLong.of(found),
                "recovery sidecar declares schema_version=" + found + ", older than the only version this build reads ("
                        + RecoverySidecar.SCHEMA_VERSION + "); pre-v9 sidecars carry no table identities and are never "
                        + "upgraded by inference: recover it with the build that wrote it, or remove it after operator review",
                "schema_version=" + found);
    }

    static SidecarDecodeException malformed(String detail) {
        return new SidecarDecodeException(Problem.MALFORMED, OptionalLong.empty(),
                "recovery sidecar is not a valid schema-v" + RecoverySidecar.SCHEMA_VERSION + " sidecar: " + detail, detail);
    }

    public Problem problem() {
        return problem;
    }

    /** What was wrong, without the sentence around it: a JSON path and the problem there. */
    public String detail() {
        return detail;
    }

    /** The declared {@code schema_version} when the refusal is about the version. */
    public OptionalLong foundSchemaVersion() {
        return foundSchemaVersion;
    }
}
