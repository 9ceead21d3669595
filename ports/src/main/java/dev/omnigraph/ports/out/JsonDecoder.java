package dev.omnigraph.ports.out;

import dev.omnigraph.domain.json.JsonValue;

/**
 * Turns JSON text into the domain's immutable {@link JsonValue} tree. The domain and the application
 * never parse text themselves; this port lets a well-kept parser do it.
 *
 * <p>Strict: duplicate object members, trailing content and non-JSON literals ({@code NaN}, comments,
 * single quotes) are refused. Numbers keep their exact decimal value and whether they were written as
 * floating point. Thread-safe.
 */
public interface JsonDecoder {

    /**
     * Decodes one JSON document.
     *
     * @param source a name for messages (a file name, {@code request body}, …)
     * @throws MalformedJsonException with the line and column of the first problem
     */
    JsonValue decode(String source, String text);
}
