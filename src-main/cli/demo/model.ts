import type { CriteriaItem } from '../../criteria/schema.js';
import type { Stage } from '../../domain/words.js';

/** mulberry32: a tiny seeded generator, so every demo run produces the same review. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function gaussian(rand: () => number): number {
  const u = Math.max(rand(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

function hash(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 16777619);
  return h >>> 0;
}

/**
 * How a panel would score: each applicant has a latent quality (and a result-area strength), the
 * site visit and the defence reveal a little more, each expert is a little harsh or lenient, and
 * every item gets some noise. Percentages land on the 5 % grid.
 */
export class ScoringModel {
  private readonly quality = new Map<string, number>();
  private readonly results = new Map<string, number>();
  private readonly bias = new Map<string, number>();

  constructor(private readonly seed: number) {}

  private latent(map: Map<string, number>, key: string, mean: number, sd: number): number {
    let v = map.get(key);
    if (v === undefined) {
      v = mean + sd * gaussian(seeded(hash(`${this.seed}:${key}`)));
      map.set(key, v);
    }
    return v;
  }

  percent(applicantCode: string, expertCode: string, stage: Stage, item: CriteriaItem): number {
    const q = this.latent(this.quality, applicantCode, 0.6, 0.1);
    const r = this.latent(this.results, `r:${applicantCode}`, 0, 0.05);
    const shift = this.latent(this.quality, `${stage}:${applicantCode}`, 0, stage === 'material' ? 0 : 0.03);
    const bias = this.latent(this.bias, expertCode, 0, 0.03);
    const noise = 0.06 * gaussian(seeded(hash(`${this.seed}:${applicantCode}:${expertCode}:${stage}:${item.code}`)));
    const p = q + shift + bias + noise + (item.kind === 'results' ? r - 0.03 : 0);
    return Math.min(100, Math.max(0, Math.round(p * 20) * 5));
  }
}

const PROCESS_STRENGTHS = [
  '建立了系统的方法，并在主要部门得到展开',
  '高层领导亲自推动，方法与战略目标一致',
  '形成了较完整的制度文件，执行记录清晰',
  '方法经过多轮改进，部门间协同较好',
];
const PROCESS_OPPORTUNITIES = [
  '方法在基层和分支机构的展开尚不充分',
  '缺少对方法有效性的定期评价与改进',
  '与其他过程的整合不够，存在信息孤岛',
  '学习与创新机制有待系统化',
];
const RESULT_STRENGTHS = [
  '主要指标近三年持续向好，多数优于行业平均',
  '关键结果水平较高，部分达到省内领先',
  '数据完整，趋势清晰，能与标杆对比',
];
const RESULT_OPPORTUNITIES = [
  '部分指标缺少与竞争对手和标杆的对比',
  '结果趋势不稳定，个别年份出现下滑',
  '结果与战略目标的对应关系不够明确',
];

/** Short comments in the examiner's voice, chosen by the band the percentage lies in. */
export function comments(item: CriteriaItem, percent: number, rand: () => number): { strengths: string; opportunities: string } {
  const strengths = item.kind === 'results' ? RESULT_STRENGTHS : PROCESS_STRENGTHS;
  const opportunities = item.kind === 'results' ? RESULT_OPPORTUNITIES : PROCESS_OPPORTUNITIES;
  const pick = (list: string[]) => list[Math.floor(rand() * list.length)] ?? list[0] ?? '';
  return {
    strengths: percent >= 30 ? pick(strengths) : '',
    opportunities: percent <= 85 ? pick(opportunities) : '',
  };
}
