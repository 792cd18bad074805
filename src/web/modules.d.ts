/** The bundled sample export: esbuild's binary loader gives its exact bytes. */
declare module '*.csv' {
  const bytes: Uint8Array;
  export default bytes;
}
