package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.catalog.Layout;
import dev.slipway.local.LocalStack;
import dev.slipway.local.LocalTls;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Issue 10, defect 1: the local stack's {@code /static/} serves objects under {@code static/} and
 * nothing else, however the path is encoded. Requests go over HTTPS to a real stack holding a real
 * build, whose IPA and record a traversal would reach.
 */
class StaticPathTest {
    private static final byte[] ICON = "a static object".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    static Path temp;

    @RegisterExtension
    static final LocalStackExtension LOCAL = new LocalStackExtension();

    private static String id;

    @BeforeAll
    static void publish() throws Exception {
        Path ipa = temp.resolve("App.ipa");
        InstallableIpa.write(ipa);
        id = LOCAL.publish(ipa).succeeded().buildId();
        LOCAL.stack().s3().putObject(b -> b.bucket(LocalStack.BUCKET).key(Layout.icon("probe", 0)).contentType("image/png"),
                RequestBody.fromBytes(ICON));
        // The objects a traversal would reach are there (the local bucket is versioned: the upload is the build's IPA).
        assertThat(LOCAL.stack().s3().headObject(b -> b.bucket(LocalStack.BUCKET).key("uploads/App.ipa")).contentLength()).isPositive();
        assertThat(LOCAL.stack().s3().headObject(b -> b.bucket(LocalStack.BUCKET).key(Layout.record(id))).contentLength()).isPositive();
    }

    private static URI pages(String rawPath) {
        return URI.create(LOCAL.stack().info().pages().resolve("/") + rawPath.substring(1));
    }

    @Test
    void staticPath_objectUnderStatic_isServed() throws Exception {
        HttpResponse<byte[]> response = LOCAL.http().bytes(pages("/static/icons/probe.png"), "GET");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(ICON);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
    }

    @Test
    void staticPath_encodedDotDotToBuilds_isRefused() throws Exception {
        for (String path : List.of("/static/..%2fbuilds%2f" + id + "%2fapp.ipa", "/static/..%2fbuilds%2f" + id
                + "%2fbuild.json", "/static/..%2fuploads%2fApp.ipa")) {
            for (String method : List.of("GET", "HEAD")) {
                HttpResponse<byte[]> response = LOCAL.http().bytes(pages(path), method);

                assertThat(response.statusCode()).as(method + " " + path).isEqualTo(404);
                assertThat(new String(response.body(), StandardCharsets.ISO_8859_1)).as(method + " " + path)
                        .isEqualTo(method.equals("GET") ? "Not Found\n" : "");
            }
        }
    }

    @Test
    void staticPath_traversalVariants_areRefused() throws Exception {
        List<String> variants = List.of(
                "/static/..%2Fbuilds%2F" + id + "%2Fbuild.json",
                "/static/..%2F..%2Fslipway%2Fuploads%2FApp.ipa",
                "/static/%2e%2e/builds/" + id + "/app.ipa",
                "/static/%2E%2E%2Fbuilds%2F" + id + "%2Fapp.ipa",
                "/static/%252e%252e%252fbuilds%252f" + id + "%252fapp.ipa",
                "/static/..%252fbuilds%252f" + id + "%252fapp.ipa",
                "/static/..%5cbuilds%5c" + id + "%5capp.ipa",
                "/static/icons/..%2f..%2fbuilds%2f" + id + "%2fapp.ipa",
                "/static/./icons/probe.png",
                "/static//icons/probe.png",
                "/static/icons/probe.png%00");
        for (String variant : variants) {
            assertThat(LOCAL.http().bytes(pages(variant), "GET").statusCode()).as(variant).isEqualTo(404);
        }
    }

    @Test
    void staticPath_rawDotDotAndBackslashes_areRefused() throws Exception {
        // Sent byte for byte: an HTTP client library would normalise or refuse these paths itself.
        for (String path : List.of("/static/../uploads/App.ipa", "/static/../builds/" + id + "/build.json", "/static/..\\builds\\" + id + "\\app.ipa",
                "/static\\..\\builds\\" + id + "\\build.json", "/static/icons/%zz/..%2f..%2fbuilds")) {
            assertThat(rawStatus(path)).as(path).isIn(400, 404);
        }
    }

    private static int rawStatus(String rawPath) throws Exception {
        URI base = LOCAL.stack().info().pages();
        try (SSLSocket socket = (SSLSocket) LocalTls.trusting(LOCAL.stack().tls().trustAnchor()).getSocketFactory()
                .createSocket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + rawPath + " HTTP/1.1\r\nHost: " + base.getAuthority() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(response).as(rawPath).startsWith("HTTP/1.1 ").doesNotContain("PK\u0003\u0004")
                    .doesNotContain("\"bundleId\"");
            return Integer.parseInt(response.substring(9, 12));
        }
    }
}
