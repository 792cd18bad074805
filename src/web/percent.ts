import type { Lang } from '../findings/catalogue.js';

/** Formats a share (0.2545) as a percentage in the language: 25,45 % or 25.45 %. */
export function percent(value: number, lang: Lang): string {
  const n = (Math.round(value * 10000) / 100).toFixed(2).replace(/\.?0+$/, '');
  return `${lang === 'sv' ? n.replace('.', ',') : n} %`;
}
