package dev.alexalink.checker;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** HTTPS on 443, the certificate, its chain, and TLS 1.2 with the suites Amazon's clients offer. */
public final class TransportChecks {

    public static final String HTTPS = "HTTPS on port 443";
    public static final String TLS_CONNECTION = "TLS connection";
    public static final String TLS12 = "TLS 1.2 with Amazon's cipher suites";

    /** The checks, and whether Amazon could open a connection at all (null if it could, else the check that stops it). */
    public record Result(List<Check> checks, String blocker) {}

    private TransportChecks() {}

    public static Result run(Target target, TrustStore trust, Instant now) {
        List<Check> checks = new ArrayList<>();
        String host = target.issuer().getHost();
        int port = target.port();
        checks.add(httpsOn443(target));
        if (!target.https()) {
            String reason = "the issuer is plain http: there is no TLS to check";
            checks.add(Check.skip(ChainAnalysis.CERTIFICATE, reason));
            checks.add(Check.skip(ChainAnalysis.CHAIN, reason));
            checks.add(Check.skip(TLS12, reason));
            return new Result(checks, null);
        }
        TlsProbe.Handshake any = TlsProbe.handshake(host, port, null, null, target.timeout());
        if (!any.ok()) {
            String detail = any.failure();
            checks.add(
                    Check.fail(
                            TLS_CONNECTION,
                            detail,
                            detail.contains(": unknown host ")
                                    ? "give " + host
                                            + " a public DNS record (A or AAAA) that points to the server: Amazon "
                                            + "resolves it on the internet"
                                    : "check that the server listens on " + host + ":" + port
                                            + " and serves TLS there (a firewall, a wrong port, or plain HTTP on an https URL)"));
            checks.add(Check.skip(ChainAnalysis.CERTIFICATE, "no certificate was received"));
            checks.add(Check.skip(ChainAnalysis.CHAIN, "no certificate was received"));
            checks.add(Check.skip(TLS12, "no TLS handshake at all"));
            return new Result(checks, TLS_CONNECTION);
        }
        Check certificate = ChainAnalysis.certificate(any.certificates(), host, now);
        Check chain = ChainAnalysis.chain(any.certificates(), trust, now);
        checks.add(certificate);
        checks.add(chain);
        Check tls12 = tls12(host, port, any, target);
        checks.add(tls12);
        String blocker = null;
        if (tls12.outcome() == Outcome.FAIL) {
            blocker = TLS12;
        } else if (chain.outcome() == Outcome.FAIL) {
            blocker = ChainAnalysis.CHAIN;
        } else if (!ChainAnalysis.acceptedByClients(any.certificates(), host, now)) {
            blocker = ChainAnalysis.CERTIFICATE;
        }
        return new Result(checks, blocker);
    }

    static Check httpsOn443(Target target) {
        if (!target.https()) {
            return Check.fail(
                    HTTPS,
                    "the issuer " + target.issuer() + " is plain http; Amazon calls only https URLs on port 443",
                    "serve the realm over HTTPS on port 443: Keycloak with --https-port=443 --https-certificate-file=fullchain.pem "
                            + "--https-certificate-key-file=privkey.pem, or a TLS proxy on 443 in front of it (with KC_PROXY_HEADERS=xforwarded "
                            + "and KC_HOSTNAME=https://your.host), then check the https issuer");
        }
        if (target.port() != 443) {
            return Check.fail(
                    HTTPS,
                    "the issuer uses port " + target.port() + "; Amazon's account linking expects port 443",
                    "publish the realm on port 443 (map the port, e.g. docker run -p 443:8443, or a proxy on 443) and set KC_HOSTNAME to "
                            + "the URL without a port");
        }
        return Check.pass(HTTPS, "https, port 443");
    }

    private static Check tls12(String host, int port, TlsProbe.Handshake any, Target target) {
        TlsProbe.Handshake amazon =
                TlsProbe.handshake(host, port, List.of("TLSv1.2"), TlsProbe.AMAZON_TLS12_SUITES, target.timeout());
        if (amazon.ok()) {
            return Check.pass(
                    TLS12,
                    "TLSv1.2 accepted, negotiated " + amazon.cipherSuite() + " (with the JDK's defaults: "
                            + any.protocol() + ", " + any.cipherSuite() + ")");
        }
        TlsProbe.Handshake anyTls12 = TlsProbe.handshake(host, port, List.of("TLSv1.2"), null, target.timeout());
        if (anyTls12.ok()) {
            return Check.fail(
                    TLS12,
                    "TLS 1.2 works only with " + anyTls12.cipherSuite()
                            + ", which is not among the ECDHE AES-GCM suites " + "Amazon's clients offer ("
                            + amazon.failure() + ")",
                    "allow the ECDHE AES-GCM suites, e.g. nginx ssl_ciphers ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
                            + "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384; (Keycloak: --https-cipher-suites)");
        }
        return Check.fail(
                TLS12,
                "the server refuses TLS 1.2 (" + amazon.failure() + "); it accepts " + any.protocol() + " only",
                "enable TLSv1.2 next to TLSv1.3: Keycloak --https-protocols=TLSv1.3,TLSv1.2; nginx ssl_protocols TLSv1.2 TLSv1.3; "
                        + "a load balancer's TLS policy must include TLS 1.2");
    }
}
