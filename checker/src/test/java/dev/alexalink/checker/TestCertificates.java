package dev.alexalink.checker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private PKI made with Debian's openssl for the tests: a root CA, an intermediate CA signed by it, and server
 * certificates signed by the intermediate. Files are PEM, as Keycloak's --https-certificate-file takes them.
 */
final class TestCertificates {

    static final String ROOT_CN = "Checker Test Root CA";
    static final String INTERMEDIATE_CN = "Checker Test Intermediate CA";

    private final Path dir;

    private TestCertificates(Path dir) {
        this.dir = dir;
    }

    /** Creates the root and the intermediate CA in the directory. */
    static TestCertificates create(Path dir) {
        try {
            Files.createDirectories(dir);
            TestCertificates pki = new TestCertificates(dir);
            pki.openssl(
                    "req",
                    "-x509",
                    "-newkey",
                    "rsa:2048",
                    "-nodes",
                    "-keyout",
                    "root.key",
                    "-out",
                    "root.pem",
                    "-days",
                    "3650",
                    "-subj",
                    "/CN=" + ROOT_CN,
                    "-addext",
                    "basicConstraints=critical,CA:TRUE",
                    "-addext",
                    "keyUsage=critical,keyCertSign,cRLSign");
            Files.writeString(
                    dir.resolve("intermediate.ext"),
                    "basicConstraints=critical,CA:TRUE,pathlen:0\n"
                            + "keyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n");
            pki.openssl(
                    "req",
                    "-newkey",
                    "rsa:2048",
                    "-nodes",
                    "-keyout",
                    "intermediate.key",
                    "-out",
                    "intermediate.csr",
                    "-subj",
                    "/CN=" + INTERMEDIATE_CN);
            pki.openssl(
                    "x509",
                    "-req",
                    "-in",
                    "intermediate.csr",
                    "-CA",
                    "root.pem",
                    "-CAkey",
                    "root.key",
                    "-set_serial",
                    serial(),
                    "-days",
                    "1825",
                    "-extfile",
                    "intermediate.ext",
                    "-out",
                    "intermediate.pem");
            return pki;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A server certificate signed by the intermediate: name.pem, name.key, and name-fullchain.pem (certificate + intermediate). */
    Path server(String name, int days, String... subjectAltNames) {
        try {
            Files.writeString(
                    dir.resolve(name + ".ext"),
                    "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\n"
                            + "extendedKeyUsage=serverAuth\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n"
                            + "subjectAltName=" + String.join(",", subjectAltNames) + "\n");
            openssl(
                    "req",
                    "-newkey",
                    "rsa:2048",
                    "-nodes",
                    "-keyout",
                    name + ".key",
                    "-out",
                    name + ".csr",
                    "-subj",
                    "/CN=" + name);
            openssl(
                    "x509",
                    "-req",
                    "-in",
                    name + ".csr",
                    "-CA",
                    "intermediate.pem",
                    "-CAkey",
                    "intermediate.key",
                    "-set_serial",
                    serial(),
                    "-days",
                    String.valueOf(days),
                    "-extfile",
                    name + ".ext",
                    "-out",
                    name + ".pem");
            Files.writeString(
                    dir.resolve(name + "-fullchain.pem"),
                    Files.readString(dir.resolve(name + ".pem")) + Files.readString(dir.resolve("intermediate.pem")));
            return dir.resolve(name + ".pem");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path file(String name) {
        return dir.resolve(name);
    }

    Path root() {
        return dir.resolve("root.pem");
    }

    X509Certificate read(String file) {
        return TrustStore.readCertificates(dir.resolve(file), "test").get(0);
    }

    List<X509Certificate> readAll(String file) {
        return new ArrayList<>(TrustStore.readCertificates(dir.resolve(file), "test"));
    }

    private void openssl(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String serial() {
        return "0x" + new BigInteger(63, new SecureRandom()).toString(16);
    }
}
