// How a script talks to the Java test that runs it: its configuration as JSON in the first argument, then one
// JSON object per line each way (stdout to the test, stdin from it). A failure is the line {"error": …} and a
// non-zero exit code.
import readline from 'node:readline';

const input = readline.createInterface({ input: process.stdin });
const lines = input[Symbol.asyncIterator]();

export function config() {
  return JSON.parse(process.argv[2]);
}

export function send(message) {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

/** Waits for the test's next line and returns its field `name`. */
export async function receive(name) {
  const { value, done } = await lines.next();
  if (done) {
    throw new Error(`the test closed stdin while the script waited for "${name}"`);
  }
  const message = JSON.parse(value);
  if (!(name in message)) {
    throw new Error(`expected "${name}" from the test, got ${value}`);
  }
  return message[name];
}

/** Runs the script's flow; any error becomes {"error": …} with what the SDK said about it. */
export async function run(flow) {
  try {
    await flow();
  } catch (e) {
    send({
      error: `${e.name}: ${e.message}`,
      status: e.statusCode ?? e.status,
      body: e.body,
      code: e.code,
      cause: e.cause ? `${e.cause.name}: ${e.cause.message}` : undefined,
    });
    process.exitCode = 1;
  } finally {
    input.close();
  }
}

/** A JWT's claims, unverified: for the test to look at what the SDK accepted. */
export function claims(jwt) {
  return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
}
