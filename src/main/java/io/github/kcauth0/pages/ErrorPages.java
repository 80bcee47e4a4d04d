package io.github.kcauth0.pages;

import io.github.kcauth0.oauth.OAuthError;
import jakarta.ws.rs.core.Response;

import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;

/**
 * Every error page the extension shows a user: Keycloak's error page, in the realm's login theme, with a text of
 * this extension's login theme {@code auth0-par} (under {@code themes/}, whose parent holds Keycloak's own texts)
 * in the user's language.
 * <p>
 * A page's text never holds what the request sent. Keycloak renders a message as markup: its sanitizer keeps
 * links and images, and first decodes HTML entities (up to five times), so escaping a value does not keep it text.
 * An error that quotes the request shows its {@link OAuthError#descriptionWithoutRequestValues()} instead; the
 * event and the logs keep the whole description. Whatever reaches a page loses '&lt;', '&gt;' and '&amp;' on the
 * way, so that a value that slips in anyway stays text.
 */
public final class ErrorPages {

    /** A pushed request_uri Keycloak does not honour: unknown, expired, used, or another client's. */
    public static final String REQUEST_URI_NOT_HONOURED = "auth0ParRequestUriNotHonoured";
    /** A link whose query cannot be read (not UTF-8, or malformed percent-encoding). */
    public static final String DAMAGED_LINK = "auth0ParDamagedLink";
    /** A request the extension rejects, with a description of why that quotes nothing from the request. */
    static final String INVALID_REQUEST = "auth0ParInvalidRequest";

    private ErrorPages() {
    }

    /** The page of a message of this extension's theme or Keycloak's (such as {@code Messages.INVALID_REDIRECT_URI}). */
    public static Response error(KeycloakSession session, String messageKey) {
        return page(session, ExtensionTexts.text(session, null, messageKey));
    }

    /** The page of a rejected request: what went wrong, in words, without the values the request sent. */
    public static Response rejected(KeycloakSession session, OAuthError rejection) {
        return page(session, ExtensionTexts.text(session, null, INVALID_REQUEST, withoutMarkup(rejection.descriptionWithoutRequestValues())));
    }

    /** Keycloak shows a text that is no key of the realm's theme as it is, without formatting it again. */
    private static Response page(KeycloakSession session, String text) {
        return session.getProvider(LoginFormsProvider.class)
                .setError(text)
                .createErrorPage(Response.Status.BAD_REQUEST);
    }

    /** Without the characters that start a tag or an entity, no text is markup to Keycloak's sanitizer. */
    static String withoutMarkup(String text) {
        return text.replaceAll("[<>&]", "");
    }
}
