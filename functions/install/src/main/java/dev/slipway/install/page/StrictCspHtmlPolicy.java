package dev.slipway.install.page;

import gg.jte.html.HtmlAttribute;
import gg.jte.html.HtmlPolicy;
import gg.jte.html.HtmlPolicyException;
import gg.jte.html.HtmlTag;
import gg.jte.html.OwaspHtmlPolicy;
import gg.jte.html.policy.PreventInlineEventHandlers;
import gg.jte.html.policy.PreventSingleQuotedAttributes;

/**
 * The rules the templates are compiled under (the jte Maven plugin's {@code htmlPolicyClass}): on top
 * of jte's defaults, nothing the pages' CSP would block. An inline event handler, a {@code style}
 * attribute or a {@code <style>} element fails the build instead of failing silently in the browser.
 * Used only at build time.
 */
public final class StrictCspHtmlPolicy extends OwaspHtmlPolicy {

    /** Called reflectively by the jte Maven plugin. */
    public StrictCspHtmlPolicy() {
        addPolicy(new PreventInlineEventHandlers());
        // Double quotes only, so the pages are also well-formed XML, which the tests parse them as.
        addPolicy(new PreventSingleQuotedAttributes());
        addPolicy(new PreventInlineStyles());
    }

    /** {@code style-src 'self'} ignores both forms of inline style. */
    private static final class PreventInlineStyles implements HtmlPolicy {
        @Override
        public void validateHtmlTag(HtmlTag htmlTag) throws HtmlPolicyException {
            if ("style".equalsIgnoreCase(htmlTag.getName())) {
                throw new HtmlPolicyException("<style> elements are blocked by the CSP: put the rules in slipway.css");
            }
        }

        @Override
        public void validateHtmlAttribute(HtmlTag htmlTag, HtmlAttribute htmlAttribute) throws HtmlPolicyException {
            if ("style".equalsIgnoreCase(htmlAttribute.getName())) {
                throw new HtmlPolicyException("style attributes are blocked by the CSP: use a class from slipway.css");
            }
        }
    }
}
