package io.sanctionsrisk.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** What the suite's benchmarks share: the median of their rounds, the machine's load, and where they report. */
final class BenchReport {

    private BenchReport() {}

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** The load average line of /proc/loadavg, which every figure is quoted with. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Writes the report to target/benchmark/{@code fileName} and prints it. */
    static void write(String fileName, String report) throws IOException {
        Path out = Path.of("target", "benchmark", fileName);
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println("\n" + report);
    }
}
