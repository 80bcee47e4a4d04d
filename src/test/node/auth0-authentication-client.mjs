// An application's login with Auth0's Node SDK (npm auth0 6.x, AuthenticationClient): push, let the user log
// in at {domain}/authorize, exchange the code with the SDK's ID token validation (nonce, organization), renew,
// read the user's profile, and hand the test Auth0's logout URL.
import crypto from 'node:crypto';
import { AuthenticationClient, UserInfoClient } from 'auth0';
import { claims, config, receive, run, send } from './lib/io.mjs';

const random = () => crypto.randomBytes(32).toString('base64url');

await run(async () => {
  const { domain, clientId, clientSecret, privateKeyPem, redirectUri, returnTo, organization, audience, scope } = config();
  const auth0 = new AuthenticationClient({ domain, clientId, clientSecret, clientAssertionSigningKey: privateKeyPem });
  const codeVerifier = random();
  const state = random();
  const nonce = random();

  // push
  const { data: pushed } = await auth0.oauth.pushedAuthorization({
    client_id: clientId,
    response_type: 'code',
    redirect_uri: redirectUri,
    scope: scope ?? 'openid profile email',
    state,
    nonce,
    code_challenge: crypto.createHash('sha256').update(codeVerifier).digest('base64url'),
    code_challenge_method: 'S256',
    ...(organization && { organization }),
    ...(audience && { audience }),
  });
  send({ authorize: `https://${domain}/authorize?${new URLSearchParams({ client_id: clientId, request_uri: pushed.request_uri })}` });

  // the user logged in; back at the redirect URI
  const callback = new URL(await receive('callback'));
  if (callback.searchParams.get('state') !== state) {
    throw new Error(`state mismatch in ${callback}`);
  }

  // code grant: the SDK validates the ID token (signature by jwks.json, iss, aud, exp, iat, nonce, organization)
  const { data: tokens } = await auth0.oauth.authorizationCodeGrantWithPKCE(
    { code: callback.searchParams.get('code'), code_verifier: codeVerifier, redirect_uri: redirectUri },
    { idTokenValidateOptions: { nonce, organization } },
  );

  // refresh grant, validated the same way (an application has no nonce to pass here)
  const { data: renewed } = await auth0.oauth.refreshTokenGrant({ refresh_token: tokens.refresh_token });

  const { data: userinfo } = await new UserInfoClient({ domain }).getUserInfo(renewed.access_token);

  send({
    idToken: claims(tokens.id_token),
    accessToken: claims(tokens.access_token),
    renewedIdToken: claims(renewed.id_token),
    userinfo,
    // Auth0's logout URL, as Auth0's quickstarts build it
    logout: `https://${domain}/v2/logout?${new URLSearchParams({ client_id: clientId, returnTo })}`,
  });
});
