/** Why bytes could not be read, in words, from a file-system error. */
export function readErrorReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EIO') return 'input/output error';
  return code ?? (err instanceof Error ? err.message : 'unknown error');
}
