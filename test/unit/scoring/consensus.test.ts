import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONSENSUS_FORMAT, type ConsensusRecord, type ItemPercents } from '../../../src-main/domain/consensus.js';
import { mergeComments, pointKey, pointOf } from '../../../src-main/scoring/comments.js';
import { consensusProblems, flaggedItems, proposeOpinion, settlementProblem, type HeldPanel, type PanelMember } from '../../../src-main/scoring/consensus.js';
import { gbt, uniform } from '../helpers/edition.js';

const RULE = { enabled: true, threshold: 30 };
const CODES = gbt.categories.flatMap((c) => c.items.map((i) => i.code));

/** Three members; B scored 4.1.2 and 4.7.2 far from the others. */
function panel(): PanelMember[] {
  const a = uniform(60, 60);
  const b = uniform(60, 60, { '4.1.2': 100, '4.7.2': 20 });
  const c = uniform(65, 60);
  return [
    { expertId: 'A', base: { version: 1, percents: a }, final: { version: 1, percents: a } },
    { expertId: 'B', base: { version: 1, percents: b }, final: { version: 1, percents: b } },
    { expertId: 'C', base: { version: 1, percents: c }, final: { version: 1, percents: c } },
  ];
}

/** B revised 4.1.2 from 100 % to 70 % in version 2; 4.7.2 still stands 40 points apart. */
function revised(): PanelMember[] {
  const members = panel();
  const b = members[1]!;
  b.final = { version: 2, percents: { ...b.base.percents, '4.1.2': 70 } };
  return members;
}

function recordOf(members: PanelMember[], overrides: Partial<ConsensusRecord> = {}): ConsensusRecord {
  const flagged = flaggedItems(RULE, gbt, members).map((f) =>
    f.itemCode === '4.1.2' ? { ...f, resolution: 'revised' as const, reason: '' } : { ...f, resolution: 'stands' as const, reason: '现场核实后各自保留意见' },
  );
  return {
    format: CONSENSUS_FORMAT,
    version: 1,
    id: '00000000-0000-4000-8000-000000000001',
    editionId: 'ed',
    applicantId: 'ap',
    stage: 'site',
    panelId: 'P',
    leaderId: 'A',
    recordedBy: 'leader',
    openedAt: '2025-06-01T08:00:00.000Z',
    signedAt: '2025-06-01T10:00:00.000Z',
    members: members.map((m) => ({ expertId: m.expertId, base: m.base, final: m.final })),
    flagged,
    returns: [],
    opinion: { categories: [{ code: '4.1', strengths: ['高层领导亲自推动'], opportunities: [] }], overall: '总体达到良好水平。' },
    ...overrides,
  };
}

function held(members: PanelMember[], opts: { returned?: string[] } = {}): HeldPanel {
  const versions = new Map<string, ItemPercents>();
  for (const m of members) {
    versions.set(`${m.expertId}:${m.base.version}`, m.base.percents);
    versions.set(`${m.expertId}:${m.final.version}`, m.final.percents);
  }
  return {
    panelId: 'P',
    leaderId: 'A',
    activeMemberIds: members.map((m) => m.expertId),
    current: (id) => {
      const m = members.find((x) => x.expertId === id);
      return m && { ...m.final, returned: opts.returned?.includes(id) ?? false };
    },
    version: (id, v) => versions.get(`${id}:${v}`),
    nameOf: (id) => `专家${id}`,
  };
}

const texts = (problems: { zh: string; en: string }[]) => problems.map((p) => p.zh).join('\n');

