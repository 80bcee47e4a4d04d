// A FAPI 2.0 client (openid-client 6 on oauth4webapi) configured as for Auth0: issuer https://{domain}/ and Auth0's
// endpoints, no discovery. private_key_jwt and request objects signed with PS256, PAR, S256 PKCE, DPoP when asked.
// openid-client checks the authorization response's iss (RFC 9207) and the ID token's iss against that issuer.
// Modes: "login" (the whole flow), "no-par" (a signed request straight to /authorize), "plain-pkce" (a push with
// code_challenge_method=plain).
import { createPrivateKey, webcrypto } from 'node:crypto';
import * as client from 'openid-client';
import { claims, config, receive, run, send } from './lib/io.mjs';

/** An OAuth error the server answered, as the test checks it; anything else is the script's failure. */
async function orRejected(step) {
  try {
    return await step();
  } catch (e) {
    if (e instanceof client.ResponseBodyError || e instanceof client.AuthorizationResponseError) {
      send({ rejected: { error: e.error, error_description: e.error_description, status: e.status } });
      return undefined;
    }
    throw e;
  }
}

await run(async () => {
  const { domain, clientId, privateKeyPem, keyId, redirectUri, mode, dpop } = config();
  const issuer = `https://${domain}/`;
  const server = {
    issuer,
    authorization_endpoint: `https://${domain}/authorize`,
    token_endpoint: `https://${domain}/oauth/token`,
    pushed_authorization_request_endpoint: `https://${domain}/oauth/par`,
    jwks_uri: `https://${domain}/.well-known/jwks.json`,
    authorization_response_iss_parameter_supported: true,
  };
  const der = createPrivateKey(privateKeyPem).export({ type: 'pkcs8', format: 'der' });
  const key = await webcrypto.subtle.importKey('pkcs8', der, { name: 'RSA-PSS', hash: 'SHA-256' }, false, ['sign']);
  const signingKey = { key, kid: keyId };
  const oidc = new client.Configuration(server, clientId, { id_token_signed_response_alg: 'PS256' },
    client.PrivateKeyJwt(signingKey));
  const dpopOptions = dpop
    ? { DPoP: client.getDPoPHandle(oidc, await client.randomDPoPKeyPair('PS256')) }
    : undefined;

  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const parameters = {
    redirect_uri: redirectUri,
    scope: 'openid profile',
    state,
    nonce,
    code_challenge: mode === 'plain-pkce' ? codeVerifier : await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: mode === 'plain-pkce' ? 'plain' : 'S256',
  };
  const signed = await client.buildAuthorizationUrlWithJAR(oidc, parameters, signingKey);
  if (mode === 'no-par') {
    send({ authorize: signed.href });
    return;
  }
  const authorize = await orRejected(() => client.buildAuthorizationUrlWithPAR(oidc, signed.searchParams, dpopOptions));
  if (!authorize) {
    return;
  }
  send({ authorize: authorize.href });

  const callback = new URL(await receive('callback'));
  const tokens = await orRejected(() => client.authorizationCodeGrant(oidc, callback, {
    pkceCodeVerifier: codeVerifier,
    expectedState: state,
    expectedNonce: nonce,
    idTokenExpected: true,
  }, undefined, dpopOptions));
  if (!tokens) {
    return;
  }

  send({
    callbackIssuer: callback.searchParams.get('iss'),
    tokenType: tokens.token_type,
    idToken: tokens.claims(),
    accessToken: claims(tokens.access_token),
  });
});
