package dev.alexalink.it;

import dev.alexalink.testkit.server.AlexaServer;
import dev.alexalink.testkit.server.Http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** What a Prometheus scrape of Keycloak's management interface ({@code /metrics}) sees. */
final class PrometheusMetrics {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)\\{(.*)}\\s+(\\S+)(\\s+\\d+)?$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final String text;

    private PrometheusMetrics(String text) {
        this.text = text;
    }

    static PrometheusMetrics scrape() throws IOException, InterruptedException {
        URI metrics = URI.create(AlexaServer.server().managementBaseUrl() + "/metrics");
        HttpResponse<String> response = Http.client()
                .send(
                        HttpRequest.newBuilder(metrics)
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("/metrics on the management port").isEqualTo(200);
        return new PrometheusMetrics(response.body());
    }

    /** The value of the series with exactly these labels, or 0 when there is none (a counter not counted yet). */
    double value(String name, Map<String, String> labels) {
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line.trim());
            if (sample.matches()
                    && sample.group(1).equals(name)
                    && labels(sample.group(2)).equals(labels)) {
                return Double.parseDouble(sample.group(3));
            }
        }
        return 0;
    }

    /** Every line about the metric, for assertion messages. */
    String lines(String name) {
        StringBuilder lines = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.startsWith(name) || line.startsWith("# HELP " + name) || line.startsWith("# TYPE " + name)) {
                lines.append(line).append('\n');
            }
        }
        return lines.toString();
    }

    private static Map<String, String> labels(String text) {
        Map<String, String> labels = new HashMap<>();
        Matcher label = LABEL.matcher(text);
        while (label.find()) {
            labels.put(label.group(1), label.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
        }
        return labels;
    }
}
