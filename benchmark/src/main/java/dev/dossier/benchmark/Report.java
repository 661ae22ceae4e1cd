package dev.dossier.benchmark;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dossier.infrastructure.json.JsonSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/** The benchmark's outputs: results.json, an HTML chart, and a Markdown table for the README. */
final class Report {
    private final List<Result> results;
    private final String mode;
    private final double seconds;
    private final List<MachineProbe> probes;

    /** {@code probes}: the machine's file-system costs before and after the workloads. */
    Report(List<Result> results, String mode, double seconds, List<MachineProbe> probes) {
        this.results = results;
        this.mode = mode;
        this.seconds = seconds;
        this.probes = probes;
    }

    String json() {
        ObjectNode root = JsonSupport.mapper().createObjectNode();
        ObjectNode machine = root.putObject("machine");
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("arch", System.getProperty("os.arch"));
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put("mode", mode);
        machine.put("seconds", Math.round(seconds));
        ArrayNode measured = machine.putArray("fileSystemBeforeAndAfter");
        for (MachineProbe probe : probes) {
            ObjectNode node = measured.addObject();
            node.put("flushedAppendP50Micros", probe.flushedAppendMicros());
            node.put("createFileP50Micros", probe.createFileMicros());
            node.put("statP50Micros", probe.statMicros());
        }
        ArrayNode list = root.putArray("workloads");
        for (Result r : results) {
            ObjectNode node = list.addObject();
            node.put("name", r.name());
            node.put("unit", r.unit());
            node.put("higherIsBetter", r.higherIsBetter());
            measure(node.putObject("dossier"), r.dossier());
            measure(node.putObject("sqlite"), r.sqlite());
            node.put("ratio", round(r.ratio()));
        }
        try {
            return JsonSupport.prettyWriter().writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void measure(ObjectNode node, Measure m) {
        node.put("opsPerSec", round(m.opsPerSec()));
        node.put("p50Micros", round(m.p50Micros()));
        node.put("p99Micros", round(m.p99Micros()));
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    String markdown() {
        var out = new StringBuilder("| workload | Dossier | SQLite | ratio |\n|---|---|---|---|\n");
        for (Result r : results) {
            out.append("| ").append(r.name()).append(" | ").append(cell(r, r.dossier())).append(" | ")
                    .append(cell(r, r.sqlite())).append(" | ").append(String.format(Locale.ROOT, "%.2f", r.ratio()))
                    .append(" |\n");
        }
        return out.append("\nFile system p50, before / after the workloads: flushed 700-byte append ")
                .append(beforeAndAfter(MachineProbe::flushedAppendMicros)).append(" us; new 700-byte file ")
                .append(beforeAndAfter(MachineProbe::createFileMicros)).append(" us; stat ")
                .append(beforeAndAfter(MachineProbe::statMicros)).append(" us.\n").toString();
    }

    private String beforeAndAfter(ToDoubleFunction<MachineProbe> figure) {
        return probes.stream().map(p -> String.format(Locale.ROOT, "%.1f", figure.applyAsDouble(p)))
                .collect(Collectors.joining(" / "));
    }

    private static String cell(Result r, Measure m) {
        if (!r.higherIsBetter()) {
            return String.format(Locale.ROOT, "%.2f %s", m.opsPerSec(), r.unit());
        }
        return String.format(Locale.ROOT, "%,.0f %s, p50 %,.0f us, p99 %,.0f us", m.opsPerSec(), r.unit(),
                m.p50Micros(), m.p99Micros());
    }

    String html() {
        var out = new StringBuilder("<!doctype html><meta charset=utf-8><title>Dossier vs SQLite</title>")
                .append("<style>body{font:14px sans-serif;margin:2em}td{padding:2px 8px}.bar{height:14px}")
                .append(".d{background:#2a7}.s{background:#27a}</style><h1>Dossier vs SQLite (")
                .append(mode).append(" run)</h1><p>Ratio = Dossier over SQLite, oriented so that above 1 favours")
                .append(" Dossier; bars are scaled to the larger of the two.</p><table>");
        for (Result r : results) {
            double max = Math.max(r.dossier().opsPerSec(), r.sqlite().opsPerSec());
            out.append("<tr><td colspan=3><b>").append(r.name()).append("</b> (").append(r.unit())
                    .append(", ratio ").append(String.format(Locale.ROOT, "%.2f", r.ratio())).append(")</td></tr>");
            bar(out, "Dossier", "d", r.dossier().opsPerSec(), max);
            bar(out, "SQLite", "s", r.sqlite().opsPerSec(), max);
        }
        return out.append("</table><pre>").append(markdown()).append("</pre>").toString();
    }

    private static void bar(StringBuilder out, String label, String css, double value, double max) {
        out.append("<tr><td>").append(label).append("</td><td><div class='bar ").append(css).append("' style='width:")
                .append(Math.round(400 * value / max)).append("px'></div></td><td>")
                .append(String.format(Locale.ROOT, "%,.2f", value)).append("</td></tr>");
    }
}
