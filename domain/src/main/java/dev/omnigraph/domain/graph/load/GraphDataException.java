package dev.omnigraph.domain.graph.load;

import java.util.List;
import java.util.stream.Collectors;

/** Graph data refused before any effect, with every violation found (capped by the caller). */
public final class GraphDataException extends IllegalArgumentException {
    private final transient List<DataViolation> violations;

    public GraphDataException(List<DataViolation> violations) {
        super(render(violations));
        this.violations = List.copyOf(violations);
    }

    public GraphDataException(DataViolation violation) {
        this(List.of(violation));
    }

    public List<DataViolation> violations() {
        return violations;
    }

    /** The first violation's code. */
    public String code() {
        return violations.get(0).code();
    }

    private static String render(List<DataViolation> violations) {
        if (violations.size() == 1) {
            return violations.get(0).render();
        }
        return violations.size() + " data violations:\n" + violations.stream().map(v -> "  " + v.render())
                .collect(Collectors.joining("\n"));
    }
}
