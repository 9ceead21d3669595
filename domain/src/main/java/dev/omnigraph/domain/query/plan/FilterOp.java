package dev.omnigraph.domain.query.plan;

/**
 * Filter operators after overload resolution: the source keyword {@code contains} is split into list
 * membership and String substring by the left operand's type, so the executor never re-derives it.
 */
public enum FilterOp {
    EQ, NE, LT, LE, GT, GE,
    /** Left is a list: true when it contains the right value. */
    LIST_CONTAINS,
    /** Left is a String: exact, case-sensitive substring. */
    STRING_CONTAINS,
    /** Left is a String: exact, case-sensitive prefix. */
    STARTS_WITH
}
