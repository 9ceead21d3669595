package dev.omnigraph.adapters.storage.codec;

import dev.omnigraph.ports.out.JsonDecoder;
import dev.omnigraph.ports.out.YamlDecoder;

/** Factory of the text codecs; the codec classes themselves stay package-private. */
public final class Codecs {

    private static final JsonDecoder JSON = new JacksonJsonDecoder();
    private static final YamlDecoder YAML = new JacksonYamlDecoder();

    private Codecs() {}

    /** The strict JSON decoder (thread-safe, shareable). */
    public static JsonDecoder json() {
        return JSON;
    }

    /** The YAML decoder (one document, key order kept, repeated keys let through; thread-safe, shareable). */
    public static YamlDecoder yaml() {
        return YAML;
    }
}
