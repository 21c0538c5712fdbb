import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applicantRef, reportExpert, scoreSheetInput } from '../../src-main/report/assemble.js';
import { buildReport } from '../../src-main/report/build.js';
import { canonicalJson, reportFingerprint } from '../../src-main/report/fingerprint.js';
import { formatDate, formatDateTime } from '../../src-main/report/format.js';
import { textWidth } from '../../src-main/report/metrics.js';
import { renderPdf } from '../../src-main/report/render.js';
import { wrapRuns } from '../../src-main/report/wrap.js';
import { sheet } from './fixture-kit.js';
import { a1Material, applicants, declarations, experts, wuxi } from './fixtures.js';
import { GENERATED_AT, charactersOf, render } from './pdf.js';

const sheetInput = (s = a1Material[0]!) =>
  scoreSheetInput({ edition: wuxi, applicant: applicantRef(applicants[0]!), expert: reportExpert(experts[0]!), sheet: s, declaration: declarations[0]! });

describe('document fingerprint', () => {
  it('does not depend on the order in which an object was built', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: null, c: 'x' }], e: undefined })).toBe('{"a":[2,{"c":"x","d":null}],"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
  });

  it('changes when any score changes, and is the same in both languages', async () => {
    const other = sheet({ editionId: wuxi.id, expertId: 'ex-1', applicantId: 'ap-1', stage: 'material', base: 60, overrides: { '4.4.6': 65 } });
    expect(reportFingerprint(sheetInput(other))).not.toBe(reportFingerprint(sheetInput()));
    const fp = reportFingerprint(sheetInput());
    const [zh, en] = await Promise.all([render(sheetInput(), 'zh'), render(sheetInput(), 'en')]);
    expect(zh.texts.at(-1)).toContain(fp);
    expect(en.texts.at(-1)).toContain(fp);
    expect(zh.pdf.toString('latin1')).toContain(`sha256:${fp}`);
  });
});

describe('fonts', () => {
  it('sets the text in a Song face and the title in its bold, each a subset, the bold one for the title alone', async () => {
    const pdf = await renderPdf(buildReport(sheetInput(), { lang: 'zh', generatedAt: GENERATED_AT }));
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+PingshenSerifSC-Regular/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+PingshenSerifSC-Bold/);
    expect(pdf.length).toBeLessThan(100_000);
    expect([...charactersOf(pdf, /PingshenSerifSC-Bold$/)].sort().join('')).toBe([...new Set('内部资料　注意保密评分表')].sort().join(''));
  });
});

describe('dates', () => {
  it('are printed in China Standard Time, in Chinese or ISO form', () => {
    expect(formatDate('2026-11-22T16:30:00.000Z', 'zh')).toBe('2026年11月23日');
    expect(formatDate('2026-11-22T16:30:00.000Z', 'en')).toBe('2026-11-23');
    expect(formatDateTime('2025-05-20T01:15:00.000Z', 'zh')).toBe('2025年5月20日 09:15');
  });

  it("are printed in the edition's time zone, and the note says which", async () => {
    const input = sheetInput();
    const urumqi = { ...input, edition: { ...input.edition, timeZone: 'Asia/Urumqi' } };
    const r = await render(urumqi, 'zh');
    // declared 2025-05-20T01:15Z: 09:15 in Beijing, 07:15 in Urumqi
    expect(r.all).toContain('声明时间：2025年5月20日07:15');
    expect(r.all).toContain('文中时间均为Asia/Urumqi时间。');
    expect((await render(input, 'zh')).all).toContain('文中时间均为北京时间。');
  });
});

describe('line breaking', () => {
  const SIZE = 8.5;
  const cjk = fc.constantFrom(...'高层领导质量战略顾客满意度测评过程管理改进创新结果'.split(''));
  const closing = fc.constantFrom(...'，。、；：）》”'.split(''));
  const opening = fc.constantFrom(...'（《“'.split(''));
  const latin = fc.stringMatching(/^[A-Za-z0-9]{1,5}$/);
  const piece = fc.oneof(
    cjk,
    fc.tuple(cjk, closing).map(([a, b]) => a + b),
    fc.tuple(opening, cjk).map(([a, b]) => a + b),
    latin.map((w) => ` ${w} `),
  );
  const text = fc.array(piece, { minLength: 1, maxLength: 80 }).map((p) => p.join(''));

  it('fills lines no wider than the column, loses no character and never starts a line with closing punctuation', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 60, max: 400 }), (t, width) => {
        const lines = wrapRuns([{ text: t, bold: false }], width, SIZE).map((l) => l.map((r) => r.text).join(''));
        for (const line of lines) expect(textWidth(line, SIZE, false)).toBeLessThanOrEqual(width);
        expect(lines.join('').replace(/\s/g, '')).toBe(t.replace(/\s/g, ''));
        for (const line of lines.slice(1)) expect('，。、；：）》”').not.toContain(line[0] ?? '');
        for (const line of lines.slice(0, -1)) expect('（《“').not.toContain(line.at(-1) ?? '');
      }),
    );
  });

  it('keeps a Latin word or number whole', () => {
    const lines = wrapRuns([{ text: '关键工序过程能力指数稳定在1.33以上，通过ISO9001认证。', bold: false }], 60, SIZE).map((l) => l.map((r) => r.text).join(''));
    expect(lines.some((l) => l.includes('1.33'))).toBe(true);
    expect(lines.some((l) => l.includes('ISO9001'))).toBe(true);
  });

  it('keeps a bold label and its text on the same line when they fit', () => {
    const [first] = wrapRuns([{ text: '优势：', bold: true }, { text: '领导重视', bold: false }], 200, SIZE);
    expect(first).toEqual([{ text: '优势：', bold: true }, { text: '领导重视', bold: false }]);
  });
});
