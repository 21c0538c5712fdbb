import type { AssignmentView } from '../../domain/review.js';
import type { Ctx } from '../context.js';
import { findDeclaration } from './declarations.js';
import { getEdition } from './editions.js';
import { seatsOfExpert } from './panels.js';
import { getApplicant } from './people.js';
import { findReturn, findSheetRowFor, scoredItemCount } from './sheets.js';

/** The expert's own work in an edition: each applicant and stage, its declaration and its sheet. */
export function assignmentsOf(ctx: Ctx, me: string, editionId: string): AssignmentView[] {
  const totalItems = getEdition(ctx, editionId).framework.categories.reduce((n, c) => n + c.items.length, 0);
  return seatsOfExpert(ctx, me).map((seat): AssignmentView => {
    const a = getApplicant(ctx, seat.applicantId);
    const declaration = findDeclaration(ctx, me, a.id, 'secretariat') ?? findDeclaration(ctx, me, a.id, 'expert') ?? null;
    const sheet = findSheetRowFor(ctx, me, a.id, seat.stage);
    const scoredItems = sheet ? scoredItemCount(ctx, sheet.id) : 0;
    return {
      applicant: { id: a.id, code: a.code, name: a.name, kind: a.kind, industry: a.industry },
      stage: seat.stage,
      declaration,
      sheetStatus: sheet?.status ?? 'none',
      scoredItems,
      totalItems,
      returnReason: sheet?.status === 'draft' && sheet.return_id !== null ? (findReturn(ctx, sheet.return_id)?.reason ?? null) : null,
    };
  });
}
