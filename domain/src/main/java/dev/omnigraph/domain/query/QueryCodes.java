package dev.omnigraph.domain.query;

/**
 * Every stable diagnostic code of the query language. Codes never change meaning once published;
 * {@code docs/query-language.md} explains each with an example.
 *
 * <ul>
 *   <li>{@code Q000}: the lint finding code for "the file does not parse" (the reference's code).
 *   <li>{@code Q001}–{@code Q099}: syntax errors of {@code .gq} text (the reference reports these as
 *       uncoded parse errors). Lexical errors keep the shared lexer's {@code L001}–{@code L005}.
 *   <li>{@code T1}–{@code T24}: the reference's typecheck codes.
 *   <li>{@code Q101}–{@code Q199}: typecheck errors the reference reports without a code.
 *   <li>{@code L201}: lint warning, a nullable property no update query sets.
 *   <li>{@code Q201}–{@code Q299}: static mutation rules the engine enforces before any I/O.
 * </ul>
 */
public final class QueryCodes {

    /** Lint: the query file failed to parse (any syntax or lexical error). */
    public static final String LINT_PARSE_ERROR = "Q000";

    /** A token that the grammar does not allow here ("expected X, found Y"). */
    public static final String UNEXPECTED_TOKEN = "Q001";
    /** Expressions, list literals or {@code not} blocks nested deeper than the parser allows. */
    public static final String NESTING_TOO_DEEP = "Q002";
    /** An integer literal, limit, hop bound or vector dimension that does not fit its range. */
    public static final String NUMBER_OUT_OF_RANGE = "Q003";
    /** A second {@code @description} or {@code @instruction} on one query. */
    public static final String DUPLICATE_ANNOTATION = "Q004";
    /** A query annotation other than {@code @description} / {@code @instruction}. */
    public static final String UNSUPPORTED_ANNOTATION = "Q005";
    /** {@code asc}/{@code desc} after a {@code nearest(...)} ordering. */
    public static final String NEAREST_DIRECTION = "Q006";
    /** An {@code rrf(...)} rank argument that is not {@code nearest(...)} or {@code bm25(...)}. */
    public static final String RRF_RANK_ARGUMENT = "Q007";
    /** {@code contains}/{@code starts_with} in a mutation {@code where}, which accepts comparisons only. */
    public static final String MUTATION_PREDICATE_OPERATOR = "Q008";
    /** A name of the wrong shape (type names start upper-case, other names lower-case or {@code _}). */
    public static final String NAME_SHAPE = "Q009";

    /** A variable bound to one node type is bound again to another. */
    public static final String REBOUND_VARIABLE = "Q101";
    /** A parameter type the type system cannot represent (for example {@code Vector(0)}). */
    public static final String UNKNOWN_PARAMETER_TYPE = "Q102";
    /** A parameter named like the runtime's reserved timestamp parameter. */
    public static final String RESERVED_PARAMETER = "Q103";
    /** A nested list literal, or list elements of incompatible types. */
    public static final String LIST_LITERAL_SHAPE = "Q104";
    /** The requested query name is not declared in the file. */
    public static final String UNKNOWN_QUERY = "Q105";

    /** Lint: a nullable property that no update query in the file assigns. */
    public static final String LINT_UNSET_PROPERTY = "L201";

    /** One mutation query mixes inserts/updates with deletes (engine rule, checked before I/O). */
    public static final String MIXED_MUTATION = "Q201";
    /** An update assigns an {@code @key} property (engine rule, checked before I/O). */
    public static final String KEY_UPDATE = "Q202";

    /** The reference's typecheck codes, {@code T1}…{@code T24}. */
    public static String typeCode(int number) {
        if (number < 1 || number > 24) {
            throw new IllegalArgumentException("typecheck codes run T1..T24, not T" + number);
        }
        return "T" + number;
    }

    private QueryCodes() {
    }
}
