package dev.omnigraph.domain.schema.migration;

/** The reference's schema-lint codes attached to unsupported changes. */
public final class MigrationCodes {

    private MigrationCodes() {
    }

    /** Adding a required (non-null) property needs a backfill. */
    public static final String ADD_REQUIRED_PROPERTY = "OG-MF-103";
    /** Changing a property's type (other than pure enum widening). */
    public static final String PROPERTY_TYPE_CHANGE = "OG-MF-106";
}
