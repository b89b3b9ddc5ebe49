package dev.alexalink.checker;

import dev.alexalink.webview.WebView;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import java.net.CookieHandler;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;

/**
 * HTTP clients that connect as Amazon's side does: HTTPS with TLS 1.2 and {@link TlsProbe#AMAZON_TLS12_SUITES} only,
 * the JDK's PKIX trust manager over the given anchors (host name checked, no intermediates fetched), HTTP/1.1, and no
 * automatic redirects, so that every redirect is seen and judged.
 */
public final class AmazonHttp {

    private AmazonHttp() {}

    public static HttpClient client(Target target, TrustStore trust, CookieHandler cookies) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(target.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .sslContext(sslContext(trust))
                .sslParameters(tls12());
        if (cookies != null) {
            builder.cookieHandler(cookies);
        }
        return builder.build();
    }

    /**
     * The Alexa app's web view on the target, over these clients; its User-Agent names the checker. It stops at the
     * first redirect that leaves the target's host.
     */
    static WebView webView(Target target, TrustStore trust) {
        return new WebView(
                target.issuer(),
                target.timeout(),
                cookies -> client(target, trust, cookies),
                "User-Agent",
                WebView.USER_AGENT + " alexa-linking-checker",
                "Accept",
                "text/html,application/xhtml+xml",
                "Accept-Language",
                "en-US,en;q=0.9");
    }

    static SSLParameters tls12() {
        SSLParameters parameters = new SSLParameters();
        parameters.setProtocols(new String[] {"TLSv1.2"});
        parameters.setCipherSuites(TlsProbe.AMAZON_TLS12_SUITES.toArray(String[]::new));
        return parameters;
    }

    static SSLContext sslContext(TrustStore trust) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
            factory.init(trust.keyStore());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot set up TLS: " + Failures.message(e), e);
        }
    }
}
