package dev.alexalink.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Writes a suite's figures to ${reliability.report.dir}/{name} and prints them. */
final class AttackSuiteReport {

    private AttackSuiteReport() {}

    static Path write(String name, String text) {
        Path dir = Path.of(System.getProperty("reliability.report.dir", "target/reliability"));
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(name);
            Files.writeString(file, text);
            System.out.println("=== " + file + "\n" + text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void append(String name, String text) {
        Path dir = Path.of(System.getProperty("reliability.report.dir", "target/reliability"));
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name), text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            System.out.println("=== " + dir.resolve(name) + " += \n" + text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
