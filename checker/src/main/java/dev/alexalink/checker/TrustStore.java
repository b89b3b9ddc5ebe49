package dev.alexalink.checker;

import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The certificates a TLS client trusts: the JDK's trust store (what Amazon's clients trust is close to it: the public
 * CAs), plus optional extra CA certificates for private CAs. Extra CAs are only anchors: the server must still send
 * every intermediate.
 */
public final class TrustStore {

    private final List<X509Certificate> anchors;

    private TrustStore(List<X509Certificate> anchors) {
        this.anchors = List.copyOf(anchors);
    }

    public static TrustStore jdkPlus(List<X509Certificate> extra) {
        List<X509Certificate> all = new ArrayList<>(jdkAnchors());
        all.addAll(extra);
        return new TrustStore(all);
    }

    /** Only the given anchors (unit tests, and the extra CAs' own check). */
    public static TrustStore of(List<X509Certificate> anchors) {
        return new TrustStore(anchors);
    }

    public List<X509Certificate> certificates() {
        return anchors;
    }

    public Set<TrustAnchor> trustAnchors() {
        Set<TrustAnchor> set = new LinkedHashSet<>();
        anchors.forEach(c -> set.add(new TrustAnchor(c, null)));
        return set;
    }

    /** A key store of the anchors, for the JDK's own PKIX trust manager (which checks the host name too). */
    public KeyStore keyStore() {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            for (int i = 0; i < anchors.size(); i++) {
                store.setCertificateEntry("anchor-" + i, anchors.get(i));
            }
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("an empty in-memory key store always loads", e);
        }
    }

    /** Reads every certificate of a PEM (or DER) file; fails naming the file when it holds none. */
    public static List<X509Certificate> readCertificates(Path file, String option) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new InvalidInputException(option + " '" + file + "' is not a readable file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> certificates = new ArrayList<>();
            CertificateFactory.getInstance("X.509")
                    .generateCertificates(in)
                    .forEach(c -> certificates.add((X509Certificate) c));
            if (certificates.isEmpty()) {
                throw new InvalidInputException(option + " '" + file
                        + "' holds no certificate: it must be a PEM file with " + "-----BEGIN CERTIFICATE----- blocks");
            }
            return certificates;
        } catch (CertificateException e) {
            throw new InvalidInputException(
                    option + " '" + file + "' is not a PEM certificate file: " + Failures.message(e));
        } catch (IOException e) {
            throw new InvalidInputException(option + " '" + file + "' cannot be read: " + Failures.message(e));
        }
    }

    private static List<X509Certificate> jdkAnchors() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            return Arrays.stream(factory.getTrustManagers())
                    .filter(X509TrustManager.class::isInstance)
                    .flatMap(m -> Arrays.stream(((X509TrustManager) m).getAcceptedIssuers()))
                    .toList();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's trust store cannot be read: " + Failures.message(e), e);
        }
    }
}
