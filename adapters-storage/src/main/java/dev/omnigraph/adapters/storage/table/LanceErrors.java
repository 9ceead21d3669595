package dev.omnigraph.adapters.storage.table;

import dev.omnigraph.ports.out.table.CommitConflictException;
import dev.omnigraph.ports.out.table.InvalidTableRequestException;
import dev.omnigraph.ports.out.table.TableStorageException;
import dev.omnigraph.ports.out.table.TableStorageUnavailableException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises Lance's failures. Lance 7 signals nearly everything with unchecked {@link RuntimeException}
 * or {@link IllegalArgumentException} (and {@link IOException} thrown "sneakily" from native methods
 * that do not declare it), so the kind is read from the class <em>and</em> the message text of the Rust
 * error (lance-jni {@code error.rs}). The texts matched here were observed with lance-core 7.0.0; the
 * pinned-version guard test in this module fails when the library changes, and
 * {@code LanceTableStorageTest} provokes each of them.
 */
final class LanceErrors {

    /** Merge-insert lost a row-level race with {@code withConflictRetries(0)}. */
    private static final String TOO_MANY_WRITERS = "Too many concurrent writers";
    /** The conflict resolver refused to rebase over a concurrent transaction. */
    private static final String INCOMPATIBLE = "Incompatible transaction";
    /** Lance's CommitConflict / RetryableCommitConflict errors. */
    private static final String COMMIT_CONFLICT = "ommit conflict";
    private static final String ALREADY_EXISTS = "already exists";
    private static final String MATCHING_ROW = "found matching row with key values";
    private static final String AMBIGUOUS_MERGE = "Ambiguous merge inserts";
    private static final Pattern KEY_VALUE = Pattern.compile("=\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private LanceErrors() {}

    static boolean isConflict(Throwable e) {
        String message = message(e);
        return message.contains(TOO_MANY_WRITERS) || message.contains(INCOMPATIBLE) || message.contains(COMMIT_CONFLICT);
    }

    /** A missing dataset, branch or manifest ({@code Dataset at path … was not found}, {@code Not found: …}). */
    static boolean isNotFound(Throwable e) {
        String message = message(e);
        return message.contains("was not found") || message.startsWith("Not found") || message.contains("Not found:");
    }

    static boolean isAlreadyExists(Throwable e) {
        return message(e).contains(ALREADY_EXISTS);
    }

    /** Merge-insert's {@code withMatchedFail} found an existing key. */
    static boolean isMatchedKey(Throwable e) {
        return message(e).contains(MATCHING_ROW);
    }

    /** The keys a {@code withMatchedFail} error names ({@code id = "n6"}), possibly none. */
    static List<String> matchedKeys(Throwable e) {
        String message = message(e);
        int at = message.indexOf(MATCHING_ROW);
        List<String> keys = new ArrayList<>();
        if (at >= 0) {
            Matcher matcher = KEY_VALUE.matcher(message.substring(at));
            while (matcher.find()) {
                keys.add(matcher.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
            }
        }
        return keys;
    }

    /** The error text without Rust source locations and backtraces; never null. */
    static String message(Throwable e) {
        String message = e.getMessage();
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        int backtrace = message.indexOf("Rust backtrace");
        if (backtrace >= 0) {
            message = message.substring(0, backtrace);
        }
        int source = message.indexOf(", /workspace/");
        if (source >= 0) {
            message = message.substring(0, source);
        }
        return message.strip();
    }

    /**
     * The typed failure for an error whose kind does not depend on which table or version was asked for
     * (those are decided by the caller, which knows the context): a lost race is a
     * {@link CommitConflictException}, a refused input an {@link InvalidTableRequestException}, anything
     * else {@link TableStorageUnavailableException}.
     */
    static TableStorageException translate(Throwable e, String operation) {
        if (e instanceof TableStorageException typed) {
            return typed;
        }
        String message = message(e);
        String text = operation + ": " + message;
        if (isConflict(e)) {
            return new CommitConflictException(text, e);
        }
        if (message.contains(AMBIGUOUS_MERGE)) {
            return new InvalidTableRequestException(operation + ": the batch repeats a primary key (" + message + ")", e);
        }
        if (message.startsWith("Invalid user input") || message.contains("Invalid user input")
                || e instanceof UnsupportedOperationException) {
            return new InvalidTableRequestException(text, e);
        }
        return new TableStorageUnavailableException(text, e);
    }
}
