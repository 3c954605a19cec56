package dev.slipway.install.page;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Test helper: the pages are written as well-formed XML (void elements closed, double-quoted
 * attributes, numeric character references), so the JDK's XML parser reads them, and a page that
 * stops being well-formed fails the tests.
 */
public final class Html {
    private final Document document;

    private Html(Document document) {
        this.document = document;
    }

    /** Parses a page; fails the test if it is not well-formed. */
    public static Html parse(String page) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return new Html(builder.parse(new ByteArrayInputStream(page.getBytes(StandardCharsets.UTF_8))));
        } catch (Exception e) {
            throw new AssertionError("page is not well-formed: " + e.getMessage() + "\n" + page, e);
        }
    }

    /** The elements an XPath expression selects, in document order. */
    public List<Element> all(String xpath) {
        try {
            NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.NODESET);
            List<Element> elements = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                elements.add((Element) nodes.item(i));
            }
            return elements;
        } catch (Exception e) {
            throw new AssertionError("bad XPath " + xpath, e);
        }
    }

    /** The one element an XPath expression selects; fails the test if there are none or several. */
    public Element one(String xpath) {
        List<Element> elements = all(xpath);
        if (elements.size() != 1) {
            throw new AssertionError(elements.size() + " elements match " + xpath);
        }
        return elements.get(0);
    }

    /** The text of the one element an XPath expression selects, whitespace as written. */
    public String text(String xpath) {
        return one(xpath).getTextContent();
    }
}
