// Mutual TLS behind a proxy that forwards the client certificate as Auth0's edge does: `client-certificate` (the
// URL-encoded PEM) and `client-certificate-ca-verified`. This script plays both the proxy, calling Keycloak's HTTP
// port from 127.0.0.1 (the trusted proxy address), and an attacker calling from 127.0.0.2 with forged headers;
// the client is oauth4webapi with TLS client authentication. The script reports what it got; the test judges.
import http from 'node:http';
import * as oauth from 'oauth4webapi';
import { answerOf as answer, nodeFetch } from './lib/http.mjs';
import { auth0Endpoints } from './lib/auth0.mjs';
import { claims, config, receive, run, send } from './lib/io.mjs';

await run(async () => {
  const { domain, redirectUri, certificates } = config();
  const realm = `http://${domain}`;
  const as = auth0Endpoints(realm);
  const forwarded = (name, caVerified) => ({
    'client-certificate': encodeURIComponent(certificates[name]),
    'client-certificate-ca-verified': caVerified,
  });
  const proxy = (headers) => via('127.0.0.1', headers);
  const attacker = (headers) => via('127.0.0.2', { ...headers, 'x-forwarded-trusted-proxy': 'true', 'x-forwarded-for': '127.0.0.1' });
  const auth = oauth.TlsClientAuth();
  const mtlsApp = { client_id: 'mtls-app', id_token_signed_response_alg: 'RS256' };
  const selfSignedApp = { client_id: 'self-signed-app', id_token_signed_response_alg: 'RS256' };
  const result = {};

  // tls_client_auth: only a certificate the proxy verified against a CA, and only from the proxy
  result.verifiedFromProxy = await answer(push(mtlsApp, proxy(forwarded('mtls-app', 'SUCCESS'))));
  result.unverifiedFromProxy = await answer(push(mtlsApp, proxy(forwarded('mtls-app', 'FAILED:unable to get local issuer certificate'))));
  result.verifiedFromElsewhere = await answer(push(mtlsApp, attacker(forwarded('mtls-app', 'SUCCESS'))));

  // self_signed_tls_client_auth: a login with certificate-bound tokens, the certificate forwarded by the proxy
  const selfSigned = proxy(forwarded('self-signed-app', 'FAILED:self-signed certificate'));
  result.selfSignedFromElsewhere = await answer(push(selfSignedApp, attacker(forwarded('self-signed-app', 'FAILED:self-signed certificate'))));
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const pushed = await oauth.processPushedAuthorizationResponse(as, selfSignedApp, await oauth.pushedAuthorizationRequest(
    as, selfSignedApp, auth, {
      redirect_uri: redirectUri, response_type: 'code', scope: 'openid email', state,
      code_challenge: await oauth.calculatePKCECodeChallenge(codeVerifier), code_challenge_method: 'S256',
    }, selfSigned));
  const authorize = new URL(as.authorization_endpoint);
  authorize.searchParams.set('client_id', selfSignedApp.client_id);
  authorize.searchParams.set('request_uri', pushed.request_uri);
  send({ authorize: authorize.href });
  const callback = oauth.validateAuthResponse(as, selfSignedApp, new URL(await receive('callback')), state);
  const tokens = await oauth.processAuthorizationCodeResponse(as, selfSignedApp, await oauth.authorizationCodeGrantRequest(
    as, selfSignedApp, auth, callback, redirectUri, codeVerifier, selfSigned), { requireIdToken: true });
  result.accessToken = claims(tokens.access_token);
  const sub = oauth.getValidatedIdTokenClaims(tokens).sub;
  result.userinfo = await oauth.processUserInfoResponse(as, selfSignedApp, sub,
    await oauth.userInfoRequest(as, selfSignedApp, tokens.access_token, selfSigned));
  result.userinfoFromElsewhere = await answer(oauth.userInfoRequest(as, selfSignedApp, tokens.access_token,
    attacker(forwarded('self-signed-app', 'FAILED:self-signed certificate'))));
  send(result);

  function push(client, connection) {
    return oauth.pushedAuthorizationRequest(as, client, auth, {
      redirect_uri: redirectUri, response_type: 'code', scope: 'openid',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', code_challenge_method: 'S256',
    }, connection);
  }
});

/** oauth4webapi's options for requests sent over Node's http client from this local address, with these headers. */
function via(localAddress, extraHeaders) {
  return {
    [oauth.allowInsecureRequests]: true,
    // Keycloak's address over IPv4, whatever localhost resolves to, so that the source address is the one bound
    [oauth.customFetch]: nodeFetch(http, { hostname: '127.0.0.1', localAddress },
      (url) => ({ host: new URL(url).host, ...extraHeaders })),
  };
}
