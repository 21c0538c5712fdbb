import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoreClient } from '../../src-main/features/open.js';
import { asUpload, ITEM_CODES, scoreAll, setupReview, upload, type Review } from './fixtures.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
}

describe('an expert at work', () => {
  let r: Review;
  let e1: StoreClient;
  let id: string;
  let a1: string;
  let a2: string;
  beforeEach(async () => {
    r = await setupReview();
    e1 = r.stores[0]!;
    id = r.editionId;
    [a1, a2] = r.applicants.map((a) => a.id) as [string, string];
  });
  afterEach(() => r.cleanup());

  it('keeps materials sealed until the expert declares no conflict, then shows the very PDF', () => {
    expect(codeOf(() => e1.materials.forReview({ editionId: id, applicantId: a1 }))).toBe('declaration.required');
    e1.declarations.declare({ editionId: id, applicantId: a1, conflict: false, reason: '' });
    const [material] = e1.materials.forReview({ editionId: id, applicantId: a1 });
    expect(material?.fileName).toBe('申报材料-1.pdf');
    const bytes = e1.materials.read({ editionId: id, materialId: material!.id });
    expect(Buffer.from(bytes).equals(readFileSync(join(r.dir, '申报材料-1.pdf')))).toBe(true);
  });

  it('refuses a conflicted expert the materials, the sheet and any score, whatever is asked', () => {
    const sheet = (() => {
      e1.declarations.declare({ editionId: id, applicantId: a1, conflict: false, reason: '' });
      const s = e1.sheets.open({ editionId: id, applicantId: a1, stage: 'material' });
      const material = e1.materials.forReview({ editionId: id, applicantId: a1 })[0]!;
      e1.declarations.declare({ editionId: id, applicantId: a1, conflict: true, reason: '近亲属在该单位任职' });
      return { id: s.id, materialId: material.id };
    })();
    expect(codeOf(() => e1.materials.forReview({ editionId: id, applicantId: a1 }))).toBe('recusal.conflicted');
    expect(codeOf(() => e1.materials.read({ editionId: id, materialId: sheet.materialId }))).toBe('recusal.conflicted');
    expect(codeOf(() => e1.sheets.open({ editionId: id, applicantId: a1, stage: 'site' }))).toBe('recusal.conflicted');
    // the draft opened before the declaration is gone, so nothing can be saved into it
    expect(codeOf(() => e1.sheets.saveItem({ sheetId: sheet.id, itemCode: '4.1.2', percent: 50, strengths: '', opportunities: '' }))).toBe('sheet.not-found');
    expect(e1.assignments.mine({ editionId: id }).find((a) => a.applicant.id === a1 && a.stage === 'material')).toMatchObject({
      sheetStatus: 'none',
      declaration: { conflict: true },
    });
  });

  it('refuses to open a sheet before any declaration, or for a stage the expert is not assigned', () => {
    expect(codeOf(() => e1.sheets.open({ editionId: id, applicantId: a1, stage: 'material' }))).toBe('declaration.required');
    e1.declarations.declare({ editionId: id, applicantId: a1, conflict: false, reason: '' });
    expect(codeOf(() => e1.sheets.open({ editionId: id, applicantId: a1, stage: 'defence' }))).toBe('assignment.not-found');
  });

  it('accepts percentages only on the 5 % grid from 0 to 100, and null to clear', () => {
    e1.declarations.declare({ editionId: id, applicantId: a1, conflict: false, reason: '' });
    const sheet = e1.sheets.open({ editionId: id, applicantId: a1, stage: 'material' });
    for (const percent of [7, 101, -5, 52.5, Number.NaN]) {
      expect(codeOf(() => e1.sheets.saveItem({ sheetId: sheet.id, itemCode: '4.1.2', percent, strengths: '', opportunities: '' }))).toMatch(
        /^(score\.off-grid|input\.invalid)$/,
      );
    }
    const saved = e1.sheets.saveItem({ sheetId: sheet.id, itemCode: '4.1.2', percent: 55, strengths: '高层领导作用突出', opportunities: '' });
    expect(saved.percent).toBe(55);
    expect(e1.sheets.open({ editionId: id, applicantId: a1, stage: 'material' }).total).toBe(27.5);
    e1.sheets.saveItem({ sheetId: sheet.id, itemCode: '4.1.2', percent: null, strengths: '', opportunities: '' });
    expect(e1.sheets.missingItems({ sheetId: sheet.id })).toEqual(ITEM_CODES);
    expect(codeOf(() => e1.sheets.saveItem({ sheetId: sheet.id, itemCode: '4.9.9', percent: 50, strengths: '', opportunities: '' }))).toBe('sheet.unknown-item');
  });

  it('refuses to submit an incomplete sheet and locks a submitted one', () => {
    e1.declarations.declare({ editionId: id, applicantId: a1, conflict: false, reason: '' });
    const sheet = e1.sheets.open({ editionId: id, applicantId: a1, stage: 'material' });
    e1.sheets.saveItem({ sheetId: sheet.id, itemCode: '4.1.2', percent: 60, strengths: '', opportunities: '' });
    expect(codeOf(() => e1.sheets.submit({ sheetId: sheet.id }))).toBe('sheet.incomplete');
    expect(e1.sheets.missingItems({ sheetId: sheet.id })).toHaveLength(ITEM_CODES.length - 1);
    for (const code of ITEM_CODES) e1.sheets.saveItem({ sheetId: sheet.id, itemCode: code, percent: 60, strengths: '', opportunities: '' });
    const submitted = e1.sheets.submit({ sheetId: sheet.id });
    expect(submitted).toMatchObject({ status: 'submitted', total: 600 });
    expect(codeOf(() => e1.sheets.saveItem({ sheetId: sheet.id, itemCode: '4.1.2', percent: 90, strengths: '', opportunities: '' }))).toBe('sheet.locked');
    expect(e1.sheets.open({ editionId: id, applicantId: a1, stage: 'material' }).total).toBe(600);
  });

  it('lets a no-conflict declaration become a conflict, never the reverse, and nothing after submission', () => {
    e1.declarations.declare({ editionId: id, applicantId: a1, conflict: false, reason: '' });
    e1.declarations.declare({ editionId: id, applicantId: a1, conflict: true, reason: '持有该单位股份' });
    expect(codeOf(() => e1.declarations.declare({ editionId: id, applicantId: a1, conflict: false, reason: '' }))).toBe('declaration.conflict-final');
    expect(codeOf(() => e1.declarations.declare({ editionId: id, applicantId: a2, conflict: true, reason: '' }))).toBe('input.invalid');
    scoreAll(e1, id, a2, 'material', 50);
    expect(codeOf(() => e1.declarations.declare({ editionId: id, applicantId: a2, conflict: true, reason: '后来发现的关联' }))).toBe('declaration.locked');
  });

  it('declares no conflict for several applicants in one call, each in the audit log, all or nothing', async () => {
    const a3 = r.applicants[2]!.id;
    r.sec.declarations.impose({ expertId: r.experts[0]!.id, applicantId: a2, reason: '群众举报，经核实存在利害关系' });
    const [pkg] = await r.sec.packages.export({ editionId: id, expertIds: [r.experts[0]!.id] });
    await e1.packages.import({ file: asUpload(pkg!) });
    const before = e1.store.auditLog({ limit: 1 })[0]!.seq;
    // a2 is refused, so a1 is not declared either
    expect(codeOf(() => e1.declarations.declareNone({ editionId: id, applicantIds: [a1, a2] }))).toBe('recusal.imposed');
    expect(e1.assignments.mine({ editionId: id }).find((a) => a.applicant.id === a1)?.declaration).toBeNull();
    expect(e1.store.auditLog({ limit: 1 })[0]!.seq).toBe(before);

    const made = e1.declarations.declareNone({ editionId: id, applicantIds: [a1, a3, a1] });
    expect(made.map((d) => [d.applicantId, d.conflict])).toEqual([
      [a1, false],
      [a3, false],
    ]);
    const actions = e1.store.auditLog({ limit: 2 }).map((e) => e.action);
    expect(actions).toEqual(['declaration.made', 'declaration.made']);
    expect(e1.store.auditLog({ limit: 1 })[0]!.seq).toBe(before + 2);
    expect(e1.store.verifyAuditChain()).toMatchObject({ ok: true });
    expect(codeOf(() => e1.declarations.declareNone({ editionId: id, applicantIds: [] }))).toBe('input.invalid');
  });

  it('writes every change into a verifiable audit chain', () => {
    const before = e1.store.auditLog({ limit: 1 })[0]!.seq;
    e1.declarations.declare({ editionId: id, applicantId: a1, conflict: false, reason: '' });
    const sheet = e1.sheets.open({ editionId: id, applicantId: a1, stage: 'material' });
    e1.sheets.saveItem({ sheetId: sheet.id, itemCode: '4.1.2', percent: 55, strengths: '', opportunities: '' });
    const actions = e1
      .store.auditLog({ limit: 3 })
      .map((e) => e.action)
      .reverse();
    expect(actions).toEqual(['declaration.made', 'sheet.opened', 'sheet.item-saved']);
    expect(e1.store.auditLog({ limit: 1 })[0]!.seq).toBe(before + 3);
    expect(e1.store.verifyAuditChain()).toMatchObject({ ok: true });
  });

  it('imports the same package twice without change, and refuses another expert’s package', async () => {
    const before = e1.store.auditLog({ limit: 1 })[0]!.seq;
    const mine = r.packageFiles.find((f) => f.includes('-E01'))!;
    await e1.packages.import({ file: upload(mine) });
    expect(e1.store.auditLog({ limit: 1 })[0]!.seq).toBe(before);
    const theirs = r.packageFiles.find((f) => f.includes('-E02'))!;
    await expect(e1.packages.import({ file: upload(theirs) })).rejects.toMatchObject({ code: 'seal.not-for-you' });
  });

  it('takes the recusals the secretariat imposed from a newer package', async () => {
    r.sec.declarations.impose({ expertId: r.experts[0]!.id, applicantId: a2, reason: '群众举报，经核实存在利害关系' });
    const [pkg] = await r.sec.packages.export(({
	editionId: id,
	expertIds: [r.experts[0]!.id]
}));
    await e1.packages.import({ file: asUpload(pkg!) });
    expect(codeOf(() => e1.declarations.declare({ editionId: id, applicantId: a2, conflict: false, reason: '' }))).toBe('recusal.imposed');
    expect(codeOf(() => e1.sheets.open({ editionId: id, applicantId: a2, stage: 'material' }))).toBe('recusal.conflicted');
    expect(e1.assignments.mine({ editionId: id }).find((a) => a.applicant.id === a2)?.declaration).toMatchObject({ source: 'secretariat', conflict: true });
  });
});
