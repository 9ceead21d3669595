package dev.omnigraph.domain.graph.recovery;

import java.util.Optional;

/**
 * How far a writer got, as recorded durably in its sidecar. {@link #ARMED} is written before the first table
 * effect; {@link #EFFECTS_CONFIRMED} only after every pinned table reached its final version, immediately before
 * the manifest publish. An armed sidecar whose tables moved is therefore a partial Phase B.
 */
public enum EffectPhase {
    ARMED("Armed"),
    EFFECTS_CONFIRMED("EffectsConfirmed");

    private final String jsonName;

    EffectPhase(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public static Optional<EffectPhase> fromJsonName(String name) {
        for (EffectPhase phase : values()) {
            if (phase.jsonName.equals(name)) {
                return Optional.of(phase);
            }
        }
        return Optional.empty();
    }
}
