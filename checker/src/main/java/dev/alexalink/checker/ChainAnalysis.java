package dev.alexalink.checker;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.CertificateParsingException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Judges the certificates a server sent, as a strict TLS client does: the leaf must cover the host and be valid for a
 * while yet, and a path must lead from it to a trust anchor using ONLY the certificates sent. Nothing is fetched
 * (no AIA "caIssuers" download), because Amazon's clients do not fetch missing intermediates either.
 */
public final class ChainAnalysis {

    public static final String CERTIFICATE = "certificate";
    public static final String CHAIN = "certificate chain";
    /** A certificate expiring sooner than this fails: renewal has evidently stopped working. */
    public static final Duration MINIMUM_REMAINING = Duration.ofDays(30);

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private ChainAnalysis() {}

    /** The leaf: valid now, not expiring within {@link #MINIMUM_REMAINING}, and issued for the host. */
    public static Check certificate(List<X509Certificate> served, String host, Instant now) {
        if (served == null || served.isEmpty()) {
            return Check.fail(CERTIFICATE, "the server sent no certificate", "configure a certificate for " + host);
        }
        X509Certificate leaf = served.get(0);
        String subject = leaf.getSubjectX500Principal().getName();
        Instant notBefore = leaf.getNotBefore().toInstant();
        Instant notAfter = leaf.getNotAfter().toInstant();
        List<String> names = names(leaf);
        if (!covers(names, host)) {
            return Check.fail(
                    CERTIFICATE,
                    "the certificate '" + subject + "' is for "
                            + (names.isEmpty() ? "no host name (it has no subjectAltName)" : String.join(", ", names))
                            + ", not for " + host,
                    "serve a certificate whose subjectAltName includes " + host + " (for example: certbot certonly -d "
                            + host + ")");
        }
        if (now.isBefore(notBefore)) {
            return Check.fail(
                    CERTIFICATE,
                    "the certificate for " + host + " is valid only from " + DATE.format(notBefore),
                    "check the server's clock, or serve a certificate that is valid now");
        }
        if (!now.isBefore(notAfter)) {
            return Check.fail(
                    CERTIFICATE,
                    "the certificate for " + host + " expired on " + DATE.format(notAfter),
                    "renew the certificate and serve the new one (with certbot: certbot renew, then reload the server)");
        }
        long days = Duration.between(now, notAfter).toDays();
        if (Duration.between(now, notAfter).compareTo(MINIMUM_REMAINING) < 0) {
            return Check.fail(
                    CERTIFICATE,
                    "the certificate for " + host + " expires on " + DATE.format(notAfter) + ", in " + days
                            + " days (less than " + MINIMUM_REMAINING.toDays() + ")",
                    "renew it now and check that automatic renewal runs "
                            + "and that the server reloads the renewed file (with certbot: certbot renew --dry-run)");
        }
        return Check.pass(
                CERTIFICATE,
                "issued for " + String.join(", ", names) + "; valid until " + DATE.format(notAfter) + " (" + days
                        + " days)");
    }

    /** Whether a TLS client would accept the leaf at all: for the host and valid now (expiring soon still connects). */
    public static boolean acceptedByClients(List<X509Certificate> served, String host, Instant now) {
        if (served == null || served.isEmpty()) {
            return false;
        }
        X509Certificate leaf = served.get(0);
        return covers(names(leaf), host)
                && !now.isBefore(leaf.getNotBefore().toInstant())
                && now.isBefore(leaf.getNotAfter().toInstant());
    }

    /** A path from the leaf to a trust anchor, built only from what the server sent. */
    public static Check chain(List<X509Certificate> served, TrustStore trust, Instant now) {
        if (served == null || served.isEmpty()) {
            return Check.fail(CHAIN, "the server sent no certificate", "configure a certificate and its full chain");
        }
        X509Certificate leaf = served.get(0);
        String sent = served.size() == 1
                ? "the server sent 1 certificate"
                : "the server sent " + served.size() + " certificates";
        try {
            PKIXCertPathBuilderResult result = build(served, trust, now);
            List<String> path = new ArrayList<>();
            result.getCertPath().getCertificates().forEach(c -> path.add(cn((X509Certificate) c)));
            path.add("trust anchor " + cn(result.getTrustAnchor().getTrustedCert()));
            return Check.pass(
                    CHAIN, sent + "; path " + String.join(" -> ", path) + " (built from the sent certificates only)");
        } catch (CertPathBuilderException e) {
            return Check.fail(CHAIN, sent + "; " + explain(served, trust), fix(served, trust, e));
        }
    }

