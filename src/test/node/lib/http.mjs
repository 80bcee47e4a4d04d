// Node's own HTTP clients under oauth4webapi, where the global fetch cannot do what a test needs, and what a
// server answered to a request it should refuse.

/**
 * A fetch for oauth4webapi's customFetch over Node's `http` or `https` client (`client`), which can present a
 * client certificate or send from a chosen local address (`options`, Node's request options) with headers the
 * global fetch will not send (`headers(url)`). A new connection per request, so each shows only its own.
 */
export function nodeFetch(client, options = {}, headers = () => ({})) {
  return (url, init) => new Promise((resolve, reject) => {
    const request = client.request(url, {
      method: init.method,
      headers: { ...Object.fromEntries(new Headers(init.headers)), ...headers(url) },
      agent: false,
      ...options,
    }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => {
        const answerHeaders = new Headers();
        for (const [name, value] of Object.entries(response.headers)) {
          answerHeaders.set(name, Array.isArray(value) ? value.join(', ') : value);
        }
        const body = [204, 304].includes(response.statusCode) ? null : Buffer.concat(chunks);
        resolve(new Response(body, { status: response.statusCode, headers: answerHeaders }));
      });
    });
    request.on('error', reject);
    request.end(init.body === undefined || init.body === null ? undefined : String(init.body));
  });
}

/** What the server answered: status, JSON body (or its text) and WWW-Authenticate, for the test to judge. */
export async function answerOf(request) {
  const response = await request;
  const text = await response.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = { text };
  }
  return { status: response.status, body, wwwAuthenticate: response.headers.get('www-authenticate') };
}
