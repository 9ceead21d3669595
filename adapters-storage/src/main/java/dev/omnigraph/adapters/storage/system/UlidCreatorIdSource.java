package dev.omnigraph.adapters.storage.system;

import com.github.f4b6a3.ulid.UlidCreator;
import dev.omnigraph.ports.out.IdSource;

/** {@link IdSource} on ulid-creator's monotonic factory (strictly increasing within the process). */
final class UlidCreatorIdSource implements IdSource {
    @Override
    public String newUlid() {
        return UlidCreator.getMonotonicUlid().toString();
    }
}
