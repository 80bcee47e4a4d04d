// A machine-to-machine application on Auth0's Node SDK (npm auth0 6.x, AuthenticationClient): a token for an
// API by the client-credentials grant, as Auth0's quickstart has it; then the same for an API it has no grant for.
import { AuthenticationClient } from 'auth0';
import { claims, config, run, send } from './lib/io.mjs';

await run(async () => {
  const { domain, clientId, clientSecret, audience, otherAudience } = config();
  const auth0 = new AuthenticationClient({ domain, clientId, clientSecret });

  const { data: token } = await auth0.oauth.clientCredentialsGrant({ audience });

  let refused;
  try {
    await auth0.oauth.clientCredentialsGrant({ audience: otherAudience });
  } catch (error) {
    refused = { status: error.statusCode, error: error.error, description: error.error_description };
  }

  send({ tokenType: token.token_type, scope: token.scope, accessToken: claims(token.access_token), refused });
});
