package dev.slipway.storage;

import dev.slipway.aws.AwsRequestException;
import dev.slipway.ipa.PropertyLists;
import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The two XML documents S3 answers {@link HttpObjectStore} with: a ListObjectsV2 result and an
 * error. Parsed with the project's one hardened, quiet document builder (no external entities, no
 * DTD loading, nothing printed), from a body already bounded in size.
 */
final class S3Xml {
    private S3Xml() {
    }

    /**
     * A ListObjectsV2 result requested with {@code encoding-type=url}: keys and prefixes come
     * percent-encoded (a key may hold characters XML 1.0 cannot carry) and are decoded here.
     *
     * @throws AwsRequestException if the document is not a listing
     */
    static Listing listing(byte[] xml) {
        Element root = parse(xml, "ListBucketResult");
        List<String> keys = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        boolean truncated = false;
        String next = null;
        for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
            switch (name(child)) {
                case "Contents" -> keys.add(decode(childText(child, "Key")));
                case "CommonPrefixes" -> prefixes.add(decode(childText(child, "Prefix")));
                case "IsTruncated" -> truncated = "true".equals(child.getTextContent().trim());
                case "NextContinuationToken" -> next = child.getTextContent();
                default -> {
                    // Name, Prefix, KeyCount, MaxKeys, …: what the request already said.
                }
            }
        }
        return new Listing(keys, prefixes, truncated, next);
    }

    /** An error document's {@code Code}, or "" if the body is none (HEAD answers have no body). */
    static String errorCode(byte[] xml) {
        if (xml.length == 0) {
            return "";
        }
        try {
            String code = childText(parse(xml, "Error"), "Code");
            return code == null ? "" : code;
        } catch (AwsRequestException e) {
            return "";
        }
    }

    private static Element parse(byte[] xml, String rootName) {
        Element root;
        try {
            root = PropertyLists.quietDocumentBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement();
        } catch (Exception e) {
            throw new AwsRequestException("S3 answered with malformed XML: " + e.getMessage(), e);
        }
        if (!rootName.equals(name(root))) {
            throw new AwsRequestException("S3 answered with <" + name(root) + ">, not <" + rootName + ">");
        }
        return root;
    }

    private static String childText(Node parent, String name) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (name.equals(name(child))) {
                return child.getTextContent();
            }
        }
        return null;
    }

    private static String name(Node node) {
        return node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
    }

    private static String decode(String encoded) {
        if (encoded == null) {
            throw new AwsRequestException("S3 listed an entry without its key");
        }
        return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    }
}
