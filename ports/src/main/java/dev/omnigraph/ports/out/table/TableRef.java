package dev.omnigraph.ports.out.table;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * One readable state of a table: a table location, a branch ({@value #MAIN} is the trunk) and either an
 * exact version or the branch's latest.
 */
public record TableRef(String location, String branch, OptionalLong version) {

    public static final String MAIN = "main";

    public TableRef {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(version, "version");
    }

    public static TableRef latest(String location, String branch) {
        return new TableRef(location, branch, OptionalLong.empty());
    }

    public static TableRef at(String location, String branch, long version) {
        return new TableRef(location, branch, OptionalLong.of(version));
    }

    public static TableRef mainLatest(String location) {
        return latest(location, MAIN);
    }
}
