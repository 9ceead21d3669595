package dev.omnigraph.bootstrap.endtoend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged distribution of this build: runs {@code bin/omnigraph} commands as processes. */
final class Distribution {

    private Distribution() {}

    /** The repository root (set by the build as {@code omnigraph.projectRoot}). */
    static Path projectRoot() {
        String configured = System.getProperty("omnigraph.projectRoot");
        Path root = configured == null || configured.isBlank() ? Path.of("..").toAbsolutePath().normalize()
                : Path.of(configured);
        if (!Files.isRegularFile(root.resolve("bin/omnigraph-server"))) {
            throw new IllegalStateException("no bin/omnigraph-server under " + root);
        }
        return root;
    }

    static Path bin(String name) {
        return projectRoot().resolve("bin").resolve(name);
    }

    /** What a finished command printed. */
    record Outcome(int exitCode, String stdout, String stderr) {
        Outcome requireSuccess() {
            if (exitCode != 0) {
                throw new AssertionError("command failed with exit " + exitCode + "\nstdout:\n" + stdout
                        + "\nstderr:\n" + stderr);
            }
            return this;
        }
    }

    /** Runs {@code bin/omnigraph args…} in {@code workDir} and waits (at most five minutes). */
    static Outcome omnigraph(Path workDir, Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>();
        command.add(bin("omnigraph").toString());
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile("omnigraph-cli", ".out");
            Path err = Files.createTempFile("omnigraph-cli", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("bin/omnigraph " + String.join(" ", args) + " did not finish in 5 minutes");
            }
            Outcome outcome = new Outcome(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return outcome;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
