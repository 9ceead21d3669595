package dev.omnigraph.domain.schema;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stable diagnostic codes of the schema language. The reference reports schema errors as plain
 * strings; these codes are ours and never change meaning. {@code S0xx}: the text is not a
 * well-formed schema (syntax and local values); {@code S1xx}: it is well-formed but violates a
 * semantic rule. Lexical errors use the shared {@code L0xx} codes of
 * {@link dev.omnigraph.domain.lang.Lexer}.
 */
public final class SchemaCodes {

    private SchemaCodes() {
    }

    public static final String UNEXPECTED_TOKEN = "S001";
    public static final String EXPECTED_DECLARATION = "S002";
    public static final String EXPECTED_TYPE_NAME = "S003";
    public static final String EXPECTED_LOWER_NAME = "S004";
    public static final String UNKNOWN_TYPE = "S005";
    public static final String NUMBER_OUT_OF_RANGE = "S006";
    public static final String INVALID_VECTOR_DIMENSION = "S007";
    public static final String INVALID_LIST_ELEMENT = "S008";
    public static final String INVALID_ENUM = "S009";
    public static final String INVALID_CARDINALITY = "S010";
    public static final String MALFORMED_CONSTRAINT = "S011";
    public static final String MALFORMED_ANNOTATION = "S012";
    public static final String NESTING_TOO_DEEP = "S013";

    public static final String DUPLICATE_TYPE = "S101";
    public static final String EDGE_NAME_CASE_COLLISION = "S102";
    public static final String DUPLICATE_PROPERTY = "S103";
    public static final String RESERVED_PROPERTY_NAME = "S104";
    public static final String UNKNOWN_INTERFACE = "S105";
    public static final String INTERFACE_TYPE_MISMATCH = "S106";
    public static final String INCOMPATIBLE_INTERFACE_CONTRIBUTIONS = "S107";
    public static final String UNKNOWN_ENDPOINT_TYPE = "S108";
    public static final String ANNOTATION_NOT_ALLOWED_ON_TYPE = "S109";
    public static final String ANNOTATION_NOT_ALLOWED_ON_PROPERTY = "S110";
    public static final String UNSUPPORTED_PROPERTY_KIND = "S111";
    public static final String ANNOTATION_ARGUMENTS = "S112";
    public static final String DUPLICATE_ANNOTATION = "S113";
    public static final String INVALID_EMBED = "S114";
    public static final String UNKNOWN_PROPERTY = "S115";
    public static final String CONSTRAINT_NOT_ALLOWED_ON_EDGE = "S116";
    public static final String MULTIPLE_KEYS = "S117";
    public static final String NULLABLE_KEY = "S118";
    public static final String CONSTRAINT_TYPE_MISMATCH = "S119";

    /** Every schema code with a one-line meaning, in code order (the documentation table mirrors it). */
    public static Map<String, String> catalogue() {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put(UNEXPECTED_TOKEN, "a token other than the grammar allows here");
        codes.put(EXPECTED_DECLARATION, "top level holds something other than interface, node or edge");
        codes.put(EXPECTED_TYPE_NAME, "a type name (upper-case initial) is required here");
        codes.put(EXPECTED_LOWER_NAME, "a property, annotation or argument name (lower-case or '_' initial) is required here");
        codes.put(UNKNOWN_TYPE, "a property type that is not String, Blob, Bool, I32, I64, U32, U64, F32, F64, DateTime, Date, Vector(n), [T] or enum(...)");
        codes.put(NUMBER_OUT_OF_RANGE, "an integer or bound outside the range its position allows");
        codes.put(INVALID_VECTOR_DIMENSION, "Vector dimension zero");
        codes.put(INVALID_LIST_ELEMENT, "a list of Blob, Vector or enum");
        codes.put(INVALID_ENUM, "an enum with a malformed or duplicate value");
        codes.put(INVALID_CARDINALITY, "@card with min greater than max");
        codes.put(MALFORMED_CONSTRAINT, "body constraint arguments of the wrong form");
        codes.put(MALFORMED_ANNOTATION, "annotation arguments of the wrong form");
        codes.put(NESTING_TOO_DEEP, "input nested deeper than the parser allows");
        codes.put(DUPLICATE_TYPE, "two interfaces, two nodes or two edges share a name");
        codes.put(EDGE_NAME_CASE_COLLISION, "two edge names differ only in letter case");
        codes.put(DUPLICATE_PROPERTY, "a type declares a property name twice");
        codes.put(RESERVED_PROPERTY_NAME, "a property uses a storage system column name");
        codes.put(UNKNOWN_INTERFACE, "a node implements an interface that is not declared");
        codes.put(INTERFACE_TYPE_MISMATCH, "a node property's type differs from the interface's");
        codes.put(INCOMPATIBLE_INTERFACE_CONTRIBUTIONS, "interfaces contribute one property with different semantics");
        codes.put(UNKNOWN_ENDPOINT_TYPE, "an edge endpoint is not a declared node type");
        codes.put(ANNOTATION_NOT_ALLOWED_ON_TYPE, "@key, @unique, @index or @embed written on a type");
        codes.put(ANNOTATION_NOT_ALLOWED_ON_PROPERTY, "@instruction on a property, or @key/@embed on an edge property");
        codes.put(UNSUPPORTED_PROPERTY_KIND, "key/unique/index/embed on a list, vector or Blob property where not allowed");
        codes.put(ANNOTATION_ARGUMENTS, "an annotation given a value it does not take, or missing/empty the value it needs");
        codes.put(DUPLICATE_ANNOTATION, "an annotation written twice where only one is allowed");
        codes.put(INVALID_EMBED, "@embed on a non-vector property or from a non-String source");
        codes.put(UNKNOWN_PROPERTY, "a constraint or @embed names a property the type does not have");
        codes.put(CONSTRAINT_NOT_ALLOWED_ON_EDGE, "@key, @range or @check on an edge");
        codes.put(MULTIPLE_KEYS, "a node with more than one @key");
        codes.put(NULLABLE_KEY, "a @key property that is nullable");
        codes.put(CONSTRAINT_TYPE_MISMATCH, "@range on a non-numeric or @check on a non-String property");
        return codes;
    }
}
