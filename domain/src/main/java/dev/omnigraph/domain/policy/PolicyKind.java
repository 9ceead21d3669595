package dev.omnigraph.domain.policy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a policy governs, and therefore which Cedar resource its actions apply to: one graph's contents
 * ({@code Omnigraph::Graph::"<id>"}) or the server's graph registry ({@code Omnigraph::Server::"root"}).
 * Every action has exactly one kind, every compiled engine serves exactly one kind, and a bundle may only
 * hold actions of the kind it is bound as.
 */
public enum PolicyKind {
    GRAPH("graph", "per-graph"),
    SERVER("server", "server-scoped");

    private final String wireName;
    private final String adjective;

    PolicyKind(String wireName, String adjective) {
        this.wireName = wireName;
        this.adjective = adjective;
    }

    /** The spelling of the bundle's optional {@code kind:} key. */
    public String wireName() {
        return wireName;
    }

    /** How messages qualify an action of this kind: {@code per-graph} or {@code server-scoped}. */
    public String adjective() {
        return adjective;
    }

    public static Optional<PolicyKind> fromWireName(String text) {
        return Arrays.stream(values()).filter(kind -> kind.wireName.equals(text)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(PolicyKind::wireName).toList();
    }
}
