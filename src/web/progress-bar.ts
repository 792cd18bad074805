import type { Lang } from '../findings/catalogue.js';
import type { TargetResult } from '../indicators/result.js';

/** Formats a share (0.2545) as a percentage in the language: 25,45 % or 25.45 %. */
export function percent(value: number, lang: Lang): string {
  const n = (Math.round(value * 10000) / 100).toFixed(2).replace(/\.?0+$/, '');
  return `${lang === 'sv' ? n.replace('.', ',') : n} %`;
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const WIDTH = 160;
const HEIGHT = 18;

/**
 * A target's progress as a small inline SVG: the achieved rate as a bar on a 0–100 % track, the
 * target rate as a dark mark. `role="img"` with a full sentence as its name, so a screen reader
 * says what the picture shows; colours pass 3:1 against the white page.
 */
export function progressBarSvg(target: TargetResult, lang: Lang, name: string): string {
  const rate = target.rate;
  const goal = target.targetRate;
  const label =
    rate === null
      ? lang === 'sv' ? `${name}: ingen andel ännu` : `${name}: no rate yet`
      : goal === null
        ? lang === 'sv' ? `${name}: ${percent(rate, lang)} (inget mål, jämförelse)` : `${name}: ${percent(rate, lang)} (no target, reference)`
        : lang === 'sv'
          ? `${name}: ${percent(rate, lang)} av målet ${percent(goal, lang)}`
          : `${name}: ${percent(rate, lang)} against the target ${percent(goal, lang)}`;
  const x = (v: number) => Math.round(Math.max(0, Math.min(1, v)) * WIDTH * 10) / 10;
  const fill = target.onTrack === false ? '#a4262c' : '#1d6b3a';
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="bar" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeXml(label)}">`,
    `<title>${escapeXml(label)}</title>`,
    `<rect x="0" y="3" width="${WIDTH}" height="${HEIGHT - 6}" fill="#ffffff" stroke="#595959"/>`,
  ];
  if (rate !== null) parts.push(`<rect x="0" y="3" width="${x(rate)}" height="${HEIGHT - 6}" fill="${fill}"/>`);
  if (goal !== null) parts.push(`<rect x="${Math.min(x(goal), WIDTH - 2)}" y="0" width="2" height="${HEIGHT}" fill="#000000"/>`);
  parts.push('</svg>');
  return parts.join('');
}
