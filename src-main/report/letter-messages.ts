/**
 * The words of the eligibility letters (Daqing arts. 13, 14), in both languages: kept apart from
 * messages.ts so that the letters change in one place.
 */
import type { Localized } from '../domain/localized.js';

export const LM = {
  salutation: (name: string): Localized => ({ zh: `${name}：`, en: `To ${name}:` }),
  incomplete: {
    opening: (edition: string, code: string): Localized => ({
      zh: `贵单位报送的${edition}申报材料（申报编号 ${code}）经形式审核，尚不完整。请补充完善以下材料：`,
      en: `The application materials you submitted for the ${edition} (application ${code}) are incomplete after the formal review. Please supply the following:`,
    }),
    due: (day: string): Localized => ({ zh: `请于 ${day} 前报送秘书处。逾期未补正的，视为申报材料不完整。`, en: `Please send them to the secretariat by ${day}. Materials not completed by then count as incomplete.` }),
    noDue: { zh: '请尽快报送秘书处。', en: 'Please send them to the secretariat as soon as you can.' },
    basis: (regulation: string): Localized => ({ zh: `依据：${regulation}关于材料初审的规定。`, en: `Basis: the formal review of materials under the ${regulation}.` }),
  },
  notShortlisted: {
    opening: (edition: string, code: string, stage: Localized): Localized => ({
      zh: `贵单位参加${edition}（申报编号 ${code}），经${stage.zh}，未进入下一环节评审名单。现将理由告知如下：`,
      en: `Your application to the ${edition} (application ${code}) did not go on past the ${stage.en}. The reasons are as follows:`,
    }),
    thanks: { zh: '感谢贵单位对市长质量奖工作的支持，欢迎继续参与质量提升工作。', en: 'Thank you for taking part in the quality award; we hope to see you in its work again.' },
    basis: (regulation: string): Localized => ({ zh: `依据：${regulation}关于书面告知未能进入现场评审理由的规定。`, en: `Basis: the written notice of reasons for not entering the site review under the ${regulation}.` }),
    /** the reason made from the data, for the clerk to edit */
    fromScores: (stage: Localized, score: string, rank: number, of: number, size: number): Localized => ({
      zh: `贵单位${stage.zh}得分 ${score} 分，在 ${of} 家申报单位中排名第 ${rank} 位；按评审规则，进入下一环节的为得分前 ${size} 家。`,
      en: `Your ${stage.en} score was ${score}, ranked ${rank} of ${of} applicants; under the rules the top ${size} go on to the next stage.`,
    }),
    unscored: (stage: Localized, size: number): Localized => ({
      zh: `贵单位未取得${stage.zh}得分；按评审规则，进入下一环节的为得分前 ${size} 家。`,
      en: `Your application has no ${stage.en} score; under the rules the top ${size} go on to the next stage.`,
    }),
  },
} as const;
