package dev.omnigraph.adapters.storage.codec;

import dev.omnigraph.ports.out.JsonDecoder;

/** Factory of the text codecs; the codec classes themselves stay package-private. */
public final class Codecs {

    private static final JsonDecoder JSON = new JacksonJsonDecoder();

    private Codecs() {}

    /** The strict JSON decoder (thread-safe, shareable). */
    public static JsonDecoder json() {
        return JSON;
    }
}
