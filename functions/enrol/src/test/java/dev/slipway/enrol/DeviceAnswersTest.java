package dev.slipway.enrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.http.RefusedRequestException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeviceAnswersTest {
    private static final TestDeviceChain CHAIN = TestDeviceChain.create();
    private static final DeviceAnswers WITH_TEST_CA = new DeviceAnswers(DeviceAnchors.apple().withTestAuthority(CHAIN.ca()));
    private static final DeviceAnswers APPLE_ONLY = new DeviceAnswers(DeviceAnchors.apple());

    @Test
    void read_answerSignedByAddedTestChain_returnsAttributesAndChallenge() throws Exception {
        SignedAnswer answer = WITH_TEST_CA.read(CHAIN.answer(TestDeviceChain.iphone15Pro("the-challenge")));

        assertThat(answer.challenge()).isEqualTo("the-challenge");
        assertThat(answer.attributes().udid()).isEqualTo("00008130-001A2B3C4D5E6F70");
        assertThat(answer.attributes().product()).isEqualTo("iPhone16,1");
        assertThat(answer.attributes().osBuild()).isEqualTo("21A329");
        assertThat(answer.attributes().deviceName()).isEqualTo("Ada's iPhone");
    }

    @Test
    void read_testChainWithoutAddingItsCa_isRefused() {
        assertThatThrownBy(() -> APPLE_ONLY.read(CHAIN.answer(TestDeviceChain.iphone15Pro("c"))))
                .isInstanceOf(RefusedRequestException.class)
                .hasMessage("signer does not chain to a device CA: issuer CN=Slipway Test Device Root CA of CN=Slipway Test iPhone Device CA is unknown")
                .extracting(e -> ((RefusedRequestException) e).status()).isEqualTo(403);
    }

    @Test
    void read_selfSignedSigner_isRefused() {
        byte[] answer = CHAIN.selfSignedDevice().answer(TestDeviceChain.iphone15Pro("c"));

        assertThatThrownBy(() -> WITH_TEST_CA.read(answer)).isInstanceOf(RefusedRequestException.class)
                .hasMessage("signer does not chain to a device CA: issuer CN=Slipway Test iPhone Device CA of CN=Slipway Test iPhone Device CA is unknown");
    }

    @Test
    void read_intermediateThatIsNotCa_isRefused() {
        TestDeviceChain broken = TestDeviceChain.withIntermediateThatIsNotCa();
        DeviceAnswers answers = new DeviceAnswers(DeviceAnchors.apple().withTestAuthority(broken.ca()));

        assertThatThrownBy(() -> answers.read(broken.answer(TestDeviceChain.iphone15Pro("c"))))
                .isInstanceOf(RefusedRequestException.class)
                .hasMessage("signer's chain has an issuer that is not a CA: CN=Slipway Test iPhone Device CA");
    }

    @Test
    void read_tamperedContent_isRefused() {
        byte[] answer = CHAIN.answer(TestDeviceChain.iphone15Pro("c"));
        byte[] tampered = replace(answer, "iPhone16,1", "iPhone16,2");

        assertThatThrownBy(() -> WITH_TEST_CA.read(tampered)).isInstanceOf(RefusedRequestException.class)
                .hasMessage("answer's signature does not match its content");
    }

    @Test
    void read_garbage_isRefusedAsNotCms() {
        assertThatThrownBy(() -> WITH_TEST_CA.read("UDID=0000".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RefusedRequestException.class).hasMessage("answer is not CMS SignedData")
                .extracting(e -> ((RefusedRequestException) e).status()).isEqualTo(400);
    }

    @Test
    void read_65KiloBytes_isRefusedBeforeParsing() {
        assertThatThrownBy(() -> WITH_TEST_CA.read(new byte[65 * 1024])).isInstanceOf(RefusedRequestException.class)
                .hasMessage("answer is 66560 bytes, at most 65536")
                .extracting(e -> ((RefusedRequestException) e).status()).isEqualTo(413);
    }

    @Test
    void read_signedContentNotAPlist_isRefused() {
        assertThatThrownBy(() -> WITH_TEST_CA.read(CHAIN.sign("hello".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(RefusedRequestException.class).hasMessage("answer's content is not an XML property list");
    }

    @Test
    void read_noChallenge_isRefused() {
        Map<String, String> attributes = new HashMap<>(TestDeviceChain.iphone15Pro("c"));
        attributes.remove("CHALLENGE");

        assertThatThrownBy(() -> WITH_TEST_CA.read(CHAIN.answer(attributes))).isInstanceOf(RefusedRequestException.class)
                .hasMessage("answer carries no CHALLENGE");
    }

    @Test
    void read_malformedUdid_isRefusedWithoutEchoingIt() {
        Map<String, String> attributes = new HashMap<>(TestDeviceChain.iphone15Pro("c"));
        attributes.put("UDID", "../../etc/passwd");

        assertThatThrownBy(() -> WITH_TEST_CA.read(CHAIN.answer(attributes))).isInstanceOf(RefusedRequestException.class)
                .hasMessage("answer's UDID is malformed");
    }

    @Test
    void apple_pinnedResources_loadOneAnchor() {
        assertThat(DeviceAnchors.apple().size()).isEqualTo(1);
        assertThat(DeviceAnchors.apple().withTestAuthority(CHAIN.ca()).size()).isEqualTo(2);
    }

    @Test
    void withTestAuthority_deviceCertificate_isRefused() throws Exception {
        TestDeviceChain chain = TestDeviceChain.create();
        byte[] answer = chain.answer(TestDeviceChain.iphone15Pro("c"));
        java.security.cert.X509Certificate device = (java.security.cert.X509Certificate) java.security.cert.CertificateFactory
                .getInstance("X.509").generateCertificates(new java.io.ByteArrayInputStream(
                        new org.bouncycastle.cms.CMSSignedData(answer).getCertificates().getMatches(null).stream()
                                .map(h -> encoded((org.bouncycastle.cert.X509CertificateHolder) h))
                                .reduce(new byte[0], DeviceAnswersTest::concat))).iterator().next();

        assertThatThrownBy(() -> DeviceAnchors.apple().withTestAuthority(device))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("is not a certificate authority (basicConstraints CA:TRUE with keyCertSign)");
    }

    private static byte[] encoded(org.bouncycastle.cert.X509CertificateHolder holder) {
        try {
            return holder.getEncoded();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] replace(byte[] haystack, String from, String to) {
        byte[] needle = from.getBytes(StandardCharsets.US_ASCII);
        byte[] copy = haystack.clone();
        for (int i = 0; i + needle.length <= copy.length; i++) {
            if (Arrays.equals(copy, i, i + needle.length, needle, 0, needle.length)) {
                System.arraycopy(to.getBytes(StandardCharsets.US_ASCII), 0, copy, i, needle.length);
                return copy;
            }
        }
        throw new IllegalArgumentException(from + " not found");
    }
}
