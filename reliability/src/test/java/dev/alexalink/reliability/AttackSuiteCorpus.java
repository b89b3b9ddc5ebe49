package dev.alexalink.reliability;

import dev.alexalink.rules.ForgedRedirectUris;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The forged redirect URI corpus, read from the file named by the system property forged.redirect.uris. */
final class AttackSuiteCorpus {

    private AttackSuiteCorpus() {}

    static List<ForgedRedirectUris.Entry> forged() {
        String file = System.getProperty("forged.redirect.uris");
        if (file == null) {
            throw new IllegalStateException("system property forged.redirect.uris (the corpus file) is not set");
        }
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            return ForgedRedirectUris.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
