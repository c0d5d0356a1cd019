package io.sanctionsrisk.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Runs the fetched tools (kubectl, node) with a time limit, output captured through files. */
final class Processes {

    private static final AtomicLong RUNS = new AtomicLong();

    private Processes() {}

    record Result(int exitCode, String stdout, String stderr) {}

    static Result run(List<String> command, Duration timeout) {
        try {
            Path work = Files.createDirectories(Locations.workDir().resolve("processes"));
            long run = RUNS.incrementAndGet();
            Path out = work.resolve(ProcessHandle.current().pid() + "-" + run + ".out");
            Path err = work.resolve(ProcessHandle.current().pid() + "-" + run + ".err");
            Process process = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out after " + timeout + ": " + command);
            }
            Result result = new Result(
                    process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + command, e);
        }
    }
}