    private static PKIXCertPathBuilderResult build(List<X509Certificate> served, TrustStore trust, Instant now)
            throws CertPathBuilderException {
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(served.get(0));
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(trust.trustAnchors(), target);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(now));
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(served)));
            return (PKIXCertPathBuilderResult)
                    CertPathBuilder.getInstance("PKIX").build(parameters);
        } catch (CertPathBuilderException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's PKIX builder cannot be set up: " + Failures.message(e), e);
        }
    }

    private static String explain(List<X509Certificate> served, TrustStore trust) {
        X509Certificate top = topOfSentChain(served);
        if (selfSigned(served.get(0))) {
            return "its certificate '" + cn(served.get(0))
                    + "' is self-signed, and no trust anchor is that certificate";
        }
        String issuer = top.getIssuerX500Principal().getName();
        if (anchorNamed(trust, issuer).isEmpty() && !selfSigned(top)) {
            return "the issuer '" + issuer + "' of '" + cn(top) + "' is neither among them nor a trust anchor";
        }
        if (selfSigned(top)) {
            return "the chain ends in '" + cn(top) + "', which is not a trust anchor";
        }
        return "no valid path to the trust anchor '" + issuer + "' (an expired or unusable certificate in the chain)";
    }

    private static String fix(List<X509Certificate> served, TrustStore trust, CertPathBuilderException e) {
        X509Certificate top = topOfSentChain(served);
        if (selfSigned(served.get(0))
                || selfSigned(top)
                        && anchorNamed(trust, top.getSubjectX500Principal().getName())
                                .isEmpty()) {
            return "use a certificate from a publicly trusted CA (for example Let's Encrypt); Amazon does not trust self-signed or private CAs";
        }
        if (anchorNamed(trust, top.getIssuerX500Principal().getName()).isEmpty()) {
            return "serve the full chain: the certificate followed by every intermediate (fullchain.pem, not cert.pem; in Keycloak "
                    + "--https-certificate-file=fullchain.pem, in nginx ssl_certificate fullchain.pem). Amazon does not fetch "
                    + "missing intermediates. If this is a private CA, it is not trusted by Amazon at all";
        }
        return "renew or replace the certificates of the chain: " + Failures.message(e);
    }

    /** Follows issuers through the sent certificates from the leaf; returns the last one found. */
    private static X509Certificate topOfSentChain(List<X509Certificate> served) {
        X509Certificate current = served.get(0);
        List<X509Certificate> seen = new ArrayList<>(List.of(current));
        while (!selfSigned(current)) {
            X509Certificate here = current;
            Optional<X509Certificate> issuer = served.stream()
                    .filter(c ->
                            !seen.contains(c) && c.getSubjectX500Principal().equals(here.getIssuerX500Principal()))
                    .findFirst();
            if (issuer.isEmpty()) {
                break;
            }
            current = issuer.get();
            seen.add(current);
        }
        return current;
    }

    private static Optional<X509Certificate> anchorNamed(TrustStore trust, String subject) {
        return trust.certificates().stream()
                .filter(c -> c.getSubjectX500Principal().getName().equals(subject))
                .findFirst();
    }

    static boolean selfSigned(X509Certificate certificate) {
        if (!certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
            return false;
        }
        try {
            certificate.verify(certificate.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The DNS names and IP addresses of the subjectAltName extension, the only names TLS clients match (RFC 6125). */
    static List<String> names(X509Certificate certificate) {
        try {
            Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
            if (alternatives == null) {
                return List.of();
            }
            return alternatives.stream()
                    .filter(n -> (Integer) n.get(0) == 2 || (Integer) n.get(0) == 7)
                    .map(n -> String.valueOf(n.get(1)))
                    .collect(Collectors.toList());
        } catch (CertificateParsingException e) {
            return List.of();
        }
    }

    /** RFC 6125 matching: exact name (case-insensitive), or a wildcard standing for exactly the leftmost label. */
    static boolean covers(List<String> names, String host) {
        String wanted = host.toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
        for (String name : names) {
            String candidate = name.toLowerCase(Locale.ROOT);
            if (candidate.equals(wanted) || sameAddress(candidate, wanted)) {
                return true;
            }
            if (candidate.startsWith("*.") && wanted.indexOf('.') > 0) {
                String rest = wanted.substring(wanted.indexOf('.'));
                if (candidate.substring(1).equals(rest) && rest.indexOf('.', 1) > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean sameAddress(String a, String b) {
        boolean literals = a.matches("[0-9.]+|[0-9a-f:]+")
                && b.matches("\\[?[0-9.]+\\]?|\\[?[0-9a-f:]+\\]?")
                && (a.contains(".") || a.contains(":"));
        if (!literals) {
            return false;
        }
        try {
            return InetAddress.getByName(a).equals(InetAddress.getByName(b.replaceAll("[\\[\\]]", "")));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The common name, or the whole subject when there is none. */
    static String cn(X509Certificate certificate) {
        String subject = certificate.getSubjectX500Principal().getName();
        for (String part : subject.split(",")) {
            if (part.startsWith("CN=")) {
                return part;
            }
        }
        return subject;
    }
}
