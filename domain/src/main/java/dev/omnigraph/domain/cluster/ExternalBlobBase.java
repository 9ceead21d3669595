package dev.omnigraph.domain.cluster;

import dev.omnigraph.domain.json.JsonObject;

import java.util.Objects;

/**
 * One allowed external Blob base as persisted: the normalised URI (always ending in {@code /})
 * and its scope. Build it through {@link #of} so the URI is normalised; instances decoded from a
 * ledger carry whatever the ledger says (the composite digest binds it).
 */
public record ExternalBlobBase(String uri, ExternalBlobScope scope) {

    public ExternalBlobBase {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(scope, "scope");
    }

    /** Normalises {@code rawUri}; a server-safe base may not use {@code file://}. */
    public static Checked<ExternalBlobBase> of(String rawUri, ExternalBlobScope scope) {
        Checked<ExternalBlobUri> parsed = ExternalBlobUri.parseBase(rawUri);
        if (parsed instanceof Checked.Rejected<ExternalBlobUri> rejected) {
            return Checked.rejected(rejected.reason());
        }
        ExternalBlobUri uri = parsed.orElseThrow();
        if (scope == ExternalBlobScope.SERVER_SAFE && uri.scheme().equals("file")) {
            return Checked.rejected(ExternalBlobUri.policyError("a server-safe external Blob base may not use file://"));
        }
        return Checked.accepted(new ExternalBlobBase(uri.renderBase(), scope));
    }

    /** Persisted shape {@code {"uri", "scope"}}. */
    public JsonObject toJson() {
        return JsonObject.builder().put("uri", uri).put("scope", scope.label()).build();
    }
}
