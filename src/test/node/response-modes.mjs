// The authorization response in the modes other than a plain query, through Auth0's endpoints, with oauth4webapi
// checking each as a client configured with Auth0's endpoints and issuer does: JARM (response_mode=jwt, RFC 9207's
// iss inside a JWT signed with the realm's key from Auth0's jwks.json) and form_post (iss among the posted fields).
// The test logs in and hands back what the browser got; the script reports what the client accepted or refused.
import * as oauth from 'oauth4webapi';
import { auth0Endpoints } from './lib/auth0.mjs';
import { config, receive, run, send } from './lib/io.mjs';

await run(async () => {
  const { domain, clientId, clientSecret, redirectUri } = config();
  const as = auth0Endpoints(`https://${domain}`);
  const app = { client_id: clientId, id_token_signed_response_alg: 'RS256', authorization_signed_response_alg: 'RS256' };
  const authentication = oauth.ClientSecretPost(clientSecret);
  const result = {};

  async function push(responseMode) {
    const codeVerifier = oauth.generateRandomCodeVerifier();
    const state = oauth.generateRandomState();
    const nonce = oauth.generateRandomNonce();
    const pushed = await oauth.processPushedAuthorizationResponse(as, app, await oauth.pushedAuthorizationRequest(as, app,
      authentication, {
        redirect_uri: redirectUri, response_type: 'code', response_mode: responseMode, scope: 'openid', state, nonce,
        code_challenge: await oauth.calculatePKCECodeChallenge(codeVerifier), code_challenge_method: 'S256',
      }));
    const authorize = new URL(as.authorization_endpoint);
    authorize.searchParams.set('client_id', clientId);
    authorize.searchParams.set('request_uri', pushed.request_uri);
    send({ authorize: authorize.href });
    return { codeVerifier, state, nonce };
  }

  async function redeem(login, callback) {
    const tokens = await oauth.processAuthorizationCodeResponse(as, app, await oauth.authorizationCodeGrantRequest(
      as, app, authentication, callback, redirectUri, login.codeVerifier), { expectedNonce: login.nonce, requireIdToken: true });
    return oauth.getValidatedIdTokenClaims(tokens);
  }

  // JARM: the signed response's iss, aud, exp and signature (from Auth0's jwks.json) checked by the client
  const jarm = await push('jwt');
  const jarmCallback = new URL(await receive('callback'));
  result.jarmResponse = JSON.parse(Buffer.from(jarmCallback.searchParams.get('response').split('.')[1], 'base64url').toString('utf8'));
  result.jarmIdToken = await redeem(jarm, await oauth.validateJwtAuthResponse(as, app, jarmCallback, jarm.state));

  // form_post: the fields the browser would post to the application
  const formPost = await push('form_post');
  const posted = new URLSearchParams(await receive('posted'));
  result.formPostIss = posted.get('iss');
  result.formPostIdToken = await redeem(formPost, oauth.validateAuthResponse(as, app, posted, formPost.state));

  send(result);
});
