import { DEFAULT_TIME_ZONE, formatMinuteInZone } from '../../format/datetime.js';

/**
 * The watermark on every page the viewer shows: who is reading and when, so a screenshot or a
 * photo of the screen names its source. The time is the edition's (Beijing time by default), as
 * on every screen and in the printed reports.
 */
export const WATERMARK_TIME_ZONE = DEFAULT_TIME_ZONE;

export function watermarkLine(reader: { name: string; code: string }, now: Date, timeZone: string = WATERMARK_TIME_ZONE): string {
  return `${reader.name} ${reader.code} ${formatMinuteInZone(now, timeZone)}`;
}

const escapeXml = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A CSS image of the line set twice, diagonally and staggered, in a tile the pages repeat. As a
 * background of each page it survives pdf.js re-rendering the page at another zoom, and it
 * takes no pointer events, so text stays selectable underneath. A faint white outline keeps it
 * readable on dark scans, where the dark letters alone vanish.
 */
export function watermarkImage(line: string): string {
  const text = (x: number, y: number) =>
    `<text x="${x}" y="${y}" transform="rotate(-30 ${x} ${y})" text-anchor="middle" dominant-baseline="middle">${escapeXml(line)}</text>`;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="420" height="260">` +
    `<g font-family="'Noto Sans CJK SC','Microsoft YaHei','PingFang SC',sans-serif" font-size="15" fill="#7a1c1c" fill-opacity="0.2" stroke="#fff" stroke-opacity="0.3" stroke-width="2" paint-order="stroke">` +
    `${text(105, 65)}${text(315, 195)}</g></svg>`;
  return `url("data:image/svg+xml,${encodeURIComponent(svg)}")`;
}
