/**
 * The engine's few uses of Node's global `Buffer` (iconv-lite's Windows-1252 decoder, the .xlsx
 * reader and writer) get the `buffer` package in the browser bundle: esbuild injects this module
 * wherever the global is read.
 */
export { Buffer } from 'buffer';
