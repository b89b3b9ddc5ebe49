package dev.alexalink.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the corpus of forged redirect URIs ({@code forged-redirect-uris.txt}): one URI a line, {@code #} lines name
 * the attack class of the lines below them, blank lines are skipped, and {@code \}{@code uXXXX} is decoded so that the
 * file stays plain ASCII. Shared by {@link RedirectUriRuleTest} and the reliability suites (the rules module's test-jar).
 */
public final class ForgedRedirectUris {

    /** The classpath resource of the corpus in the rules module's tests. */
    public static final String RESOURCE = "/forged-redirect-uris.txt";

    /** One corpus line: as written, decoded, and the attack class (the last comment line above it). */
    public record Entry(String asWritten, String uri, String attackClass) {}

    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");

    private ForgedRedirectUris() {}

    public static List<Entry> read(InputStream in) {
        List<Entry> entries = new ArrayList<>();
        String attackClass = "(none)";
        boolean header = true;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty()) {
                    header = false;
                } else if (line.startsWith("#")) {
                    if (!header) {
                        attackClass = line.substring(1).trim();
                    }
                } else {
                    header = false;
                    entries.add(new Entry(line, decode(line), attackClass));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /** Decodes only {@code \}{@code uXXXX} escapes; every other backslash stays as written. */
    public static String decode(String line) {
        Matcher m = UNICODE_ESCAPE.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        }
        m.appendTail(out);
        return out.toString();
    }
}
