import { describe, expect, it } from 'vitest';
import { asSentence } from '../../src-renderer/format/sentence.js';
import { retentionText } from '../../src-main/rules/retention.js';

describe('a clause of the main process shown as a line of its own', () => {
  it('starts with a capital in English: "The rules of this edition set no retention period"', () => {
    const none = retentionText({ years: null, until: null, basis: null });
    expect(asSentence(none.en)).toBe('The rules of this edition set no retention period');
    expect(asSentence(retentionText({ years: 10, until: '2035-12-31', basis: null }).en)).toBe('Kept 10 years, until 2035-12-31');
  });

  it('leaves Chinese as it is', () => {
    expect(asSentence('保存 10 年，至 2035-12-31')).toBe('保存 10 年，至 2035-12-31');
    expect(asSentence('')).toBe('');
  });
});
