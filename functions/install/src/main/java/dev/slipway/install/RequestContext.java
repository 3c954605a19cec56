package dev.slipway.install;

import dev.slipway.access.InvalidTokenException;
import dev.slipway.access.LinkSigner;
import dev.slipway.access.LinkToken;
import dev.slipway.access.Purpose;
import dev.slipway.http.HttpRequest;
import dev.slipway.install.page.Visitor;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What every route knows about the request it answers, made by the {@link Router}.
 *
 * @param request the request
 * @param origin the configured origin links point at (see {@link Origins}), e.g. {@code https://install.example.com}
 * @param requestId Lambda's request id, or null outside Lambda
 * @param signer verifies the URL's token
 * @param logFields the fields of the one log line the router writes for the request
 * @param visitor who is asking, from the user agent (read once by the router: an app page asks for every row)
 */
public record RequestContext(HttpRequest request, URI origin, String requestId, LinkSigner signer,
                             List<Object> logFields, Visitor visitor) {
    RequestContext(HttpRequest request, URI origin, String requestId, LinkSigner signer, Visitor visitor) {
        this(request, origin, requestId, signer, new ArrayList<>(), visitor);
    }

    public boolean isHead() {
        return request.method().equals("HEAD");
    }

    /**
     * An absolute link on this site: {@code pathAndQuery} starts with {@code /} and is encoded
     * already (ids and tokens are). Joined, not parsed and resolved: an app page makes two a row.
     */
    public String link(String pathAndQuery) {
        return origin.getScheme() + "://" + origin.getRawAuthority() + pathAndQuery;
    }

    /** {@link #link} as a URI. */
    public URI linkUri(String pathAndQuery) {
        return URI.create(link(pathAndQuery));
    }

    /** The token as it came in the URL ({@code t}), to hand on in links to pages of the same scope. */
    public String rawToken() {
        return request.param("t");
    }

    /**
     * The URL's token, verified for this purpose (signature, key, expiry; not yet revocation or scope).
     *
     * @throws InvalidTokenException if there is none, or it does not verify
     */
    public LinkToken token(Purpose purpose) throws InvalidTokenException {
        String t = rawToken();
        if (t == null || t.isEmpty()) {
            throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED, "no token in the URL");
        }
        return signer.verify(t, purpose);
    }

    /**
     * Adds fields to the request's log line (ids and outcomes; never tokens, IPs or notes).
     *
     * @param fields name, value, name, value… (a value may be null: the line then says null)
     */
    public RequestContext log(Object... fields) {
        logFields.addAll(Arrays.asList(fields));
        return this;
    }
}
