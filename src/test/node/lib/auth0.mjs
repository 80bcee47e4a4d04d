// Auth0's endpoints and issuer under a domain, as oauth4webapi's authorization server metadata: what an application
// configured with Auth0's endpoints (rather than discovery) uses. The ID tokens of /oauth/token and the
// authorization response's iss carry Auth0's issuer, https://{domain}/.
export function auth0Endpoints(base) {
  return {
    issuer: `${base}/`,
    pushed_authorization_request_endpoint: `${base}/oauth/par`,
    authorization_endpoint: `${base}/authorize`,
    token_endpoint: `${base}/oauth/token`,
    userinfo_endpoint: `${base}/userinfo`,
    jwks_uri: `${base}/.well-known/jwks.json`,
  };
}
