package dev.omnigraph.ports.out;

import dev.omnigraph.domain.json.JsonValue;

/**
 * Turns YAML text (one document) into the domain's immutable {@link JsonValue} tree, so the domain can
 * read {@code cluster.yaml} and policy bundles with the same strict readers it uses for JSON.
 *
 * <p>Mappings become objects with their key order kept, sequences arrays, scalars are typed by YAML's
 * core schema (plain {@code 1} is a number, {@code true} a boolean, {@code null}, {@code ~} and an empty
 * value are null; quoted scalars are always strings). Keys are turned into strings. A key repeated within
 * one mapping is <em>not</em> refused: the later value wins, because the caller scans the raw text for
 * duplicates itself and reports each one with its line. Thread-safe.
 */
public interface YamlDecoder {

    /**
     * Decodes one YAML document; an empty document decodes to JSON {@code null}.
     *
     * @param source a name for messages (a file name)
     * @throws MalformedYamlException with the line and column of the first problem, also for a stream of
     *     more than one document
     */
    JsonValue decode(String source, String text);
}
