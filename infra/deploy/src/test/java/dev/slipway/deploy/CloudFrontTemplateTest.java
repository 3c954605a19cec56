package dev.slipway.deploy;

import static dev.slipway.deploy.BucketTemplateTest.BUCKET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The distribution in front of everything: the API uncached, static files from the bucket, HTTPS only. */
class CloudFrontTemplateTest {
    static final String CERTIFICATE = "arn:aws:acm:us-east-1:" + Stack.ACCOUNT
            + ":certificate/2b7c4a1e-5d6f-4e3a-9b8c-0d1e2f3a4b5c";
    private static final String CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
    private static final String CACHING_OPTIMIZED = "658327ea-f89d-4fab-a63d-7e88639e58f6";
    private static final String ALL_VIEWER_EXCEPT_HOST_HEADER = "b689b0a8-53d0-40ab-baf2-68738e2966ac";
    private static final Map<String, String> WITH_DOMAIN = Map.of("DomainName", "install.example.com",
            "CertificateArn", CERTIFICATE);

    /** What CloudFormation resolves to the generated secret, in the distribution and the function alike. */
    private static final String ORIGIN_SECRET_REFERENCE = "{{resolve:secretsmanager:{OriginSecret}:SecretString}}";

    private final Template template = Template.load();

    @Test
    void defaultBehaviour_passesEveryRequestToTheApi_uncached() {
        // when
        Object behaviour = config(new Stack(template)).get("DefaultCacheBehavior");
        // then: tokens are in query strings, and pages differ per visitor
        assertThat(behaviour).isEqualTo(apiBehaviour(List.of("GET", "HEAD"), true));
    }

    /**
     * A behaviour to the HTTP API as the template must write it: HTTPS, uncached, every viewer header
     * but Host, and the viewer's host passed on by ViewerHostFunction.
     */
    static Map<String, Object> apiBehaviour(List<String> allowedMethods, boolean compress) {
        return Map.of(
                "TargetOriginId", "api",
                "ViewerProtocolPolicy", "redirect-to-https",
                "AllowedMethods", allowedMethods,
                "CachedMethods", List.of("GET", "HEAD"),
                "Compress", compress,
                "CachePolicyId", CACHING_DISABLED,
                "OriginRequestPolicyId", ALL_VIEWER_EXCEPT_HOST_HEADER,
                "FunctionAssociations", List.of(Map.of(
                        "EventType", "viewer-request", "FunctionARN", "{ViewerHostFunction.FunctionARN}")));
    }

    @Test
    void staticFiles_comeFromTheBucketThroughOriginAccessControl_cached() {
        // when
        Map<String, Object> config = config(new Stack(template));
        // then
        assertThat(behaviour(config, "/static/*")).isEqualTo(Map.of(
                "PathPattern", "/static/*",
                "TargetOriginId", "bucket",
                "ViewerProtocolPolicy", "redirect-to-https",
                "AllowedMethods", List.of("GET", "HEAD"),
                "CachedMethods", List.of("GET", "HEAD"),
                "Compress", true,
                "CachePolicyId", CACHING_OPTIMIZED));
        assertThat(origin(config, "bucket")).isEqualTo(Map.of(
                "Id", "bucket",
                "DomainName", BUCKET + ".s3." + Stack.REGION + ".amazonaws.com",
                "OriginAccessControlId", "{OriginAccessControl.Id}",
                "S3OriginConfig", Map.of("OriginAccessIdentity", "")));
        assertThat(new Stack(template).properties("OriginAccessControl").get("OriginAccessControlConfig"))
                .isEqualTo(Map.of("Name", "slipway-static", "OriginAccessControlOriginType", "s3",
                        "SigningBehavior", "always", "SigningProtocol", "sigv4"));
    }

    @Test
    void apiOrigin_isTheHttpApi_overHttpsOnly() {
        // when
        Object api = origin(config(new Stack(template)), "api");
        // then
        assertThat(api).isEqualTo(Map.of(
                "Id", "api",
                "DomainName", "{HttpApi}.execute-api." + Stack.REGION + ".amazonaws.com",
                "OriginCustomHeaders", List.of(Map.of("HeaderName", "x-slipway-origin-secret",
                        "HeaderValue", ORIGIN_SECRET_REFERENCE)),
                "CustomOriginConfig", Map.of("OriginProtocolPolicy", "https-only", "OriginSSLProtocols", List.of("TLSv1.2"))));
    }

    @Test
    void everyBehaviour_redirectsHttpToHttps() {
        // given
        Map<String, Object> config = config(new Stack(template));
        // when
        List<Object> behaviours = Nodes.list(config.get("CacheBehaviors"), "CacheBehaviors");
        // then
        assertThat(behaviours).hasSize(3).allSatisfy(behaviour ->
                assertThat(Nodes.map(behaviour, "behaviour").get("ViewerProtocolPolicy")).isEqualTo("redirect-to-https"));
    }

    @Test
    void customDomain_isServedWithItsCertificate_overTls12_2021() {
        // when
        Map<String, Object> config = config(new Stack(template, WITH_DOMAIN));
        // then
        assertThat(config.get("Aliases")).isEqualTo(List.of("install.example.com"));
        assertThat(config.get("ViewerCertificate")).isEqualTo(Map.of("AcmCertificateArn", CERTIFICATE,
                "SslSupportMethod", "sni-only", "MinimumProtocolVersion", "TLSv1.2_2021"));
        assertThat(Nodes.at(new Stack(template, WITH_DOMAIN).function("InstallFunction"), "Environment", "Variables",
                "SLIPWAY_CUSTOM_DOMAIN")).isEqualTo("install.example.com");
    }

