// Tries the skill without Lambda: node run-local.js ../envelopes/launch-request.json (or the envelope on stdin).
// Prints the response envelope on stdout; the skill's log goes to stderr. Configured from the environment.
import { readFile } from 'node:fs/promises';
import { text } from 'node:stream/consumers';

console.log = console.info = console.error;
const envelope = JSON.parse(process.argv[2] ? await readFile(process.argv[2], 'utf8') : await text(process.stdin));
const { handler } = await import('./index.js');
const response = await new Promise((resolve, reject) => {
  handler(envelope, {}, (error, result) => (error ? reject(error) : resolve(result)));
});
process.stdout.write(`${JSON.stringify(response)}\n`);
