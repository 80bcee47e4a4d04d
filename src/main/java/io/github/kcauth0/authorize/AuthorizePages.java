package io.github.kcauth0.authorize;

import java.io.IOException;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

import jakarta.ws.rs.core.Response;

import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.theme.Theme;

/**
 * The pages /authorize shows the user: Keycloak's error page, in the realm's login theme, with this extension's
 * texts from its login theme {@code auth0-par} (under {@code themes/}) in the user's language.
 */
final class AuthorizePages {

    static final String THEME = "auth0-par";
    static final String REQUEST_URI_NOT_HONOURED = "auth0ParRequestUriNotHonoured";
    static final String INVALID_REQUEST = "auth0ParInvalidRequest";
    static final String DAMAGED_LINK = "auth0ParDamagedLink";

    private AuthorizePages() {
    }

    static Response error(KeycloakSession session, String messageKey, Object... parameters) {
        return session.getProvider(LoginFormsProvider.class)
                .setError(text(session, messageKey, parameters))
                .createErrorPage(Response.Status.BAD_REQUEST);
    }

    private static String text(KeycloakSession session, String key, Object... parameters) {
        Locale locale = session.getContext().resolveLocale(null);
        Properties messages;
        try {
            messages = session.theme().getTheme(THEME, Theme.Type.LOGIN).getEnhancedMessages(session.getContext().getRealm(), locale);
        } catch (IOException e) {
            messages = new Properties();
        }
        // The login page formats the text once more: quote it so that it shows as written.
        String text = new MessageFormat(messages.getProperty(key, key), locale).format(parameters);
        return text.replace("'", "''").replace("{", "'{'");
    }
}
