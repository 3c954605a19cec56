package dev.slipway.deploy;

import static dev.slipway.deploy.BucketTemplateTest.BUCKET;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What `sam deploy` prints: where the site is, where uploads go, and the command that uploads. */
class OutputsTemplateTest {
    private final Template template = Template.load();

    @Test
    void outputs_giveTheInstallUrlTheBucketAndTheUploadCommand() {
        // given
        Stack stack = new Stack(template);
        // when
        Object url = stack.at("Outputs", "InstallBaseUrl", "Value");
        Object bucket = stack.at("Outputs", "BucketName", "Value");
        Object command = stack.at("Outputs", "UploadCommand", "Value");
        // then
        assertThat(url).isEqualTo("https://{Distribution.DomainName}");
        assertThat(bucket).isEqualTo(BUCKET);
        assertThat(command).isEqualTo("aws s3 cp MyApp.ipa s3://" + BUCKET + "/uploads/");
    }

    @Test
    void installUrl_isTheCustomDomain_whenOneIsSet() {
        // given
        Stack stack = new Stack(template, Map.of("DomainName", "install.example.com",
                "CertificateArn", CloudFrontTemplateTest.CERTIFICATE));
        // when
        Object url = stack.at("Outputs", "InstallBaseUrl", "Value");
        // then
        assertThat(url).isEqualTo("https://install.example.com");
    }
}
