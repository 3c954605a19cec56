package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.dd.plist.NSArray;
import com.dd.plist.NSDictionary;
import com.dd.plist.PropertyListParser;
import dev.slipway.local.LocalTls;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client of the local stack over HTTPS that trusts its certificate authority and nothing else,
 * and that follows the install flow as iOS does: page, Install link, manifest, package URL, 302,
 * presigned S3 URL, bytes.
 */
final class StackHttp {
    static final String IPHONE_SAFARI = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/18.6 Mobile/15E148 Safari/604.1";
    private static final Pattern INSTALL_HREF = Pattern.compile("href=\"(itms-services://[^\"]*)\"");

    private final HttpClient http;

    StackHttp(X509Certificate trustAnchor) {
        this.http = HttpClient.newBuilder()
                .sslContext(LocalTls.trusting(trustAnchor))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    HttpResponse<String> page(URI url) throws Exception {
        return http.send(HttpRequest.newBuilder(url).header("User-Agent", IPHONE_SAFARI).build(),
                BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<byte[]> bytes(URI url, String method) throws Exception {
        return http.send(HttpRequest.newBuilder(url).method(method, HttpRequest.BodyPublishers.noBody())
                .header("User-Agent", IPHONE_SAFARI).build(), BodyHandlers.ofByteArray());
    }

    /**
     * A GET with a Host header of our choosing (java.net.http refuses to set one), over the stack's
     * TLS; the whole response as text.
     */
    static String getWithHost(X509Certificate trustAnchor, URI url, String host) throws Exception {
        try (javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) LocalTls.trusting(trustAnchor).getSocketFactory()
                .createSocket(url.getHost(), url.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + url.getRawPath() + "?" + url.getRawQuery() + " HTTP/1.1\r\nHost: " + host
                    + "\r\nUser-Agent: " + IPHONE_SAFARI + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The Install links of a page, with the HTML escaping undone. */
    static List<String> installLinks(String html) {
        List<String> links = new ArrayList<>();
        Matcher m = INSTALL_HREF.matcher(html);
        while (m.find()) {
            links.add(m.group(1).replace("&amp;", "&"));
        }
        return links;
    }

    /** The manifest URL inside an itms-services link: its url= value, percent-decoded. */
    static URI manifestUrl(String installLink) {
        String prefix = "itms-services://?action=download-manifest&url=";
        assertThat(installLink).startsWith(prefix);
        return URI.create(URLDecoder.decode(installLink.substring(prefix.length()), StandardCharsets.UTF_8));
    }

    /**
     * From the manifest to the IPA's bytes, as iOS's installer goes: the manifest's software-package
     * URL, its 302, and the presigned https URL it points at.
     */
    byte[] download(URI manifestUrl) throws Exception {
        HttpResponse<byte[]> manifest = bytes(manifestUrl, "GET");
        assertThat(manifest.statusCode()).as("manifest " + manifestUrl.getPath()).isEqualTo(200);
        NSDictionary item = (NSDictionary) ((NSArray) ((NSDictionary) PropertyListParser.parse(manifest.body()))
                .get("items")).objectAtIndex(0);
        URI packageUrl = URI.create(((NSDictionary) ((NSArray) item.get("assets")).objectAtIndex(0)).get("url")
                .toJavaObject().toString());
        assertThat(packageUrl.getScheme()).isEqualTo("https");
        assertThat(packageUrl.getAuthority()).isEqualTo(manifestUrl.getAuthority());
        HttpResponse<byte[]> redirect = bytes(packageUrl, "GET");
        assertThat(redirect.statusCode()).isEqualTo(302);
        URI presigned = URI.create(redirect.headers().firstValue("Location").orElseThrow());
        assertThat(presigned.getScheme()).as("iOS downloads over https only").isEqualTo("https");
        assertThat(presigned.getRawQuery()).contains("X-Amz-Signature=");
        HttpResponse<byte[]> ipa = bytes(presigned, "GET");
        assertThat(ipa.statusCode()).isEqualTo(200);
        return ipa.body();
    }
}