describe('flagged items', () => {
  it('are those beyond the threshold when the consensus opened or now, in the framework order, with both spreads', () => {
    expect(flaggedItems(RULE, gbt, revised())).toEqual([
      { itemCode: '4.1.2', base: { min: 60, max: 100 }, final: { min: 60, max: 70 } },
      { itemCode: '4.7.2', base: { min: 20, max: 60 }, final: { min: 20, max: 60 } },
    ]);
  });

  it('are none when the edition does not flag disagreement', () => {
    expect(flaggedItems({ enabled: false, threshold: 30 }, gbt, revised())).toEqual([]);
  });

  it('may be settled as revised only once the gap is closed, and stand only with a reason', () => {
    const [closed, open] = flaggedItems(RULE, gbt, revised()) as [never, never];
    expect(settlementProblem(RULE, closed, { resolution: 'revised', reason: '' })).toBeNull();
    expect(settlementProblem(RULE, open, { resolution: 'revised', reason: '' })?.zh).toContain('不能记为“已修改”');
    expect(settlementProblem(RULE, open, { resolution: 'stands', reason: '  ' })?.zh).toContain('须说明理由');
    expect(settlementProblem(RULE, open, { resolution: 'stands', reason: '企业数据口径不同' })).toBeNull();
    expect(settlementProblem(RULE, open, undefined)?.en).toContain('no outcome recorded');
  });
});

describe('a consensus record against the sheets held', () => {
  it('holds when it covers every member, stands on their current sheets, and settles each flagged item', () => {
    const members = revised();
    expect(consensusProblems(recordOf(members), held(members), RULE, gbt)).toEqual([]);
  });

  it('is refused from anyone but the panel leader, or for another panel', () => {
    const members = revised();
    const problems = texts(consensusProblems(recordOf(members, { leaderId: 'B', panelId: 'Q' }), held(members), RULE, gbt));
    expect(problems).toContain('不是由该评审组的组长签署的');
    expect(problems).toContain('不是评审该申报单位此环节的评审组');
  });

  it('is refused when a member’s sheet held differs from the one the record stands on', () => {
    const members = revised();
    const record = recordOf(members);
    // the secretariat holds B's first version only: the revision never reached it
    const first = panel();
    const problems = texts(consensusProblems(record, held(first), RULE, gbt));
    expect(problems).toContain('专家B 的评分表（第 2 版）与所持的第 1 版不符');
  });

  it('is refused when a score differs at the same version (a forked log), when a member is left out, or a sheet is still returned', () => {
    const members = revised();
    const record = recordOf(members);
    const forked = revised();
    forked[2]!.final = { version: 1, percents: { ...forked[2]!.final.percents, '4.3.2': 95 } };
    forked[2]!.base = forked[2]!.final;
    expect(texts(consensusProblems(record, held(forked), RULE, gbt))).toContain('专家C 的评分表（第 1 版）与所持的第 1 版不符');
    const more = held(members);
    expect(texts(consensusProblems(record, { ...more, activeMemberIds: [...more.activeMemberIds, 'D'] }, RULE, gbt))).toContain('缺少成员 专家D');
    expect(texts(consensusProblems(record, held(members, { returned: ['C'] }), RULE, gbt))).toContain('专家C 的评分表已退回修改');
  });

  it('is refused when it claims a revision that did not close the gap, leaves an item out or lists one that is not flagged', () => {
    const members = revised();
    const record = recordOf(members);
    const claims = { ...record, flagged: record.flagged.map((f) => ({ ...f, resolution: 'revised' as const })) };
    expect(texts(consensusProblems(claims, held(members), RULE, gbt))).toContain('评分项 4.7.2 的评分仍相差 40 个百分点');
    const missing = { ...record, flagged: record.flagged.slice(0, 1) };
    expect(texts(consensusProblems(missing, held(members), RULE, gbt))).toContain('评分项 4.7.2 尚未记录合议结果');
    const extra = { ...record, flagged: [...record.flagged, { itemCode: '4.2.2', base: { min: 60, max: 65 }, final: { min: 60, max: 65 }, resolution: 'stands' as const, reason: 'x' }] };
    expect(texts(consensusProblems(extra, held(members), RULE, gbt))).toContain('评分项 4.2.2 并无超过阈值的分歧');
  });

  it('is refused without an overall evaluation', () => {
    const members = revised();
    const record = recordOf(members, { opinion: { categories: [], overall: ' ' } });
    expect(texts(consensusProblems(record, held(members), RULE, gbt))).toContain('尚未填写综合评价');
  });

  it('holds for any panel whose flagged items are settled by the rule, and no record passes once a held score moves', () => {
    const percent = fc.integer({ min: 0, max: 20 }).map((x) => x * 5);
    const sheetArb = fc.dictionary(fc.constantFrom(...CODES), percent).map((tweak) => uniform(60, 60, tweak));
    fc.assert(
      fc.property(fc.array(fc.tuple(sheetArb, sheetArb), { minLength: 2, maxLength: 7 }), fc.nat(), fc.constantFrom(...CODES), (sheets, who, code) => {
        const members: PanelMember[] = sheets.map(([base, final], i) => ({
          expertId: `M${i}`,
          base: { version: 1, percents: base },
          final: { version: 2, percents: final },
        }));
        const flagged = flaggedItems(RULE, gbt, members).map((f) => ({
          ...f,
          ...(f.final.max - f.final.min > RULE.threshold ? { resolution: 'stands' as const, reason: '保留' } : { resolution: 'revised' as const, reason: '' }),
        }));
        const h = held(members);
        const record = recordOf(members, { leaderId: 'M0', flagged });
        expect(consensusProblems(record, { ...h, leaderId: 'M0' }, RULE, gbt)).toEqual([]);
        const moved = members.map((m, i) =>
          i === who % members.length ? { ...m, final: { ...m.final, percents: { ...m.final.percents, [code]: ((m.final.percents[code] ?? 0) + 5) % 105 } } } : m,
        );
        expect(consensusProblems(record, { ...held(moved), leaderId: 'M0' }, RULE, gbt)).not.toEqual([]);
      }),
    );
  });
});

