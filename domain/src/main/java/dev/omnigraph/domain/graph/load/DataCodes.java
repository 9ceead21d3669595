package dev.omnigraph.domain.graph.load;

/** The stable codes of refused graph data. */
public final class DataCodes {
    private DataCodes() {}

    /** The record is not a {@code type} or {@code edge} envelope, or has unknown members. */
    public static final String MALFORMED_RECORD = "D001";
    /** The type or edge named does not exist in the schema. */
    public static final String UNKNOWN_TYPE = "D002";
    /** A value does not fit its property's type (incl. enum membership and vector width). */
    public static final String TYPE_MISMATCH = "D003";
    /** A non-nullable property is missing or null. */
    public static final String REQUIRED_MISSING = "D004";
    /** A property the type does not declare. */
    public static final String UNKNOWN_PROPERTY = "D005";
    /** A value outside its {@code @range}. */
    public static final String RANGE_VIOLATION = "D006";
    /** A value that does not match its {@code @check} pattern. */
    public static final String CHECK_VIOLATION = "D007";
    /** A supplied id that differs from the id derived from the key. */
    public static final String ID_MISMATCH = "D008";
    /** Two records of one load, or a record and committed data, share a {@code @unique} value. */
    public static final String UNIQUE_VIOLATION = "D009";
    /** An edge endpoint that names no node of the endpoint type. */
    public static final String DANGLING_ENDPOINT = "D010";
    /** A source node with more or fewer edges than the edge's {@code @card} allows. */
    public static final String CARDINALITY_VIOLATION = "D011";
    /** The same id twice in one strict (append/overwrite) load. */
    public static final String DUPLICATE_ID = "D012";
    /** A property type this build cannot load yet. */
    public static final String UNSUPPORTED_VALUE = "D013";
}
