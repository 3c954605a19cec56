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

    /**
     * An error document's {@code Code}, or "" if the body is none (HEAD answers have no body) or no
     * {@code <Error>} document. Read by a scan, not the DOM parser: an error document is flat
     * ({@code <Error><Code>NoSuchKey</Code><Message>…}), any {@code <} in its texts is escaped, and
     * a missing key's 404 is on a page's first request, where loading the JDK's XML parser (some 150
     * classes) would cost a cold start more than the rest of the request.
     */
    static String errorCode(byte[] xml) {
        String text = new String(xml, StandardCharsets.UTF_8);
        int root = text.indexOf('<');
        // Past the XML declaration and any comments or whitespace before the root element.
        while (root >= 0 && root + 1 < text.length() && (text.charAt(root + 1) == '?' || text.charAt(root + 1) == '!')) {
            root = text.indexOf('<', root + 1);
        }
        if (root < 0 || !(text.startsWith("<Error>", root) || text.startsWith("<Error ", root))) {
            return "";
        }
        int start = text.indexOf("<Code>", root);
        int end = start < 0 ? -1 : text.indexOf("</Code>", start);
        return end < 0 ? "" : text.substring(start + "<Code>".length(), end).trim();
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
