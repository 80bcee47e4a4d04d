package io.github.kcauth0.support;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Request values that are markup, and the check that a page made none of them an element: every link, image,
 * script, frame and event handler a request could smuggle in points at {@link #EVIL_HOST} or runs
 * {@link #SCRIPT_MARKER}, which nothing of Keycloak's does.
 */
public final class RequestMarkup {

    public static final String EVIL_HOST = "evil.example";
    public static final String SCRIPT_MARKER = "kcauth0-markup";
    /** The text of the smuggled link, which a page that leaves the value out does not show either. */
    public static final String LINK_TEXT = "Your session expired: sign in again";

    /** Links, images, scripts, handlers, frames, a refresh; then the same as HTML entities, once and twice encoded. */
    public static final List<String> VALUES = List.of(
            "<a href=\"https://evil.example/login\">" + LINK_TEXT + "</a>",
            "<img src=\"https://evil.example/logo.png\" alt=\"" + LINK_TEXT + "\">",
            "<script src=\"https://evil.example/x.js\"></script><script>alert('" + SCRIPT_MARKER + "')</script>",
            "<img src=\"https://evil.example/x\" onerror=\"alert('" + SCRIPT_MARKER + "')\">",
            "<a href=\"javascript:alert('" + SCRIPT_MARKER + "')\">" + LINK_TEXT + "</a>",
            "<svg onload=\"alert('" + SCRIPT_MARKER + "')\"></svg><iframe src=\"https://evil.example/frame\"></iframe>",
            "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\"><form action=\"https://evil.example/\">"
                    + "<input name=\"password\"></form>",
            "&lt;a href=&quot;https://evil.example/entity&quot;&gt;" + LINK_TEXT + "&lt;/a&gt;",
            "&amp;lt;a href=&amp;quot;https://evil.example/twice&amp;quot;&amp;gt;" + LINK_TEXT + "&amp;lt;/a&amp;gt;",
            "&#60;img src=&#34;https://evil.example/numeric.png&#34;&#62;&#x3C;script&#x3E;alert('" + SCRIPT_MARKER
                    + "')&#x3C;/script&#x3E;",
            "https://api.example.com\"><a href=\"https://evil.example/quoted\">" + LINK_TEXT + "</a>");

    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "poster",
            "background", "data", "xlink:href", "srcset", "cite", "longdesc");

    private RequestMarkup() {
    }

    public static Document parse(HttpResponse<String> page) {
        return Jsoup.parse(page.body(), page.uri().toString());
    }

    /** The words a page shows, without its markup and attributes. */
    public static String text(HttpResponse<String> page) {
        return parse(page).text();
    }

    /** What an error page of Keycloak's says went wrong: its message, without the page around it. */
    public static String errorMessage(HttpResponse<String> page) {
        return parse(page).select("#kc-error-message").text();
    }

    /** No element of the page came from the request: none points at {@link #EVIL_HOST} or runs the marker. */
    public static void assertNoElementFromRequest(HttpResponse<String> page) {
        for (Element element : parse(page).getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                String value = attribute.getValue();
                boolean fromRequest = name.startsWith("on") && value.contains(SCRIPT_MARKER)
                        || URL_ATTRIBUTES.contains(name) && pointsAway(element.absUrl(name).isEmpty() ? value : element.absUrl(name))
                        || name.equals("style") && value.contains(EVIL_HOST)
                        || element.tagName().equals("meta") && name.equals("content") && value.contains(EVIL_HOST);
                assertFalse(fromRequest, () -> "An element from the request: " + element.outerHtml() + "\n" + page.body());
            }
            if (element.tagName().equals("script")) {
                assertFalse(element.data().contains(SCRIPT_MARKER),
                        () -> "A script from the request: " + element.outerHtml() + "\n" + page.body());
            }
        }
    }

    /** A URL to the evil host, or javascript: running the marker; a link of Keycloak's may quote it, encoded. */
    private static boolean pointsAway(String url) {
        String trimmed = url.strip().toLowerCase(Locale.ROOT);
        if (trimmed.startsWith("javascript:")) {
            return trimmed.contains(SCRIPT_MARKER);
        }
        try {
            String host = URI.create(url.strip()).getHost();
            return host != null && (host.equals(EVIL_HOST) || host.endsWith("." + EVIL_HOST));
        } catch (IllegalArgumentException notAUri) {
            return trimmed.contains("//" + EVIL_HOST);
        }
    }
}
