import type { ApplicantKind, Industry } from '../../domain/words.js';
import type { Applicant, ApplicantInput, Expert, Withdrawal } from '../../domain/people.js';
import type { Ctx } from '../context.js';
import { notFound } from '../../domain/errors.js';

interface ApplicantRow {
  id: string;
  edition_id: string;
  code: string;
  name: string;
  kind: ApplicantKind;
  industry: Industry;
  credit_code: string | null;
  id_number: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  contact_email: string | null;
  withdrawn_at: string | null;
  withdrawn_reason: string | null;
}

interface ExpertRow {
  id: string;
  edition_id: string;
  code: string;
  name: string;
  organisation: string | null;
  title: string | null;
  industry: Industry | null;
  phone: string | null;
  email: string | null;
  sign_public: string | null;
  box_recipient: string | null;
  fingerprint: string | null;
  pool_id: string | null;
  withdrawn_at: string | null;
  withdrawn_reason: string | null;
}

/** The expert's public keys, once enrolled. */
export interface ExpertKeys {
  signPublic: string;
  boxRecipient: string;
  fingerprint: string;
}

function withdrawal(r: { withdrawn_at: string | null; withdrawn_reason: string | null }): Withdrawal {
  return r.withdrawn_at === null ? null : { at: r.withdrawn_at, reason: r.withdrawn_reason ?? '' };
}

function applicant(r: ApplicantRow): Applicant {
  return {
    id: r.id,
    editionId: r.edition_id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    industry: r.industry,
    creditCode: r.credit_code,
    idNumber: r.id_number,
    contactName: r.contact_name,
    contactPhone: r.contact_phone,
    contactEmail: r.contact_email,
    withdrawn: withdrawal(r),
  };
}

function expert(r: ExpertRow): Expert {
  return {
    id: r.id,
    editionId: r.edition_id,
    code: r.code,
    name: r.name,
    organisation: r.organisation,
    title: r.title,
    industry: r.industry,
    phone: r.phone,
    email: r.email,
    poolId: r.pool_id,
    enrolled: r.sign_public !== null,
    fingerprint: r.fingerprint,
    withdrawn: withdrawal(r),
  };
}

