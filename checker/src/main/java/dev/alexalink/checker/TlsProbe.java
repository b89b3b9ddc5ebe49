package dev.alexalink.checker;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

/**
 * One TLS handshake with the server, recording what it sent. The probe accepts any certificate so that it can report
 * what was served; it sends no application data, and the chain is judged afterwards by {@link ChainAnalysis}.
 */
public final class TlsProbe {

    /** ECDHE key exchange with AES-GCM, for RSA and ECDSA certificates: the suites modern HTTPS clients such as Amazon's use. */
    public static final List<String> AMAZON_TLS12_SUITES = List.of(
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");

    /** A completed handshake, or why it failed (then protocol, suite and certificates are null). */
    public record Handshake(String protocol, String cipherSuite, List<X509Certificate> certificates, String failure) {
        public boolean ok() {
            return failure == null;
        }
    }

    private TlsProbe() {}

    /** Handshakes with the given protocols and suites; null means the JDK's defaults. */
    public static Handshake handshake(
            String host, int port, List<String> protocols, List<String> suites, Duration timeout) {
        Recorder recorder = new Recorder();
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new javax.net.ssl.TrustManager[] {recorder}, null);
            try (Socket plain = new Socket()) {
                plain.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
                plain.setSoTimeout((int) timeout.toMillis());
                try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, true)) {
                    SSLParameters parameters = socket.getSSLParameters();
                    if (protocols != null) {
                        parameters.setProtocols(protocols.toArray(String[]::new));
                    }
                    if (suites != null) {
                        parameters.setCipherSuites(suites.toArray(String[]::new));
                    }
                    if (!host.matches("[0-9.]+|.*:.*")) {
                        parameters.setServerNames(List.of(new SNIHostName(host)));
                    }
                    socket.setSSLParameters(parameters);
                    socket.startHandshake();
                    SSLSession session = socket.getSession();
                    return new Handshake(session.getProtocol(), session.getCipherSuite(), recorder.chain, null);
                }
            }
        } catch (IOException e) {
            return new Handshake(null, null, recorder.chain, Failures.network(host, port, timeout, e));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot set up TLS: " + Failures.message(e), e);
        }
    }

    /** Records the server's certificates and accepts them: judging them is ChainAnalysis's job. */
    private static final class Recorder extends X509ExtendedTrustManager {
        private List<X509Certificate> chain;

        @Override
        public void checkServerTrusted(X509Certificate[] certificates, String authType) {
            chain = List.of(certificates);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] certificates, String authType, Socket socket) {
            chain = List.of(certificates);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] certificates, String authType, SSLEngine engine) {
            chain = List.of(certificates);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] certificates, String authType) {
            throw new UnsupportedOperationException("a client only checks servers");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] certificates, String authType, Socket socket) {
            throw new UnsupportedOperationException("a client only checks servers");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] certificates, String authType, SSLEngine engine) {
            throw new UnsupportedOperationException("a client only checks servers");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
