// A web application with express-openid-connect 3.x, configured as Auth0's quickstart does but with Keycloak's
// domain: PAR, an API audience, login and logout at the identity provider. It runs until the test closes stdin.
//   GET /           {"authenticated": bool}
//   GET /api-token  (login required) the user and the access token's audience
import crypto from 'node:crypto';
import express from 'express';
import expressOpenIdConnect from 'express-openid-connect'; // CommonJS: no named exports
import { claims, config, receive, run, send } from './lib/io.mjs';

const { auth, requiresAuth } = expressOpenIdConnect;

await run(async () => {
  const { domain, clientId, clientSecret, audience } = config();
  const app = express();
  const server = app.listen(0);
  await new Promise((resolve, reject) => server.once('listening', resolve).once('error', reject));
  const baseURL = `http://localhost:${server.address().port}`;

  app.use(auth({
    issuerBaseURL: `https://${domain}`,
    baseURL,
    clientID: clientId,
    clientSecret,
    secret: crypto.randomBytes(32).toString('base64url'),
    authRequired: false,
    idpLogout: true,
    pushedAuthorizationRequests: true,
    authorizationParams: { response_type: 'code', response_mode: 'query', audience, scope: 'openid profile email' },
  }));
  app.get('/', (req, res) => res.json({ authenticated: req.oidc.isAuthenticated() }));
  app.get('/api-token', requiresAuth(), (req, res) => res.json({
    user: req.oidc.user.preferred_username,
    audience: claims(req.oidc.accessToken.access_token).aud,
  }));
  app.use((err, req, res, next) => {
    console.error(err);
    res.status(err.status ?? 500).json({ error: `${err.name}: ${err.message}` });
  });

  send({ app: baseURL });
  await receive('stop');
  server.closeAllConnections();
  server.close();
});
