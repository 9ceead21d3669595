package dev.omnigraph.ports.in;

/** What a stored query returns: rows for a read, the change for a mutation (the reference's untagged union). */
public sealed interface StoredQueryInvocationResult permits ServedReadResult, ServedChangeResult {}
