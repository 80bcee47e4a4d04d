// DPoP (RFC 9449) through Auth0's endpoints, with oauth4webapi making every proof: /oauth/par, /authorize,
// /oauth/token (code and refresh), /userinfo. The test logs in for each pushed request; the script tells it what it
// got, refusals included (status, error, WWW-Authenticate), and never decides the outcome itself.
import * as oauth from 'oauth4webapi';
import { answerOf as refusal } from './lib/http.mjs';
import { auth0Endpoints } from './lib/auth0.mjs';
import { claims, config, receive, run, send } from './lib/io.mjs';

await run(async () => {
  const { domain, clientId, clientSecret, requiredClientId, requiredClientSecret, redirectUri } = config();
  const realm = `https://${domain}`;
  const as = auth0Endpoints(realm);
  const app = { client_id: clientId, id_token_signed_response_alg: 'RS256' };
  const requiredApp = { client_id: requiredClientId, id_token_signed_response_alg: 'RS256' };
  const key = await oauth.generateKeyPair('ES256');
  const attackerKey = await oauth.generateKeyPair('ES256');
  const dpop = oauth.DPoP(app, key);
  const result = { jkt: await dpop.calculateThumbprint(), attackerJkt: await oauth.DPoP(app, attackerKey).calculateThumbprint() };

  /** The token endpoint's own answer, as the client received it (oauth4webapi lower-cases token_type). */
  const tokenAnswers = [];
  const recordingTokenAnswers = {
    [oauth.customFetch]: async (url, init) => {
      const response = await fetch(url, init);
      tokenAnswers.push(await response.clone().json());
      return response;
    },
  };

  // login 1: a proof at /oauth/par binds the code to the key
  let parProof;
  const login1 = await login(as, app, oauth.ClientSecretPost(clientSecret), {}, {
    DPoP: dpop,
    [oauth.customFetch]: (url, init) => {
      parProof = new Headers(init.headers).get('dpop');
      return fetch(url, init);
    },
  });
  // the same proof again, as someone who saw it would send it: Keycloak's replay cache refuses it
  result.replayedParProof = await refusal(fetch(as.pushed_authorization_request_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', dpop: parProof },
    body: new URLSearchParams({
      client_id: clientId, client_secret: clientSecret, response_type: 'code', redirect_uri: redirectUri, scope: 'openid',
      code_challenge: await oauth.calculatePKCECodeChallenge(oauth.generateRandomCodeVerifier()), code_challenge_method: 'S256',
    }),
  }));

  const tokens = await oauth.processAuthorizationCodeResponse(as, app, await oauth.authorizationCodeGrantRequest(
    as, app, oauth.ClientSecretPost(clientSecret), login1.callback, redirectUri, login1.codeVerifier,
    { DPoP: dpop, ...recordingTokenAnswers }), { expectedNonce: login1.nonce, requireIdToken: true });
  result.tokenAnswer = tokenAnswers.at(-1);
  result.accessToken = claims(tokens.access_token);
  result.idToken = oauth.getValidatedIdTokenClaims(tokens);

  // userinfo: Authorization: DPoP with a proof carrying ath
  result.userinfo = await oauth.processUserInfoResponse(as, app, result.idToken.sub,
    await oauth.userInfoRequest(as, app, tokens.access_token, { DPoP: dpop }));
  // the token alone, as a bearer token
  result.userinfoAsBearer = await refusal(fetch(as.userinfo_endpoint, { headers: { authorization: `Bearer ${tokens.access_token}` } }));
  // the token stolen, with a proof of another key
  result.userinfoWithAttackerProof = await refusal(oauth.userInfoRequest(as, app, tokens.access_token, { DPoP: oauth.DPoP(app, attackerKey) }));

  // refresh with a proof signed for Keycloak's own token endpoint, sent to /oauth/token: htu is the URL called
  result.refreshWithKeycloaksHtu = await refusal(oauth.refreshTokenGrantRequest(
    { ...as, token_endpoint: `${realm}/protocol/openid-connect/token` }, app, oauth.ClientSecretPost(clientSecret),
    tokens.refresh_token, { DPoP: dpop, [oauth.customFetch]: (url, init) => fetch(as.token_endpoint, init) }));
  const refreshed = await oauth.processRefreshTokenResponse(as, app, await oauth.refreshTokenGrantRequest(
    as, app, oauth.ClientSecretPost(clientSecret), tokens.refresh_token, { DPoP: dpop, ...recordingTokenAnswers }));
  result.refreshAnswer = tokenAnswers.at(-1);
  result.refreshedAccessToken = claims(refreshed.access_token);
  result.refreshedUserinfo = await oauth.processUserInfoResponse(as, app, result.idToken.sub,
    await oauth.userInfoRequest(as, app, refreshed.access_token, { DPoP: dpop }));

  // login 2: dpop_jkt alone binds the code; whoever stole it cannot redeem it with their own key
  const login2 = await login(as, app, oauth.ClientSecretPost(clientSecret), { dpop_jkt: result.jkt }, {});
  result.stolenCode = await refusal(oauth.authorizationCodeGrantRequest(as, app, oauth.ClientSecretPost(clientSecret),
    login2.callback, redirectUri, login2.codeVerifier, { DPoP: oauth.DPoP(app, attackerKey) }));

  // login 3: a client that must use DPoP (dpop.bound.access.tokens) redeems its code without a proof
  const login3 = await login(as, requiredApp, oauth.ClientSecretPost(requiredClientSecret), {}, {});
  result.requiredWithoutProof = await refusal(oauth.authorizationCodeGrantRequest(as, requiredApp,
    oauth.ClientSecretPost(requiredClientSecret), login3.callback, redirectUri, login3.codeVerifier));

  // login 4: the same client with a proof; then its refresh without one
  const requiredDpop = oauth.DPoP(requiredApp, key);
  const login4 = await login(as, requiredApp, oauth.ClientSecretPost(requiredClientSecret), {}, { DPoP: requiredDpop });
  const requiredTokens = await oauth.processAuthorizationCodeResponse(as, requiredApp, await oauth.authorizationCodeGrantRequest(
    as, requiredApp, oauth.ClientSecretPost(requiredClientSecret), login4.callback, redirectUri, login4.codeVerifier,
    { DPoP: requiredDpop }), { expectedNonce: login4.nonce, requireIdToken: true });
  result.requiredAccessToken = claims(requiredTokens.access_token);
  result.requiredRefreshWithoutProof = await refusal(oauth.refreshTokenGrantRequest(as, requiredApp,
    oauth.ClientSecretPost(requiredClientSecret), requiredTokens.refresh_token));

  send(result);

  /** A push to /oauth/par, the test's login at /authorize, and the callback as the client checks it. */
  async function login(server, client, clientAuthentication, parameters, options) {
    const codeVerifier = oauth.generateRandomCodeVerifier();
    const state = oauth.generateRandomState();
    const nonce = oauth.generateRandomNonce();
    const pushed = await oauth.processPushedAuthorizationResponse(server, client, await oauth.pushedAuthorizationRequest(
      server, client, clientAuthentication, {
        redirect_uri: redirectUri, response_type: 'code', scope: 'openid profile email', state, nonce,
        code_challenge: await oauth.calculatePKCECodeChallenge(codeVerifier), code_challenge_method: 'S256', ...parameters,
      }, options));
    const authorize = new URL(server.authorization_endpoint);
    authorize.searchParams.set('client_id', client.client_id);
    authorize.searchParams.set('request_uri', pushed.request_uri);
    send({ authorize: authorize.href });
    const callback = oauth.validateAuthResponse(as, client, new URL(await receive('callback')), state);
    return { callback, codeVerifier, nonce };
  }
});
