package dev.omnigraph.domain.policy;

import java.util.List;
import java.util.Objects;

/** The outcome of reading a policy bundle file: a valid bundle, or every problem found in it. */
public sealed interface PolicyBundleRead {

    record Valid(PolicyBundle bundle) implements PolicyBundleRead {
        public Valid {
            Objects.requireNonNull(bundle, "bundle");
        }
    }

    /**
     * @param file the file as the caller named it
     * @param problems each {@code <key path>: <reason>}, in document order (shape problems first)
     */
    record Invalid(String file, List<String> problems) implements PolicyBundleRead {
        public Invalid {
            Objects.requireNonNull(file, "file");
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("an invalid bundle has at least one problem");
            }
        }

        /** One line for a diagnostic or an error: {@code policy file '<file>' is invalid: <p1>; <p2>}. */
        public String message() {
            return "policy file '" + file + "' is invalid: " + String.join("; ", problems);
        }
    }
}