export function insertApplicant(ctx: Ctx, a: Applicant): void {
  ctx
    .stmt(
      `INSERT INTO applicants (id, edition_id, code, name, kind, industry, credit_code, id_number, contact_name, contact_phone, contact_email)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(a.id, a.editionId, a.code, a.name, a.kind, a.industry, a.creditCode, a.idNumber, a.contactName, a.contactPhone, a.contactEmail);
}

/** The expert side keeps only what a package carries, and refreshes it from a newer one. */
export function upsertApplicant(ctx: Ctx, a: Applicant): void {
  ctx
    .stmt(
      `INSERT INTO applicants (id, edition_id, code, name, kind, industry, contact_name, contact_phone, contact_email)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET code = excluded.code, name = excluded.name, kind = excluded.kind, industry = excluded.industry`,
    )
    .run(a.id, a.editionId, a.code, a.name, a.kind, a.industry, a.contactName, a.contactPhone, a.contactEmail);
}

export function listApplicantRows(ctx: Ctx, editionId: string): Applicant[] {
  return (ctx.stmt('SELECT * FROM applicants WHERE edition_id = ? ORDER BY code').all(editionId) as ApplicantRow[]).map(
    applicant,
  );
}

export function findApplicant(ctx: Ctx, id: string): Applicant | undefined {
  const r = ctx.stmt('SELECT * FROM applicants WHERE id = ?').get(id) as ApplicantRow | undefined;
  return r && applicant(r);
}

export function getApplicant(ctx: Ctx, id: string): Applicant {
  const found = findApplicant(ctx, id);
  if (!found) throw notFound({ zh: '申报单位', en: 'applicant' }, id);
  return found;
}

export function applicantCodes(ctx: Ctx, editionId: string): Set<string> {
  return new Set((ctx.stmt('SELECT code FROM applicants WHERE edition_id = ?').pluck().all(editionId) as string[]));
}

export function insertExpert(ctx: Ctx, e: Expert, keys: ExpertKeys | null = null): void {
  ctx
    .stmt(
      `INSERT INTO experts (id, edition_id, code, name, organisation, title, industry, phone, email,
                            sign_public, box_recipient, fingerprint, enrolled_at, pool_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      e.id,
      e.editionId,
      e.code,
      e.name,
      e.organisation,
      e.title,
      e.industry,
      e.phone,
      e.email,
      keys?.signPublic ?? null,
      keys?.boxRecipient ?? null,
      keys?.fingerprint ?? null,
      keys ? ctx.now() : null,
      e.poolId,
    );
}

export function listExpertRows(ctx: Ctx, editionId: string): Expert[] {
  return (ctx.stmt('SELECT * FROM experts WHERE edition_id = ? ORDER BY code').all(editionId) as ExpertRow[]).map(expert);
}

export function findExpert(ctx: Ctx, id: string): Expert | undefined {
  const r = ctx.stmt('SELECT * FROM experts WHERE id = ?').get(id) as ExpertRow | undefined;
  return r && expert(r);
}

export function getExpert(ctx: Ctx, id: string): Expert {
  const found = findExpert(ctx, id);
  if (!found) throw notFound({ zh: '评审专家', en: 'expert' }, id);
  return found;
}

export function expertKeys(ctx: Ctx, id: string): ExpertKeys | null {
  const r = ctx.stmt('SELECT sign_public, box_recipient, fingerprint FROM experts WHERE id = ?').get(id) as
    | Pick<ExpertRow, 'sign_public' | 'box_recipient' | 'fingerprint'>
    | undefined;
  if (!r || r.sign_public === null || r.box_recipient === null || r.fingerprint === null) return null;
  return { signPublic: r.sign_public, boxRecipient: r.box_recipient, fingerprint: r.fingerprint };
}

export function expertCodes(ctx: Ctx, editionId: string): Set<string> {
  return new Set((ctx.stmt('SELECT code FROM experts WHERE edition_id = ?').pluck().all(editionId) as string[]));
}

export function enrolledSignKeys(ctx: Ctx): string[] {
  return ctx.stmt('SELECT DISTINCT sign_public FROM experts WHERE sign_public IS NOT NULL').pluck().all() as string[];
}

/** A correction: every field as given (the caller merged the changes into the record). */
export function updateApplicant(ctx: Ctx, id: string, a: ApplicantInput): void {
  ctx
    .stmt(
      `UPDATE applicants SET code = ?, name = ?, kind = ?, industry = ?, credit_code = ?, id_number = ?, contact_name = ?, contact_phone = ?, contact_email = ?
       WHERE id = ?`,
    )
    .run(a.code, a.name, a.kind, a.industry, a.creditCode, a.idNumber, a.contactName, a.contactPhone, a.contactEmail, id);
}

/** A seat's own code in its edition; the rest of its profile is its pool record's (repo/pool.ts). */
export function setExpertCode(ctx: Ctx, id: string, code: string): void {
  ctx.stmt('UPDATE experts SET code = ? WHERE id = ?').run(code, id);
}

export function setApplicantWithdrawn(ctx: Ctx, id: string, at: string, reason: string): void {
  ctx.stmt('UPDATE applicants SET withdrawn_at = ?, withdrawn_reason = ? WHERE id = ?').run(at, reason, id);
}

export function setExpertWithdrawn(ctx: Ctx, id: string, at: string, reason: string): void {
  ctx.stmt('UPDATE experts SET withdrawn_at = ?, withdrawn_reason = ? WHERE id = ?').run(at, reason, id);
}

/** Only a record nothing refers to any more is deleted; the caller checked that no work was done. */
export function deleteApplicant(ctx: Ctx, id: string): void {
  ctx.stmt('DELETE FROM assignments WHERE applicant_id = ?').run(id);
  ctx.stmt('DELETE FROM materials WHERE applicant_id = ?').run(id);
  ctx.stmt('DELETE FROM eligibility_events WHERE applicant_id = ?').run(id);
  ctx.stmt('DELETE FROM letter_reasons WHERE applicant_id = ?').run(id);
  ctx.stmt('DELETE FROM applicants WHERE id = ?').run(id);
}

export function deleteExpert(ctx: Ctx, id: string): void {
  ctx.stmt('DELETE FROM panel_members WHERE expert_id = ?').run(id);
  ctx.stmt('DELETE FROM experts WHERE id = ?').run(id);
}

/**
 * What already refers to a person beyond the secretariat's own set-up: a package that went out
 * naming them, a declaration, a score sheet. Any of it makes the person a matter of record.
 */
export function workOfApplicant(ctx: Ctx, id: string): { packages: number; declarations: number; sheets: number } {
  return {
    packages: ctx
      .stmt(
        `SELECT count(DISTINCT pe.package_id) FROM package_exports pe, json_each(pe.content, '$.assignments') j
         WHERE json_extract(j.value, '$.applicant.id') = ?`,
      )
      .pluck()
      .get(id) as number,
    declarations: ctx.stmt('SELECT count(*) FROM declarations WHERE applicant_id = ?').pluck().get(id) as number,
    sheets: ctx.stmt('SELECT count(*) FROM score_sheets WHERE applicant_id = ?').pluck().get(id) as number,
  };
}

export function workOfExpert(ctx: Ctx, id: string): { packages: number; declarations: number; sheets: number } {
  return {
    packages: ctx.stmt('SELECT count(*) FROM package_exports WHERE expert_id = ?').pluck().get(id) as number,
    declarations: ctx.stmt('SELECT count(*) FROM declarations WHERE expert_id = ?').pluck().get(id) as number,
    sheets: ctx.stmt('SELECT count(*) FROM score_sheets WHERE expert_id = ?').pluck().get(id) as number,
  };
}
