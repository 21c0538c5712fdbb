import { buildAwardList } from './award-list.js';
import { buildBallot } from './ballot.js';
import { buildDecisions } from './decisions.js';
import { buildFinalList, buildNotice, buildObjectionReply } from './notice.js';
import { buildFeedback } from './feedback.js';
import { buildIncompleteLetter, buildNotShortlistedLetter } from './letters.js';
import { buildPanelBinder } from './panel-binder.js';
import { buildPanelSummary } from './panel-summary.js';
import { buildRanking } from './ranking.js';
import { buildReceipt } from './receipt.js';
import { buildRecusals } from './recusals.js';
import { buildScoreSheet } from './score-sheet.js';
import type { DocDefinition, PrintOptions, ReportInput } from './types.js';

export function buildReport(input: ReportInput, print: PrintOptions): DocDefinition {
  switch (input.report) {
    case 'score-sheet':
      return buildScoreSheet(input, print);
    case 'panel-summary':
      return buildPanelSummary(input, print);
    case 'panel-binder':
      return buildPanelBinder(input, print);
    case 'feedback':
      return buildFeedback(input, print);
    case 'ranking':
      return buildRanking(input, print);
    case 'ballot':
      return buildBallot(input, print);
    case 'recusals':
      return buildRecusals(input, print);
    case 'receipt':
      return buildReceipt(input, print);
    case 'incomplete-letter':
      return buildIncompleteLetter(input, print);
    case 'not-shortlisted-letter':
      return buildNotShortlistedLetter(input, print);
    case 'award-list':
      return buildAwardList(input, print);
    case 'decisions':
      return buildDecisions(input, print);
    case 'notice':
      return buildNotice(input, print);
    case 'objection-reply':
      return buildObjectionReply(input, print);
    case 'final-list':
      return buildFinalList(input, print);
  }
}
