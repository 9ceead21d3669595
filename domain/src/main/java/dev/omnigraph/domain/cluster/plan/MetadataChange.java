package dev.omnigraph.domain.cluster.plan;

import java.util.Locale;

/**
 * A metadata-only update (content digest unchanged): a policy's {@code applies_to} bindings or a
 * provider's recorded embedding profile differ from the desired ones, including ledgers written
 * before that metadata was recorded (the backfill case).
 */
public enum MetadataChange {
    POLICY_BINDINGS,
    EMBEDDING_PROFILE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
