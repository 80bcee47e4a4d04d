// DPoP through discovery, as Auth0's discovery-based SDKs do it (openid-client 6 with its DPoP handle): the
// document's pushed_authorization_request_endpoint (/oauth/par), then its authorization, token and userinfo
// endpoints, and a refresh, every request with a proof of one key.
import * as client from 'openid-client';
import { claims, config, receive, run, send } from './lib/io.mjs';

await run(async () => {
  const { domain, clientId, clientSecret, redirectUri } = config();
  const oidc = await client.discovery(new URL(`https://${domain}`), clientId, clientSecret);
  const keyPair = await client.randomDPoPKeyPair('ES256');
  const DPoP = client.getDPoPHandle(oidc, keyPair);
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();

  const authorize = await client.buildAuthorizationUrlWithPAR(oidc, {
    redirect_uri: redirectUri,
    scope: 'openid profile email',
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  }, { DPoP });
  send({ authorize: authorize.href });

  const tokens = await client.authorizationCodeGrant(oidc, new URL(await receive('callback')), {
    pkceCodeVerifier: codeVerifier,
    expectedState: state,
    expectedNonce: nonce,
    idTokenExpected: true,
  }, undefined, { DPoP });
  const sub = tokens.claims().sub;
  const userinfo = await client.fetchUserInfo(oidc, tokens.access_token, sub, { DPoP });
  const refreshed = await client.refreshTokenGrant(oidc, tokens.refresh_token, undefined, { DPoP });

  send({
    metadata: oidc.serverMetadata(),
    jkt: await DPoP.calculateThumbprint(),
    tokenType: tokens.token_type,
    accessToken: claims(tokens.access_token),
    userinfo,
    refreshedTokenType: refreshed.token_type,
    refreshedAccessToken: claims(refreshed.access_token),
    refreshedUserinfo: await client.fetchUserInfo(oidc, refreshed.access_token, sub, { DPoP }),
  });
});
