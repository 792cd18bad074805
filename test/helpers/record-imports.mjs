// Loaded with `node --import` by test/e2e/startup.test.ts: writes every module URL the process
// resolves, one a line, to the file named by ESF_RECORD_IMPORTS, so a test can say what a command loads.
import { register } from 'node:module';
import process from 'node:process';
import { MessageChannel } from 'node:worker_threads';
import { appendFileSync } from 'node:fs';

const out = process.env.ESF_RECORD_IMPORTS;
if (out) {
  const { port1, port2 } = new MessageChannel();
  port1.on('message', (url) => appendFileSync(out, `${url}\n`));
  port1.unref();
  register(
    `data:text/javascript,${encodeURIComponent(`
      let port;
      export function initialize(data) { port = data.port; }
      export async function resolve(specifier, context, next) {
        const r = await next(specifier, context);
        port.postMessage(r.url);
        return r;
      }`)}`,
    { data: { port: port2 }, transferList: [port2] },
  );
}
