// Mutual TLS (RFC 8705) through Auth0's endpoints, Keycloak terminating TLS: oauth4webapi with TLS client
// authentication, its requests sent by Node's https client with a client certificate. tls_client_auth (a
// certificate from the test CA, by subject) and self_signed_tls_client_auth (the certificate registered on the
// client), certificate-bound tokens at /oauth/token and /userinfo. The script reports what it got; the test judges.
import fs from 'node:fs';
import https from 'node:https';
import * as oauth from 'oauth4webapi';
import { answerOf as refusal, nodeFetch } from './lib/http.mjs';
import { auth0Endpoints } from './lib/auth0.mjs';
import { claims, config, receive, run, send } from './lib/io.mjs';

await run(async () => {
  const { domain, redirectUri, certificates } = config();
  const realm = `https://${domain}`;
  const as = auth0Endpoints(realm);
  const tls = Object.fromEntries(Object.entries(certificates).map(([name, files]) => [name, {
    [oauth.customFetch]: nodeFetch(https, { cert: fs.readFileSync(files.certificate), key: fs.readFileSync(files.key) }),
  }]));
  const withoutCertificate = { [oauth.customFetch]: nodeFetch(https) };

  const result = {};
  for (const [clientId, certificate, otherCertificate] of [
    ['mtls-app', 'mtls-app', 'mtls-other'],
    ['self-signed-app', 'self-signed-app', 'self-signed-other'],
  ]) {
    const client = { client_id: clientId, id_token_signed_response_alg: 'RS256' };
    const outcome = result[clientId] = {};
    const auth = oauth.TlsClientAuth();

    // /oauth/par with another certificate, or none: refused; with the client's own: the login
    outcome.parWithOtherCertificate = await refusal(push(client, tls[otherCertificate]));
    outcome.parWithoutCertificate = await refusal(push(client, withoutCertificate));
    const login = await logIn(client, tls[certificate]);

    const tokens = await oauth.processAuthorizationCodeResponse(as, client, await oauth.authorizationCodeGrantRequest(
      as, client, auth, login.callback, redirectUri, login.codeVerifier, tls[certificate]),
      { expectedNonce: login.nonce, requireIdToken: true });
    outcome.accessToken = claims(tokens.access_token);
    const sub = oauth.getValidatedIdTokenClaims(tokens).sub;

    // /userinfo over a connection with the client's certificate; without it, or with another, refused
    outcome.userinfo = await oauth.processUserInfoResponse(as, client, sub,
      await oauth.userInfoRequest(as, client, tokens.access_token, tls[certificate]));
    outcome.userinfoWithoutCertificate = await refusal(oauth.userInfoRequest(as, client, tokens.access_token, withoutCertificate));
    outcome.userinfoWithOtherCertificate = await refusal(oauth.userInfoRequest(as, client, tokens.access_token, tls[otherCertificate]));

    // refresh: with another certificate refused, with the client's own bound again
    outcome.refreshWithOtherCertificate = await refusal(oauth.refreshTokenGrantRequest(as, client, auth, tokens.refresh_token, tls[otherCertificate]));
    const refreshed = await oauth.processRefreshTokenResponse(as, client,
      await oauth.refreshTokenGrantRequest(as, client, auth, tokens.refresh_token, tls[certificate]));
    outcome.refreshedAccessToken = claims(refreshed.access_token);
    outcome.refreshedUserinfo = await oauth.processUserInfoResponse(as, client, sub,
      await oauth.userInfoRequest(as, client, refreshed.access_token, tls[certificate]));
  }
  send(result);

  function push(client, connection) {
    return oauth.pushedAuthorizationRequest(as, client, oauth.TlsClientAuth(), {
      redirect_uri: redirectUri, response_type: 'code', scope: 'openid email',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', code_challenge_method: 'S256',
    }, connection);
  }

  async function logIn(client, connection) {
    const codeVerifier = oauth.generateRandomCodeVerifier();
    const state = oauth.generateRandomState();
    const nonce = oauth.generateRandomNonce();
    const pushed = await oauth.processPushedAuthorizationResponse(as, client, await oauth.pushedAuthorizationRequest(
      as, client, oauth.TlsClientAuth(), {
        redirect_uri: redirectUri, response_type: 'code', scope: 'openid email', state, nonce,
        code_challenge: await oauth.calculatePKCECodeChallenge(codeVerifier), code_challenge_method: 'S256',
      }, connection));
    const authorize = new URL(as.authorization_endpoint);
    authorize.searchParams.set('client_id', client.client_id);
    authorize.searchParams.set('request_uri', pushed.request_uri);
    send({ authorize: authorize.href });
    const callback = oauth.validateAuthResponse(as, client, new URL(await receive('callback')), state);
    return { callback, codeVerifier, nonce };
  }
});
