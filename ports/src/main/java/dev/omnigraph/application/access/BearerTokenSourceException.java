package dev.omnigraph.application.access;

/**
 * The configured bearer token source cannot be used: an unsupported source is selected, the tokens file
 * cannot be read, a token document is not a JSON object of actor to token, or the tokens break a
 * configuration rule. Fatal at server start. Messages never contain a token.
 */
public final class BearerTokenSourceException extends RuntimeException {

    public BearerTokenSourceException(String message) {
        super(message);
    }

    public BearerTokenSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
