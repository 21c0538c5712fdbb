import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NOTICE_KINDS, OBJECTION_STATES, type ObjectionState } from '../../../src-main/domain/words.js';
import { builtInProfiles } from '../../../src-main/catalog/profiles.js';
import { isFinal, nextObjectionState, OBJECTION_STEPS, receiptProblem, removedFromReview, removesApplicant, removesFromReview, stepsFrom, type ObjectionsProfile } from '../../../src-main/rules/objections.js';

const XINYANG: ObjectionsProfile = { realName: true, window: 'notice', acceptWithin: 5, concludeWithin: null };
const DAQING: ObjectionsProfile = { realName: true, window: 'any', acceptWithin: 5, concludeWithin: null };
const NOTICE = { start: '2026-09-30', end: '2026-10-12' };

describe('the objection status machine', () => {
  it('goes received → accepted → upheld or rejected, or received → not accepted', () => {
    expect(nextObjectionState('received', 'accept')).toBe('accepted');
    expect(nextObjectionState('received', 'decline')).toBe('not-accepted');
    expect(nextObjectionState('accepted', 'uphold')).toBe('upheld');
    expect(nextObjectionState('accepted', 'reject')).toBe('rejected');
  });

  it('decides nothing before it is accepted, and nothing twice', () => {
    expect(nextObjectionState('received', 'uphold')).toBeNull();
    expect(nextObjectionState('received', 'reject')).toBeNull();
    expect(nextObjectionState('accepted', 'accept')).toBeNull();
    expect(nextObjectionState('accepted', 'decline')).toBeNull();
    for (const s of ['not-accepted', 'upheld', 'rejected'] as const) {
      expect(isFinal(s)).toBe(true);
      expect(stepsFrom(s)).toEqual([]);
    }
  });

  it('removes the applicant only when upheld', () => {
    expect(OBJECTION_STATES.filter(removesApplicant)).toEqual(['upheld']);
  });

  it('takes the applicant out of the review only when upheld on the accepted list; on the award list it only leaves that list', () => {
    const out = NOTICE_KINDS.flatMap((noticeKind) => OBJECTION_STATES.filter((state) => removesFromReview({ noticeKind, state })).map((state) => [noticeKind, state]));
    expect(out).toEqual([['accepted-list', 'upheld']]);
  });

  it('names, per applicant, the first objection that took it out of the review, and no one an objection left in', () => {
    const o = (number: number, applicantId: string, noticeKind: 'accepted-list' | 'award-list', state: ObjectionState) => ({ number, applicantId, noticeKind, state });
    const removed = removedFromReview([
      o(4, 'a', 'accepted-list', 'upheld'),
      o(2, 'a', 'accepted-list', 'upheld'),
      o(1, 'b', 'accepted-list', 'rejected'),
      o(3, 'c', 'award-list', 'upheld'),
      o(5, 'd', 'accepted-list', 'accepted'),
    ]);
    expect([...removed].map(([id, x]) => [id, x.number])).toEqual([['a', 2]]);
  });

  it('reaches a final state in at most two steps along any path, whatever is tried', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...OBJECTION_STEPS), { maxLength: 12 }), (tries) => {
        let state: ObjectionState = 'received';
        let taken = 0;
        for (const s of tries) {
          const next = nextObjectionState(state, s);
          if (next !== null) {
            expect(stepsFrom(state)).toContain(s);
            state = next;
            taken++;
          }
        }
        expect(taken).toBeLessThanOrEqual(2);
        expect(isFinal(state)).toBe(taken === 2 || state === 'not-accepted');
      }),
    );
  });
});

describe('registering an objection', () => {
  it('refuses an anonymous objection where real name is required', () => {
    expect(receiptProblem(XINYANG, { objectorName: null, receivedOn: '2026-10-08' }, NOTICE)).toBe('anonymous');
    expect(receiptProblem(XINYANG, { objectorName: '  ', receivedOn: '2026-10-08' }, NOTICE)).toBe('anonymous');
    expect(receiptProblem(XINYANG, { objectorName: '赵六', receivedOn: '2026-10-08' }, NOTICE)).toBeNull();
  });

  it('takes objections within the notice only, or at any time after it began where the regulation sets no window', () => {
    const on = (receivedOn: string, rules: ObjectionsProfile) => receiptProblem(rules, { objectorName: '赵六', receivedOn }, NOTICE);
    expect(on('2026-09-30', XINYANG)).toBeNull();
    expect(on('2026-10-12', XINYANG)).toBeNull();
    expect(on('2026-10-13', XINYANG)).toBe('after-notice');
    expect(on('2026-09-29', XINYANG)).toBe('before-notice');
    expect(on('2026-10-13', DAQING)).toBeNull();
    expect(on('2026-09-29', DAQING)).toBe('before-notice');
  });

  it('is profile data with its article cited, in every shipped profile', () => {
    for (const p of builtInProfiles()) {
      expect(p.objections, p.id).toBeDefined();
      expect(p.sources.objections, p.id).toMatch(/第.+条/);
    }
    const byId = new Map(builtInProfiles().map((p) => [p.id, p]));
    expect(byId.get('daqing-2018')!.objections).toEqual(DAQING);
    expect(byId.get('xinyang-2022')!.objections).toEqual(XINYANG);
    expect(byId.get('xinyang-2022')!.acceptedNotice).toEqual({ days: 5, working: true });
    expect(byId.get('jinan-2018')!.objections!.acceptWithin).toBeNull();
  });
});
