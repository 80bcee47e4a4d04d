// A discovery-based application (openid-client 6.x, what Auth0's newer SDKs use underneath): discovery of
// https://{domain}, PAR with Auth0's audience (and authorization_details, if given), login, code grant with
// openid-client's ID token checks, userinfo.
import * as client from 'openid-client';
import { claims, config, receive, run, send } from './lib/io.mjs';

await run(async () => {
  const { domain, clientId, clientSecret, redirectUri, audience, authorizationDetails } = config();
  const oidc = await client.discovery(new URL(`https://${domain}`), clientId, clientSecret);
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();

  // push to the document's pushed_authorization_request_endpoint; the URL is its authorization_endpoint
  const authorize = await client.buildAuthorizationUrlWithPAR(oidc, {
    redirect_uri: redirectUri,
    scope: 'openid profile email',
    audience,
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    ...(authorizationDetails && { authorization_details: authorizationDetails }),
  });
  send({ authorize: authorize.href });

  const callback = new URL(await receive('callback'));
  const tokens = await client.authorizationCodeGrant(oidc, callback, {
    pkceCodeVerifier: codeVerifier,
    expectedState: state,
    expectedNonce: nonce,
    idTokenExpected: true,
  });
  const idToken = tokens.claims();
  const userinfo = await client.fetchUserInfo(oidc, tokens.access_token, idToken.sub);

  send({
    metadata: oidc.serverMetadata(),
    idToken,
    accessToken: claims(tokens.access_token),
    userinfo,
    authorizationDetails: tokens.authorization_details,
  });
});
