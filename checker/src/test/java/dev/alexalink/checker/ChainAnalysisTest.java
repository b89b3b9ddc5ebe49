package dev.alexalink.checker;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Chain analysis on certificates made by openssl: a root, an intermediate, and leaves signed by the intermediate. */
class ChainAnalysisTest {

    @TempDir
    static Path dir;

    private static TestCertificates pki;
    private static TrustStore rootOnly;

    @BeforeAll
    static void makePki() {
        pki = TestCertificates.create(dir);
        pki.server("localhost", 365, "DNS:localhost", "IP:127.0.0.1");
        pki.server("soon", 10, "DNS:auth.example.com");
        pki.server("wildcard", 365, "DNS:*.example.com");
        rootOnly = TrustStore.of(List.of(pki.read("root.pem")));
    }

    @Test
    void theFullChainLeadsToTheAnchor() {
        Check check = ChainAnalysis.chain(pki.readAll("localhost-fullchain.pem"), rootOnly, Instant.now());
        assertThat(check.outcome()).isEqualTo(Outcome.PASS);
        assertThat(check.detail())
                .isEqualTo("the server sent 2 certificates; path CN=localhost -> CN=" + TestCertificates.INTERMEDIATE_CN
                        + " -> trust anchor CN=" + TestCertificates.ROOT_CN
                        + " (built from the sent certificates only)");
    }

    @Test
    void aMissingIntermediateFailsEvenThoughTheRootIsTrusted() {
        Check check = ChainAnalysis.chain(List.of(pki.read("localhost.pem")), rootOnly, Instant.now());
        assertThat(check.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(check.detail())
                .isEqualTo("the server sent 1 certificate; the issuer 'CN=" + TestCertificates.INTERMEDIATE_CN
                        + "' of 'CN=localhost' is neither among them nor a trust anchor");
        assertThat(check.fix())
                .contains(
                        "serve the full chain", "fullchain.pem, not cert.pem", "does not fetch missing intermediates");
    }

    @Test
    void anUntrustedRootFails() {
        Check check = ChainAnalysis.chain(
                pki.readAll("localhost-fullchain.pem"), TrustStore.jdkPlus(List.of()), Instant.now());
        assertThat(check.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(check.detail())
                .contains("the issuer 'CN=" + TestCertificates.ROOT_CN + "' of 'CN=" + TestCertificates.INTERMEDIATE_CN
                        + "'");
    }

    @Test
    void aSelfSignedCertificateFailsWithThePublicCaFix() {
        X509Certificate root = pki.read("root.pem");
        Check check = ChainAnalysis.chain(List.of(root), TrustStore.jdkPlus(List.of()), Instant.now());
        assertThat(check.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(check.detail()).contains("is self-signed");
        assertThat(check.fix()).contains("publicly trusted CA");
    }

    @Test
    void theCertificateMustCoverTheHostAndNotExpireSoon() {
        List<X509Certificate> localhost = pki.readAll("localhost-fullchain.pem");
        Check ok = ChainAnalysis.certificate(localhost, "localhost", Instant.now());
        assertThat(ok.outcome()).isEqualTo(Outcome.PASS);
        assertThat(ok.detail())
                .startsWith("issued for localhost, 127.0.0.1; valid until ")
                .contains("(364 days)");

        Check otherHost = ChainAnalysis.certificate(localhost, "auth.example.com", Instant.now());
        assertThat(otherHost.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(otherHost.detail()).contains("is for localhost, 127.0.0.1, not for auth.example.com");

        Check soon = ChainAnalysis.certificate(List.of(pki.read("soon.pem")), "auth.example.com", Instant.now());
        assertThat(soon.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(soon.detail())
                .matches(
                        "the certificate for auth.example.com expires on \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC, in 9 days \\(less than 30\\)");
        assertThat(soon.fix()).contains("renew");

        Check expired =
                ChainAnalysis.certificate(localhost, "localhost", Instant.now().plus(Duration.ofDays(400)));
        assertThat(expired.detail()).contains("expired on");
    }

    @Test
    void onlyAWrongHostOrAnExpiredCertificateStopsClientsFromConnecting() {
        List<X509Certificate> localhost = pki.readAll("localhost-fullchain.pem");
        assertThat(ChainAnalysis.acceptedByClients(localhost, "localhost", Instant.now()))
                .isTrue();
        assertThat(ChainAnalysis.acceptedByClients(List.of(pki.read("soon.pem")), "auth.example.com", Instant.now()))
                .isTrue();
        assertThat(ChainAnalysis.acceptedByClients(localhost, "auth.example.com", Instant.now()))
                .isFalse();
        assertThat(ChainAnalysis.acceptedByClients(
                        localhost, "localhost", Instant.now().plus(Duration.ofDays(400))))
                .isFalse();
    }

    @Test
    void namesMatchAsRfc6125Says() {
        assertThat(ChainAnalysis.covers(List.of("auth.example.com"), "AUTH.example.com"))
                .isTrue();
        assertThat(ChainAnalysis.covers(List.of("*.example.com"), "auth.example.com"))
                .isTrue();
        assertThat(ChainAnalysis.covers(List.of("*.example.com"), "a.b.example.com"))
                .isFalse();
        assertThat(ChainAnalysis.covers(List.of("*.example.com"), "example.com"))
                .isFalse();
        assertThat(ChainAnalysis.covers(List.of("*.com"), "example.com")).isFalse();
        assertThat(ChainAnalysis.covers(List.of("127.0.0.1"), "127.0.0.1")).isTrue();
        assertThat(ChainAnalysis.covers(List.of("localhost"), "127.0.0.1")).isFalse();
        assertThat(ChainAnalysis.names(pki.read("wildcard.pem"))).containsExactly("*.example.com");
    }
}
