package dev.omnigraph.domain.cluster.serving;

import java.util.Objects;

/** What reading one catalog payload found: its bytes, or why there are none (absent or a storage failure). */
public sealed interface CatalogPayloadRead {

    record Found(byte[] bytes) implements CatalogPayloadRead {
        public Found {
            Objects.requireNonNull(bytes, "bytes");
        }
    }

    record Unreadable(String reason) implements CatalogPayloadRead {
        public Unreadable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
