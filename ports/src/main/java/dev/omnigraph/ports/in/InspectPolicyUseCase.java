package dev.omnigraph.ports.in;

/**
 * A cluster's applied Cedar policy bundles, as {@code omnigraph policy validate|test|explain --cluster} works with
 * them (cluster notes §2.8): read from the serving snapshot (exactly what a server enforces), compiled for the
 * scope they are bound to, and asked questions. Read-only.
 */
public interface InspectPolicyUseCase {

    /** Reads and compiles the selected bundle. */
    PolicyBundleResult validatePolicy(PolicyBundleQuery query);

    /** Runs a test file's cases against the selected bundle. */
    PolicyTestResult testPolicy(PolicyTestQuery query);

    /** Decides one request with the selected bundle and says which rule decided it. */
    PolicyExplainResult explainPolicy(PolicyExplainQuery query);
}
