package dev.omnigraph.adapters.cli.archcanary;

/** Canary: the CLI deciding authorization with Cedar itself. */
public class CliUsingCedar {
    com.cedarpolicy.model.policy.PolicySet policies;
}
