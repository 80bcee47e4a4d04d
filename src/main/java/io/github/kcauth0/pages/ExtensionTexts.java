package io.github.kcauth0.pages;

import java.io.IOException;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.theme.Theme;

/**
 * The texts of this extension's login theme {@code auth0-par} (under {@code themes/}), in the user's language,
 * read from that theme whatever login theme the realm uses: a realm's own theme does not have them.
 */
public final class ExtensionTexts {

    static final String THEME = "auth0-par";

    private ExtensionTexts() {
    }

    /** @param user the user whose language counts, if known */
    public static String text(KeycloakSession session, UserModel user, String key, Object... parameters) {
        Locale locale = session.getContext().resolveLocale(user);
        Properties messages;
        try {
            messages = session.theme().getTheme(THEME, Theme.Type.LOGIN).getEnhancedMessages(session.getContext().getRealm(), locale);
        } catch (IOException e) {
            messages = new Properties();
        }
        return new MessageFormat(messages.getProperty(key, key), locale).format(parameters);
    }
}
