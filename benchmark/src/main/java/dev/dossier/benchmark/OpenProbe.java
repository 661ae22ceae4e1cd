package dev.dossier.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Workload 7 in a fresh JVM, as a host that starts and opens its store meets it: a child process with the
 * JVM's default heap opens one subject's store, loads one aggregate, and prints the nanoseconds from its
 * {@code main} to that first read (JVM start-up itself not included).
 */
final class OpenProbe {
    /** The probe's names of the subjects, in the order of {@link Workloads#subjects()}. */
    static final List<String> SUBJECTS = List.of("dossier", "sqlite");

    private OpenProbe() {
    }

    /** Arguments: the subject ({@code dossier} or {@code sqlite}) and the store's directory. */
    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        Path dir = Path.of(args[1]);
        try (Subject s = args[0].equals("dossier") ? new DossierSubject(dir, true) : new SqliteSubject(dir, true)) {
            s.load("agg-1");
            System.out.println(System.nanoTime() - start);
        }
    }

    /** Runs the probe on {@code subject}'s store at {@code dir} in a child JVM; returns its nanoseconds. */
    static long inFreshJvm(String subject, Path dir) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = List.of(java, "-cp", System.getProperty("java.class.path"), OpenProbe.class.getName(), subject,
                dir.toString());
        Process child = null;
        try {
            Path out = Files.createTempFile("open-probe-", ".txt");
            child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            boolean ended = child.waitFor(5, TimeUnit.MINUTES);
            String output = new String(Files.readAllBytes(out), StandardCharsets.UTF_8).trim();
            Files.delete(out);
            String last = output.substring(output.lastIndexOf('\n') + 1);
            if (!ended || child.exitValue() != 0 || !last.matches("[0-9]+")) {
                throw new IllegalStateException("the open probe failed: " + output);
            }
            return Long.parseLong(last);
        } catch (IOException e) {
            throw new IllegalStateException("the open probe could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the open probe ran", e);
        } finally {
            if (child != null) {
                child.destroyForcibly();
            }
        }
    }
}
