import { REPORT_FONT } from '../../../src-main/report/fonts.js';
import { renderPdf } from '../../../src-main/report/render.js';
import type { Content, ContentNode } from '../../../src-main/report/types.js';

/**
 * A self-assessment report as long as the real ones (300 pages of Chinese text), made with the
 * project's own pdfmake set-up: a page per section, the seven GB/T 19580 categories as chapters,
 * and an outline with chapters and their sections. A phrase the search can find sits on a few
 * known pages.
 */

type OutlineNode = ContentNode & { id?: string; outline?: boolean; outlineParentId?: string; outlineText?: string };

export const CHAPTERS = ['领导', '战略', '顾客与市场', '资源', '过程管理', '测量、分析与改进', '结果'] as const;
export const FIND_PHRASE = '顾客满意度测评';
export const FIND_PAGES = [37, 150, 263] as const;

const SENTENCES = [
  '公司高层领导每季度组织经营分析会，对关键绩效指标的完成情况进行评审，并据此调整资源配置。',
  '质量方针、目标逐级分解到车间和班组，通过目视化看板跟踪展开情况。',
  '近三年主营业务收入年均增长百分之十二，单位产值能耗逐年下降。',
  '组织建立了覆盖研发、采购、制造、交付全过程的质量管理体系，并通过了第三方认证。',
  '通过标杆对比识别改进机会，形成年度改进项目清单，由改进委员会统一协调。',
  '员工培训计划按岗位能力模型制定，培训效果从反应、学习、行为、结果四个层次评价。',
  '供应商分级管理，关键供应商参与新产品早期开发，共同开展质量改进。',
  '信息系统实现了生产数据的实时采集，管理层可随时查看质量、成本和交付指标。',
];

function pageText(page: number): string {
  const parts: string[] = [];
  for (let i = 0; parts.join('').length < 820; i++) parts.push(SENTENCES[(page * 3 + i) % SENTENCES.length]!);
  if ((FIND_PAGES as readonly number[]).includes(page)) parts.splice(2, 0, `本年度委托第三方开展${FIND_PHRASE}，综合满意度得分为九十一点二分。`);
  return parts.join('');
}

export async function longMaterialPdf(pages = 300): Promise<Buffer> {
  const perChapter = Math.ceil(pages / CHAPTERS.length);
  const content: Content[] = [];
  for (let page = 1; page <= pages; page++) {
    const chapter = Math.floor((page - 1) / perChapter);
    const section = ((page - 1) % perChapter) + 1;
    const nodes: Content[] = [];
    if (section === 1) {
      const heading: OutlineNode = { text: `第${chapter + 1}章　${CHAPTERS[chapter]}`, id: `c${chapter}`, outline: true, style: 'h1', margin: [0, 0, 0, 12] };
      nodes.push(heading);
    }
    const sub: OutlineNode = { text: `${chapter + 4}.${section}　${CHAPTERS[chapter]}（${section}）`, outline: true, outlineParentId: `c${chapter}`, style: 'h2', margin: [0, 0, 0, 8] };
    nodes.push(sub, { text: pageText(page), lineHeight: 1.5 });
    content.push({ stack: nodes, ...(page > 1 ? { pageBreak: 'before' as const } : {}) });
  }
  return renderPdf({
    info: { title: '卓越绩效自评报告' },
    language: 'zh-CN',
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: [56, 56, 56, 56],
    header: () => ({ text: '卓越绩效自评报告', fontSize: 8, color: '#777', margin: [56, 24, 56, 0] }),
    footer: (current, count) => ({ text: `第 ${current} 页 / 共 ${count} 页`, fontSize: 8, alignment: 'center', margin: [0, 16, 0, 0] }),
    content,
    defaultStyle: { font: REPORT_FONT, fontSize: 11 },
    styles: { h1: { fontSize: 18, bold: true }, h2: { fontSize: 13, bold: true } },
  });
}
