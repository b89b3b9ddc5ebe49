package dev.alexalink.bench.load;

import dev.alexalink.bench.load.LoadBenchmark.ScenarioResult;
import dev.alexalink.bench.load.LoadBenchmark.Step;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Writes the run's figures as report.md (the tables docs/benchmarks.md quotes) and latency.png (the plot). */
final class LoadReport {

    static final String REPORT = "report.md";
    static final String PLOT = "latency.png";

    private LoadReport() {}

    static Path write(
            LoadPlan plan, BenchServer server, List<ScenarioResult> results, List<String> failedRuns, double minutes) {
        StringBuilder md = new StringBuilder();
        md.append("# Load benchmark: Alexa client vs control client\n\n");
        md.append("- Machine: ")
                .append(BenchServer.machine() + "; Keycloak, PostgreSQL and Gatling share it")
                .append('\n');
        md.append("- Keycloak ")
                .append(server.keycloakVersion())
                .append(", production mode (`kc.sh start`), ")
                .append(server.databaseDescription())
                .append("; Java ")
                .append(System.getProperty("java.version"))
                .append("; Gatling ")
                .append(gatlingVersion())
                .append(" on the same machine\n");
        plan.describe()
                .forEach((name, value) -> md.append("- ")
                        .append(capitalize(name))
                        .append(": ")
                        .append(value)
                        .append('\n'));
        md.append(String.format(Locale.ROOT, "- Duration of the whole run: %.1f min%n", minutes));
        md.append("- Command: `mvn -Pload -pl bench -am verify`\n\n");

        md.append("## Throughput at saturation\n\n");
        md.append(
                "| Scenario | Alexa | Control | Alexa/control | Rounds (Alexa; control) |\n|---|---:|---:|---:|---|\n");
        for (ScenarioResult result : results) {
            double alexa = result.meanSaturation("Alexa");
            double control = result.meanSaturation("control");
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %.1f %s | %.1f %s | **%.3f** | %s; %s |%n",
                    result.scenario().id(),
                    alexa,
                    result.scenario().unit(),
                    control,
                    result.scenario().unit(),
                    alexa / control,
                    list(result.saturation().get("Alexa")),
                    list(result.saturation().get("control"))));
        }

        md.append("\n## Latency at half of saturation (token endpoint)\n\n");
        md.append("The same offered load for both clients: half of the control client's saturation throughput.\n\n");
        md.append(
                "| Scenario | Offered | Alexa p50 / p95 / p99 | Control p50 / p95 / p99 | p99 Alexa/control |\n|---|---:|---:|---:|---:|\n");
        for (ScenarioResult result : results) {
            Step alexa = result.step(LoadPlan.HALF, "Alexa");
            Step control = result.step(LoadPlan.HALF, "control");
            md.append(latencyRow(
                    result.scenario().id() + " (`" + result.scenario().tokenRequest() + "` request)",
                    alexa.offered(),
                    result.scenario().unit(),
                    alexa.token(),
                    control.token()));
            if (alexa.link() != null) {
                md.append(latencyRow(
                        "link (whole link, 4 requests)",
                        alexa.offered(),
                        result.scenario().unit(),
                        alexa.link(),
                        control.link()));
            }
        }

        md.append("\n## Every offered-load step\n\n");
        md.append(
                "| Scenario | Fraction | Offered | Client | Achieved | p50 ms | p95 ms | p99 ms | Failed |\n|---|---:|---:|---|---:|---:|---:|---:|---:|\n");
        for (ScenarioResult result : results) {
            for (Step step : result.steps()) {
                md.append(String.format(
                        Locale.ROOT,
                        "| %s | %.2f | %.1f/s | %s | %.1f/s | %.0f | %.0f | %.0f | %d |%n",
                        result.scenario().id(),
                        step.fraction(),
                        step.offered(),
                        step.client().label(),
                        step.token().perSecond(plan.stepSeconds()),
                        step.token().p50(),
                        step.token().p95(),
                        step.token().p99(),
                        step.failures()));
            }
        }
        md.append("\nFailed runs: ")
                .append(failedRuns.isEmpty() ? "none" : String.join("; ", failedRuns))
                .append('\n');
        md.append("\n![Latency against offered load](").append(PLOT).append(")\n");

        Path out = plan.out().toAbsolutePath();
        try {
            Files.writeString(out.resolve(REPORT), md.toString(), StandardCharsets.UTF_8);
            plot(results, out.resolve(PLOT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.resolve(REPORT);
    }

    private static String latencyRow(
            String name, double offered, String unit, GatlingRun.Figures alexa, GatlingRun.Figures control) {
        return String.format(
                Locale.ROOT,
                "| %s | %.1f %s | %.0f / %.0f / %.0f ms | %.0f / %.0f / %.0f ms | %.2f |%n",
                name,
                offered,
                unit,
                alexa.p50(),
                alexa.p95(),
                alexa.p99(),
                control.p50(),
                control.p95(),
                control.p99(),
                alexa.p99() / Math.max(1, control.p99()));
    }

    /** One panel per scenario: p50 and p99 of the token request against offered load, Alexa and control. */
    static void plot(List<ScenarioResult> results, Path file) throws IOException {
        int width = 900;
        int panelHeight = 320;
        BufferedImage image = new BufferedImage(width, panelHeight * results.size(), BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        for (int i = 0; i < results.size(); i++) {
            ScenarioResult result = results.get(i);
            XYSeriesCollection data = new XYSeriesCollection();
            for (String label : List.of("Alexa", "control")) {
                XYSeries p50 = new XYSeries(label + " p50");
                XYSeries p99 = new XYSeries(label + " p99");
                for (Step step : result.steps()) {
                    if (step.client().label().equals(label)) {
                        p50.add(step.offered(), step.token().p50());
                        p99.add(step.offered(), step.token().p99());
                    }
                }
                data.addSeries(p50);
                data.addSeries(p99);
            }
            JFreeChart chart = ChartFactory.createXYLineChart(
                    result.scenario().id() + ": " + result.scenario().tokenRequest()
                            + " request latency against offered load",
                    "offered load (" + result.scenario().unit() + ")",
                    "latency (ms)",
                    data,
                    PlotOrientation.VERTICAL,
                    true,
                    false,
                    false);
            XYPlot plot = chart.getXYPlot();
            plot.setBackgroundPaint(Color.WHITE);
            plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
            plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
            XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
            Color alexaColor = new Color(0x00, 0x5f, 0x73);
            Color controlColor = new Color(0xca, 0x67, 0x02);
            BasicStroke solid = new BasicStroke(2f);
            BasicStroke dashed =
                    new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
            renderer.setSeriesPaint(0, alexaColor);
            renderer.setSeriesStroke(0, dashed);
            renderer.setSeriesPaint(1, alexaColor);
            renderer.setSeriesStroke(1, solid);
            renderer.setSeriesPaint(2, controlColor);
            renderer.setSeriesStroke(2, dashed);
            renderer.setSeriesPaint(3, controlColor);
            renderer.setSeriesStroke(3, solid);
            plot.setRenderer(renderer);
            chart.draw(graphics, new Rectangle2D.Double(0, (double) i * panelHeight, width, panelHeight));
        }
        graphics.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static String list(List<Double> values) {
        return values.stream()
                .map(value -> String.format(Locale.ROOT, "%.1f", value))
                .collect(Collectors.joining(", "));
    }

    private static String gatlingVersion() {
        String version = io.gatling.javaapi.core.Simulation.class.getPackage().getImplementationVersion();
        return version != null ? version : "(version unknown)";
    }

    private static String capitalize(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
