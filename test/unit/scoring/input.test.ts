import { describe, expect, it } from 'vitest';
import { computeEditionResults } from '../../../src-main/scoring/results.js';
import { applicant, expertsOf, gbt, rulesFor, seat, sheet, uniform } from '../helpers/edition.js';

const rules = rulesFor('xinyang-2022');
const a = applicant('XY-01');
const seats = [seat(a, 'material', ['e1', 'e2', 'e3'], ['e3']), seat(a, 'site', ['e1', 'e2', 'e3'])];

function reasons(sheets: ReturnType<typeof sheet>[]): string {
  try {
    computeEditionResults({ rules, framework: gbt, applicants: [a], experts: expertsOf(seats), seats, sheets });
  } catch (e) {
    expect(e).toMatchObject({ code: 'scoring.invalid-input' });
    return (e as Error).message;
  }
  throw new Error('the input was accepted');
}

describe('aggregation refuses input that would silently change a ranking', () => {
  it('a sheet from a recused expert', () => {
    expect(reasons([sheet('e3', a, 'material', uniform(90, 90))])).toContain('recused expert and cannot count');
  });

  it('a sheet from an expert not on the panel', () => {
    expect(reasons([sheet('e9', a, 'site', uniform(90, 90))])).toContain('not seated on that panel');
  });

  it('names experts and applicants by code and name, never by their internal ids', () => {
    const message = reasons([sheet('e3', a, 'material', uniform(90, 90))]);
    expect(message).toContain('E-e3 专家e3 对 XY-01 的材料评审评分表');
    expect(message).not.toContain('id-XY-01');
    expect(reasons([sheet('e9', a, 'site', uniform(90, 90))])).toContain('未登记的专家 对 XY-01');
  });

  it('a percent off the 5 % grid, a missing item and an unknown item', () => {
    const percents = uniform(70, 70, { '4.1.2': 52, '9.9.9': 50 });
    delete percents['4.7.7'];
    const message = reasons([sheet('e1', a, 'site', percents)]);
    expect(message).toContain('scores item 4.1.2 at 52%, off the 5% grid');
    expect(message).toContain('has no score for item 4.7.7');
    expect(message).toContain('scores 9.9.9, which is not an item');
    expect(message).toContain('评分项 4.1.2 为 52%');
  });

  it('two sheets from one expert for the same applicant and stage', () => {
    const s = sheet('e1', a, 'site', uniform(70, 70));
    expect(reasons([s, s])).toContain('has two sheets');
  });

  it('a sheet for a stage the profile does not score (Xinyang decides the defence by vote)', () => {
    expect(reasons([sheet('e1', a, 'defence', uniform(70, 70))])).toContain('for a stage that is not scored');
  });
});
