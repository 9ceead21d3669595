package dev.omnigraph.domain.cluster;

import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonDigest;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A graph's admission policy for new external Blob references: {@link Deny} (the secure default
 * and the meaning of an absent ledger field) or {@link Allow} with a non-empty, sorted,
 * non-overlapping list of bases. Persisted internally tagged: {@code {"mode":"deny"}} or
 * {@code {"mode":"allow","bases":[{"uri","scope"}...]}}; the ledger omits Deny entirely, and the
 * graph composite digest includes the policy only when it is not Deny.
 */
public sealed interface ExternalBlobPolicy {

    JsonObject toJson();

    default boolean isDeny() {
        return this instanceof Deny;
    }

    /** The ledger spelling: absent for Deny, so pre-policy ledgers and digests stay stable. */
    default Optional<ExternalBlobPolicy> persisted() {
        return isDeny() ? Optional.empty() : Optional.of(this);
    }

    /** The policy a server installs: embedded-only bases dropped; nothing left means Deny. */
    default ExternalBlobPolicy serverSafeOnly() {
        if (this instanceof Allow allow) {
            List<ExternalBlobBase> kept = allow.bases().stream()
                    .filter(base -> base.scope() == ExternalBlobScope.SERVER_SAFE).toList();
            return kept.isEmpty() ? DENY : new Allow(kept);
        }
        return DENY;
    }

    Deny DENY = new Deny();

    record Deny() implements ExternalBlobPolicy {
        @Override
        public JsonObject toJson() {
            return JsonObject.builder().put("mode", "deny").build();
        }
    }

    record Allow(List<ExternalBlobBase> bases) implements ExternalBlobPolicy {
        public Allow {
            bases = List.copyOf(bases);
        }

        @Override
        public JsonObject toJson() {
            return JsonObject.builder()
                    .put("mode", "allow")
                    .put("bases", new JsonArray(bases.stream().<JsonValue>map(ExternalBlobBase::toJson).toList()))
                    .build();
        }
    }

    Comparator<ExternalBlobBase> BASE_ORDER = Comparator
            .comparing(ExternalBlobBase::uri, JsonDigest.CODE_POINT_ORDER)
            .thenComparing(ExternalBlobBase::scope);

    /**
     * An allow policy over already-normalised bases: sorted by URI then scope; rejected when empty
     * or when two bases overlap (one contains the other, or they are equal).
     */
    static Checked<ExternalBlobPolicy> allow(List<ExternalBlobBase> bases) {
        Objects.requireNonNull(bases, "bases");
        if (bases.isEmpty()) {
            return Checked.rejected(ExternalBlobUri.policyError(
                    "an allow policy must contain at least one external Blob base"));
        }
        List<ExternalBlobBase> sorted = new ArrayList<>(bases);
        sorted.sort(BASE_ORDER);
        List<ExternalBlobUri> parsed = new ArrayList<>();
        for (ExternalBlobBase base : sorted) {
            Checked<ExternalBlobUri> uri = ExternalBlobUri.parseBase(base.uri());
            if (uri instanceof Checked.Rejected<ExternalBlobUri> rejected) {
                return Checked.rejected(rejected.reason());
            }
            parsed.add(uri.orElseThrow());
        }
        for (int i = 0; i < parsed.size(); i++) {
            for (int j = i + 1; j < parsed.size(); j++) {
                if (parsed.get(i).overlaps(parsed.get(j))) {
                    return Checked.rejected(ExternalBlobUri.policyError("external Blob bases '" + sorted.get(i).uri()
                            + "' and '" + sorted.get(j).uri() + "' overlap; configure one unambiguous base"));
                }
            }
        }
        return Checked.accepted(new Allow(sorted));
    }

    /** Strictly reads the persisted shape; returns {@code null} after recording a problem. */
    static ExternalBlobPolicy read(StrictDocumentReader reader, JsonValue value, String path) {
        JsonObject object = reader.map(value, path, false);
        if (object == null) {
            return null;
        }
        JsonValue modeValue = reader.required(object, "mode", path);
        if (modeValue == null) {
            return null;
        }
        String mode = reader.variant(modeValue, StrictDocumentReader.child(path, "mode"), List.of("deny", "allow"));
        if (mode == null) {
            return null;
        }
        if (mode.equals("deny")) {
            reader.struct(object, path, "ExternalBlobPolicy::Deny", List.of("mode"), false);
            return DENY;
        }
        reader.struct(object, path, "ExternalBlobPolicy::Allow", List.of("mode", "bases"), false);
        JsonValue basesValue = reader.required(object, "bases", path);
        if (basesValue == null) {
            return null;
        }
        String basesPath = StrictDocumentReader.child(path, "bases");
        List<JsonValue> elements = reader.sequence(basesValue, basesPath, false);
        if (elements == null) {
            return null;
        }
        List<ExternalBlobBase> bases = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            String basePath = StrictDocumentReader.index(basesPath, i);
            JsonObject base = reader.struct(elements.get(i), basePath, "ExternalBlobBase", List.of("uri", "scope"), false);
            if (base == null) {
                continue;
            }
            String uri = reader.requiredString(base, "uri", basePath);
            JsonValue scopeValue = reader.required(base, "scope", basePath);
            String scope = scopeValue == null ? null
                    : reader.variant(scopeValue, StrictDocumentReader.child(basePath, "scope"), ExternalBlobScope.LABELS);
            if (uri != null && scope != null) {
                bases.add(new ExternalBlobBase(uri, ExternalBlobScope.fromLabel(scope).orElseThrow()));
            }
        }
        return new Allow(bases);
    }
}