    @Test
    void withoutCustomDomain_theCloudFrontDomainAndCertificateServe() {
        // when
        Stack stack = new Stack(template);
        Map<String, Object> config = config(stack);
        // then
        assertThat(stack.condition("HasDomain")).isFalse();
        assertThat(config).doesNotContainKey("Aliases");
        assertThat(config.get("ViewerCertificate")).isEqualTo(Map.of("CloudFrontDefaultCertificate", true));
        assertThat(Nodes.at(stack.function("InstallFunction"), "Environment", "Variables", "SLIPWAY_CUSTOM_DOMAIN"))
                .isEqualTo("");
    }

    @Test
    void domainCondition_needsBothDomainAndCertificate_andRefusesEitherAlone() {
        // when / then
        assertThat(new Stack(template, WITH_DOMAIN).condition("HasDomain")).isTrue();
        assertThatThrownBy(() -> new Stack(template, Map.of("DomainName", "install.example.com")))
                .hasMessage("rule DomainAndCertificateTogether: Set both DomainName and CertificateArn, or neither.");
        assertThatThrownBy(() -> new Stack(template, Map.of("CertificateArn", CERTIFICATE)))
                .hasMessage("rule DomainAndCertificateTogether: Set both DomainName and CertificateArn, or neither.");
    }

    @Test
    void certificate_fromAnotherRegionThanUsEast1_isRefused() {
        // given: CloudFront takes certificates from us-east-1 only
        String frankfurt = CERTIFICATE.replace("us-east-1", "eu-central-1");
        // when / then
        assertThatThrownBy(() -> new Stack(template, Map.of("DomainName", "install.example.com", "CertificateArn", frankfurt)))
                .hasMessageStartingWith("parameter CertificateArn: " + frankfurt + " does not match ");
    }

    @Test
    void issue10Defect6_originSecret_isGeneratedAndReachesTheFunctionOnlyFromCloudFront() throws IOException {
        // given: the API's own address is public; only CloudFront knows this value
        Stack stack = new Stack(template);
        String install = Files.readString(Repository.root().resolve(
                "shared/src/main/java/dev/slipway/site/OriginRule.java"), StandardCharsets.UTF_8);
        // when
        Map<String, Object> secret = stack.properties("OriginSecret");
        Object inFunction = Nodes.at(stack.function("InstallFunction"), "Environment", "Variables", "SLIPWAY_ORIGIN_SECRET");
        // then: generated at deploy time, the same reference at both ends, under the header the function checks
        assertThat(template.type("OriginSecret")).isEqualTo("AWS::SecretsManager::Secret");
        assertThat(secret).doesNotContainKey("SecretString");
        assertThat(secret.get("GenerateSecretString")).isEqualTo(Map.of("PasswordLength", 48, "ExcludePunctuation", true));
        assertThat(inFunction).isEqualTo(ORIGIN_SECRET_REFERENCE);
        assertThat(install).contains("ORIGIN_SECRET_HEADER = \"x-slipway-origin-secret\"");
        assertThat(Nodes.at(stack.function("IngestFunction"), "Environment", "Variables", "SLIPWAY_ORIGIN_SECRET")).isNull();
    }

    @Test
    void issue10Defect6_viewerRequestFunction_pinsTheForwardedHostToTheDistributionsOwnNames() throws IOException {
        // given: CloudFront sends the API's own host as Host; install builds absolute URLs from x-forwarded-host
        String plain = (String) new Stack(template).properties("ViewerHostFunction").get("FunctionCode");
        String custom = (String) new Stack(template, WITH_DOMAIN).properties("ViewerHostFunction").get("FunctionCode");
        String install = Files.readString(Repository.root().resolve(
                "shared/src/main/java/dev/slipway/site/OriginRule.java"), StandardCharsets.UTF_8);
        // then: any other Host becomes the distribution's domain, and a viewer's own secret header is dropped
        assertThat(plain).contains("host !== ''").contains("host = event.context.distributionDomainName;")
                .contains("delete request.headers['x-slipway-origin-secret'];")
                .contains("request.headers['x-forwarded-host'] = { value: host };");
        assertThat(custom).contains("host !== 'install.example.com'");
        assertThat(install).contains("FORWARDED_HOST_HEADER = \"x-forwarded-host\"");
    }

    private static Map<String, Object> config(Stack stack) {
        return Nodes.map(stack.properties("Distribution").get("DistributionConfig"), "DistributionConfig");
    }

    private static Object behaviour(Map<String, Object> config, String pathPattern) {
        return Nodes.list(config.get("CacheBehaviors"), "CacheBehaviors").stream()
                .filter(b -> pathPattern.equals(Nodes.map(b, "behaviour").get("PathPattern")))
                .findFirst().orElseThrow(() -> new AssertionError("no behaviour for " + pathPattern));
    }

    private static Object origin(Map<String, Object> config, String id) {
        return Nodes.list(config.get("Origins"), "Origins").stream()
                .filter(o -> id.equals(Nodes.map(o, "origin").get("Id")))
                .findFirst().orElseThrow(() -> new AssertionError("no origin " + id));
    }
}
