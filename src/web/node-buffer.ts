/**
 * The one function of Node's `node:buffer` that the engine uses (`read/encoding.ts`), for the
 * browser bundle: `isUtf8` by a fatal TextDecoder, which every browser has. esbuild resolves
 * `node:buffer` here (scripts/build-web.ts); the CLI keeps Node's own, faster one.
 */
const decoder = new TextDecoder('utf-8', { fatal: true });

export function isUtf8(bytes: Uint8Array): boolean {
  try {
    decoder.decode(bytes);
    return true;
  } catch {
    return false;
  }
}
