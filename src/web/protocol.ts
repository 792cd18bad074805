import type { IsoDate } from '../core/dates.js';
import type { Lang } from '../findings/catalogue.js';
import type { AnalysisView } from './engine.js';

/** Messages between the page and its Web Worker (structured-clone data only). */

export interface AnalyseMessage {
  readonly type: 'analyse';
  readonly id: number;
  readonly participants: File;
  readonly ledger: File | null;
  readonly budget: File | null;
  readonly period: string;
  readonly asOf: string;
  readonly today: IsoDate;
  readonly lang: Lang;
}

export type DownloadKind = 'workbook' | 'shared' | 'json' | 'html' | 'template';

export interface DownloadMessage {
  readonly type: 'download';
  readonly id: number;
  readonly kind: DownloadKind;
  readonly lang: Lang;
  readonly today: IsoDate;
  /** For the shared copy: counts 1 … N−1 (and what would give them back) hidden. */
  readonly suppressBelow: number | null;
  readonly generatedAt: string;
}

export type ToWorker = AnalyseMessage | DownloadMessage;

export type FromWorker =
  | { readonly type: 'progress'; readonly id: number; readonly file: string; readonly read: number; readonly total: number }
  | { readonly type: 'analysed'; readonly id: number; readonly view: AnalysisView }
  | { readonly type: 'period-error'; readonly id: number; readonly message: string }
  | { readonly type: 'file'; readonly id: number; readonly name: string; readonly mime: string; readonly bytes: Uint8Array }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };
