package dev.omnigraph.domain.graph;

import java.util.Collection;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The naming rules of graph branches (engine notes §1.5): {@code main} is reserved, names may be
 * slash-separated paths ({@code review/2026-07}) but live names must be path-prefix-disjoint
 * ({@code review} and {@code review/x} cannot both exist, since a branch's tables live under
 * {@code tree/<name>}), and names starting with {@code __} belong to the engine.
 */
public final class BranchNames {

    /** The trunk every graph has. */
    public static final String MAIN = "main";

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._-]+");

    private BranchNames() {
    }

    /** Why {@code name} cannot be created next to {@code existing} branches, or empty when it can. */
    public static Optional<String> refusal(String name, Collection<String> existing) {
        if (name == null || name.isEmpty()) {
            return Optional.of("a branch name cannot be empty");
        }
        if (name.equals(MAIN)) {
            return Optional.of("'main' is reserved");
        }
        if (name.startsWith("__")) {
            return Optional.of("branch names starting with '__' are reserved for the engine");
        }
        for (String segment : name.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
                return Optional.of("invalid branch name '" + name + "': use letters, digits, '.', '_', '-' in "
                        + "'/'-separated segments, with no empty, '.' or '..' segment");
            }
        }
        for (String other : existing) {
            if (other.equals(name)) {
                return Optional.of("branch '" + name + "' already exists");
            }
            if (other.startsWith(name + "/") || name.startsWith(other + "/")) {
                return Optional.of("branch '" + name + "' would overlap existing branch '" + other
                        + "' (live branch names must not be path prefixes of each other)");
            }
        }
        return Optional.empty();
    }

    /** Whether a branch is the engine's own and hidden from listings. */
    public static boolean isInternal(String name) {
        return name.startsWith("__");
    }
}
