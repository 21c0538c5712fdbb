/**
 * The words of the public notice (公示), the letter to an objector and the final list, in
 * Chinese and English; kept apart from messages.ts, which the other reports share.
 */
import type { Localized } from '../domain/localized.js';
import type { NoticeKind, ObjectionState } from '../domain/words.js';

export const NOTICE_TITLES = {
  notice: { zh: '公示', en: 'Public notice' },
  'objection-reply': { zh: '异议处理结果告知书', en: 'Reply to an objection' },
  'final-list': { zh: '获奖名单', en: 'Final award list' },
} as const satisfies Record<string, Localized>;

const period = (start: string, end: string, days: number, working: boolean): Localized => ({
  zh: `${start}至${end}（${days}${working ? '个工作日' : '日'}）`,
  en: `${start} to ${end} (${days} ${working ? 'working days' : 'days'})`,
});

const LIST: Record<NoticeKind, Localized> = {
  'accepted-list': { zh: '受理名单', en: 'list of accepted applicants' },
  'award-list': { zh: '拟奖名单', en: 'proposed award list' },
};

export const N = {
  list: LIST,
  span: (start: string, end: string): Localized => ({ zh: `${start}至${end}`, en: `${start} to ${end}` }),
  heading: (edition: string, kind: NoticeKind): Localized => ({
    zh: `关于${edition}${LIST[kind].zh}的公示`,
    en: `Public notice of the ${LIST[kind].en} of ${edition}`,
  }),
  opening: (regulation: string, article: string, kind: NoticeKind): Localized => ({
    zh: `根据${regulation}（${article}），现将${LIST[kind].zh}予以公示，接受社会监督。`,
    en: `Under the ${regulation} (${article}), the ${LIST[kind].en} below is published for public scrutiny.`,
  }),
  period,
  periodLine: (p: Localized): Localized => ({ zh: `公示期：${p.zh}。`, en: `Notice period: ${p.en}.` }),
  objectIn: (office: string, withinPeriod: boolean): Localized => ({
    zh: `${withinPeriod ? '公示期间，' : ''}任何单位或者个人对上述名单有异议的，可以书面形式向${office}提出，并提供相应的证明材料。`,
    en: `${withinPeriod ? 'During the notice period, any' : 'Any'} organisation or person objecting to the list may object in writing to ${office}, with supporting evidence.`,
  }),
  realName: {
    zh: '异议应当以实名提出：个人提出的，应当签署本人真实姓名，注明联系电话、通讯地址并提供身份证明；单位提出的，应当注明住所、联系电话并加盖本单位公章。以匿名方式提出的异议不予受理。',
    en: 'Objections must be made under real name: a person signs with their own name and gives a telephone number, a postal address and proof of identity; an organisation gives its address and telephone number and affixes its seal. Anonymous objections are not accepted.',
  } satisfies Localized,
  objectionRule: (article: string): Localized => ({ zh: `（依据：${article}）`, en: `(Rule: ${article})` }),
  contactTitle: { zh: '异议受理', en: 'Where to send objections' } satisfies Localized,
  office: { zh: '受理单位', en: 'Office' } satisfies Localized,
  address: { zh: '通讯地址', en: 'Address' } satisfies Localized,
  phone: { zh: '联系电话', en: 'Telephone' } satisfies Localized,
  email: { zh: '电子邮箱', en: 'E-mail' } satisfies Localized,
  number: { zh: '序号', en: 'No.' } satisfies Localized,
  code: { zh: '编号', en: 'Code' } satisfies Localized,
  name: { zh: '名称', en: 'Name' } satisfies Localized,
  designation: { zh: '类别', en: 'Category' } satisfies Localized,
  designations: { award: { zh: '市长质量奖', en: 'award' }, nomination: { zh: '提名奖', en: 'nomination' } } satisfies Record<'award' | 'nomination', Localized>,
  empty: { zh: '（名单为空）', en: '(the list is empty)' } satisfies Localized,

  // the letter to an objector
  salutation: (name: string): Localized => ({ zh: `${name}：`, en: `To ${name}:` }),
  received: (on: string, applicant: string, kind: NoticeKind, n: number): Localized => ({
    zh: `你方于${on}提出的关于${LIST[kind].zh}中“${applicant}”的异议材料（第${n}号）收悉。`,
    en: `We received on ${on} your objection (no. ${n}) concerning "${applicant}" on the ${LIST[kind].en}.`,
  }),
  outcome: {
    accepted: (on: string): Localized => ({
      zh: `经审查，该异议符合规定，已于${on}予以受理，现组织调查核实。调查期间请配合提供相关证明材料，调查结束后另行书面告知处理结果。本告知书作为受理的书面凭证。`,
      en: `Having reviewed it, we accepted the objection on ${on} and are investigating it. Please provide any evidence asked for; we will tell you the outcome in writing. This letter is the written proof of acceptance.`,
    }),
    'not-accepted': (reason: string): Localized => ({ zh: `经审查，该异议不予受理。理由：${reason}`, en: `Having reviewed it, we do not accept the objection. Reason: ${reason}` }),
    /** off the award list no one moves up (Xinyang art. 22); off the accepted list the applicant leaves the review (arts. 18, 24) */
    upheld: (finding: string, applicant: string, kind: NoticeKind): Localized =>
      kind === 'accepted-list'
        ? {
            zh: `经受理并组织调查核实，异议成立。调查结论：${finding}“${applicant}”从受理名单中除名，不再参加本届评审。`,
            en: `Having accepted and investigated it, we uphold the objection. Finding: ${finding} "${applicant}" is removed from the list of accepted applicants and takes no further part in this edition's review.`,
          }
        : {
            zh: `经受理并组织调查核实，异议成立。调查结论：${finding}“${applicant}”从名单中除名，不进行递补。`,
            en: `Having accepted and investigated it, we uphold the objection. Finding: ${finding} "${applicant}" is removed from the list, and no one takes its place.`,
          },
    rejected: (finding: string): Localized => ({
      zh: `经受理并组织调查核实，异议不成立。调查结论：${finding}`,
      en: `Having accepted and investigated it, we reject the objection. Finding: ${finding}`,
    }),
  } satisfies Record<Exclude<ObjectionState, 'received'>, (...a: never[]) => Localized>,
  thanks: { zh: '感谢你方对市长质量奖评审工作的监督。', en: 'Thank you for helping to keep the award under scrutiny.' } satisfies Localized,
  enquiries: (office: string, phone: string | null): Localized => ({
    zh: `如有疑问，请与${office}联系${phone ? `（电话：${phone}）` : ''}。`,
    en: `For questions, contact ${office}${phone ? ` (telephone ${phone})` : ''}.`,
  }),

  // the final list
  finalOpening: (p: Localized): Localized => ({
    zh: `拟奖名单经公示（${p.zh}），依据异议处理结果，获奖名单如下。`,
    en: `After the notice of the proposed award list (${p.en}) and the decisions on objections, the award list is as follows.`,
  }),
  removedTitle: { zh: '经公示异议成立、取消获奖资格（不递补）', en: 'Removed after an upheld objection (no replacement)' } satisfies Localized,
  objection: { zh: '异议编号', en: 'Objection' } satisfies Localized,
  publishedOn: (on: string): Localized => ({ zh: `公布日期：${on}`, en: `Published on ${on}` }),
  unpublished: { zh: '获奖名单尚未公布', en: 'the award list is not yet published' } satisfies Localized,
};
