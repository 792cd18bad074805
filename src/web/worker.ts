import {
  analyse,
  analysisJson,
  analysisView,
  downloadName,
  htmlReportBytes,
  targetsChartHtml,
  templateBytes,
  workbookBytes,
  type Analysis,
  type InputFile,
  type WorkbookRequest,
} from './engine.js';
import type { DownloadMessage, FromWorker, ToWorker } from './protocol.js';

/**
 * The Web Worker: reads and computes off the page's thread, so a 100 000-row export keeps the
 * page responsive; keeps the last analysis for the downloads.
 */

interface WorkerScope {
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
}
const scope = self as unknown as WorkerScope;

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A picked or dropped file as the engine's input, read in chunks (never whole into memory before parsing). */
function fileInput(file: File): InputFile {
  return {
    name: file.name,
    size: file.size,
    async *open() {
      const reader = file.stream().getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    },
  };
}

async function sha256(file: File): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

type Files = { participants: File; ledger: File | null; budget: File | null };

/** SHA-256 of the files, as the About sheet and the HTML report's footer name them. */
async function fileHashes(files: Files): Promise<WorkbookRequest['sha256']> {
  return {
    participants: await sha256(files.participants),
    ledger: files.ledger ? await sha256(files.ledger) : undefined,
    budget: files.budget ? await sha256(files.budget) : undefined,
  };
}

let last: { analysis: Analysis; files: Files } | null = null;

async function download(msg: DownloadMessage): Promise<FromWorker> {
  if (msg.kind === 'template') {
    const bytes = await templateBytes(msg.lang, msg.today);
    return { type: 'file', id: msg.id, name: msg.lang === 'sv' ? 'deltagare.xlsx' : 'participants.xlsx', mime: XLSX_MIME, bytes };
  }
  if (!last) throw new Error('no file has been read yet');
  const { analysis, files } = last;
  if (msg.kind === 'json') {
    return { type: 'file', id: msg.id, name: downloadName(analysis, 'json'), mime: 'application/json', bytes: new TextEncoder().encode(analysisJson(analysis)) };
  }
  const req: WorkbookRequest = {
    lang: msg.lang,
    suppressBelow: msg.kind === 'shared' ? msg.suppressBelow : null,
    generatedAt: msg.generatedAt,
    sha256: await fileHashes(files),
  };
  if (msg.kind === 'html') {
    const bytes = await htmlReportBytes(analysis, req);
    if (bytes === null) throw new Error('this page has no HTML report renderer');
    return { type: 'file', id: msg.id, name: downloadName(analysis, 'html'), mime: 'text/html', bytes };
  }
  const bytes = await workbookBytes(analysis, req);
  return { type: 'file', id: msg.id, name: downloadName(analysis, msg.kind), mime: XLSX_MIME, bytes };
}

/** The latest analysis asked for: an older one that finishes later must not replace its result. */
let latestAnalyse = 0;

async function handle(msg: ToWorker): Promise<FromWorker> {
  if (msg.type === 'download') return download(msg);
  latestAnalyse = msg.id;
  let lastTick = 0;
  const outcome = await analyse(
    {
      participants: fileInput(msg.participants),
      ledger: msg.ledger ? fileInput(msg.ledger) : null,
      budget: msg.budget ? fileInput(msg.budget) : null,
      period: msg.period,
      asOf: msg.asOf,
      today: msg.today,
      lang: msg.lang,
    },
    (file, read, total) => {
      const now = Date.now();
      if (now - lastTick < 100 && read < total) return;
      lastTick = now;
      scope.postMessage({ type: 'progress', id: msg.id, file, read, total });
    },
  );
  if (!outcome.ok) return { type: 'period-error', id: msg.id, message: outcome.periodError };
  const files: Files = { participants: msg.participants, ledger: msg.ledger, budget: msg.budget };
  // the targets chart on screen is the funder's report's: drawn from the same workbook model
  const chart = outcome.analysis.outcome.usable
    ? await targetsChartHtml(outcome.analysis, { lang: msg.lang, suppressBelow: null, generatedAt: new Date().toISOString(), sha256: await fileHashes(files) })
    : null;
  if (msg.id === latestAnalyse) last = { analysis: outcome.analysis, files };
  return { type: 'analysed', id: msg.id, view: analysisView(outcome.analysis, chart) };
}

scope.onmessage = (event) => {
  const msg = event.data;
  handle(msg).then(
    (reply) => scope.postMessage(reply, reply.type === 'file' ? [reply.bytes.buffer as ArrayBuffer] : []),
    (err: unknown) => scope.postMessage({ type: 'failed', id: msg.id, message: err instanceof Error ? err.message : String(err) }),
  );
};