describe('the proposed opinion', () => {
  it("merges every member's comments per category, each point once, in the items' order", () => {
    const proposal = proposeOpinion(gbt, [
      { items: [{ itemCode: '4.1.3', strengths: '1. 治理结构清晰', opportunities: '' }, { itemCode: '4.1.2', strengths: '高层领导亲自推动', opportunities: '- 展开不足' }] },
      { items: [{ itemCode: '4.1.2', strengths: '高层领导亲自推动\n方法与战略一致', opportunities: '' }] },
    ]);
    expect(proposal.map((c) => c.code)).toEqual(gbt.categories.map((c) => c.code));
    expect(proposal[0]).toEqual({ code: '4.1', strengths: ['高层领导亲自推动', '方法与战略一致', '治理结构清晰'], opportunities: ['展开不足'] });
    expect(proposal[1]).toEqual({ code: '4.2', strengths: [], opportunities: [] });
  });

  it('keeps every point a member wrote, in its own category, once, and nothing else', () => {
    const line = fc.constantFrom('流程清晰', '1. 流程清晰', ' 数据完整 ', '①培训到位', '- 对标不足', '', '趋势  向好', '趋势 向好');
    const comment = fc.array(line, { maxLength: 4 }).map((l) => l.join('\n'));
    const item = fc.record({ itemCode: fc.constantFrom(...CODES), strengths: comment, opportunities: comment });
    fc.assert(
      fc.property(fc.array(fc.record({ items: fc.uniqueArray(item, { maxLength: 6, selector: (i) => i.itemCode }) }), { maxLength: 5 }), (members) => {
        const proposal = proposeOpinion(gbt, members);
        for (const cat of gbt.categories) {
          const mine = proposal.find((c) => c.code === cat.code)!;
          const codes = new Set(cat.items.map((i) => i.code));
          const written = members.flatMap((m) => m.items.filter((i) => codes.has(i.itemCode)).flatMap((i) => i.strengths.split('\n')));
          const expected = new Set(written.map(pointOf).filter((p) => p !== '').map(pointKey));
          expect(new Set(mine.strengths.map(pointKey))).toEqual(expected);
          expect(new Set(mine.strengths.map(pointKey)).size).toBe(mine.strengths.length);
        }
      }),
    );
  });

  it('is a fixed point: merging a merge changes nothing', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 30 }), { maxLength: 6 }), (texts) => {
        const once = mergeComments(texts);
        expect(mergeComments([once.join('\n')])).toEqual(once);
      }),
    );
  });
});
