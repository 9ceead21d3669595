package dev.omnigraph.application.query;

/**
 * The query uses a capability this build does not have yet. Raised before any data is read, so a
 * caller never sees a partial or approximated answer.
 */
public final class UnsupportedQueryFeatureException extends QueryExecutionException {

    private static final long serialVersionUID = 1L;

    private final String feature;

    UnsupportedQueryFeatureException(String feature, String message) {
        super(QueryErrorCode.FEATURE_NOT_SUPPORTED, message);
        this.feature = feature;
    }

    /** The feature's name as the query spells it ({@code nearest}, {@code bm25}, {@code search}, …). */
    public String feature() {
        return feature;
    }
}
