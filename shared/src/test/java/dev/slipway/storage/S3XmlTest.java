package dev.slipway.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class S3XmlTest {

    private static String code(String xml) {
        return S3Xml.errorCode(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void errorCode_s3ErrorDocument_isItsCode() {
        assertThat(code("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchKey</Code><Message>The specified key "
                + "does not exist.</Message><Key>a &lt;Code&gt;b</Key><RequestId>1</RequestId></Error>")).isEqualTo("NoSuchKey");
    }

    @Test
    void errorCode_declarationCommentAndNamespace_areSkipped() {
        assertThat(code("<?xml version=\"1.0\"?><!-- s3proxy --> <Error xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                + "<Code>AccessDenied</Code></Error>")).isEqualTo("AccessDenied");
    }

    @Test
    void errorCode_noBodyOrAnotherDocument_isEmpty() {
        assertThat(code("")).isEmpty();
        assertThat(code("<ListBucketResult><Code>NoSuchKey</Code></ListBucketResult>")).isEmpty();
        assertThat(code("<Error><Message>no code</Message></Error>")).isEmpty();
        assertThat(code("not xml")).isEmpty();
    }
}
