import type { Localized } from '../../domain/localized.js';
import { fileNamePart } from '../../domain/file-names.js';
import type { EditionRecordSet } from '../../exchange/archive/build.js';
import { BUNDLES_DIR, recordDigest, type BundleEntry } from '../../exchange/archive/format.js';
import { recordFiles } from '../../exchange/archive/build.js';
import { fileKeyOf } from '../../seal/file-key.js';
import { NoticeRecordSchema, ObjectionRecordSchema, PublishedListSchema } from '../../domain/notices.js';
import { confirmationOfNotice } from '../../scoring/committee.js';
import type { Ctx } from '../context.js';
import { declarationEventsOfEdition, declarationsOfEdition } from '../repo/declarations.js';
import { eligibleLevelsOfEdition } from '../repo/eligibility.js';
import { getEdition } from '../repo/editions.js';
import { standingRecords } from '../repo/panel-work.js';
import { editionSeats, listPanelRows } from '../repo/panels.js';
import { expertKeys, listApplicantRows, listExpertRows } from '../repo/people.js';
import { decisionsOfEdition, receivedBundlesOfEdition } from '../repo/records.js';
import { editionResults } from '../repo/results.js';
import { outOfReviewOfEdition } from '../repo/review.js';
import { returnsOfEdition, versionsOfEdition } from '../repo/sheets.js';

/**
 * An edition's records as the store holds them, in the order the archive writes them: each list
 * in a fixed order, so that the same records always make the same files (and the same digest).
 */

const byKeys = <T>(...keys: ((x: T) => string | number)[]) => (a: T, b: T): number => {
  for (const key of keys) {
    const x = key(a);
    const y = key(b);
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return 0;
};

/** A bundle the secretariat cannot open with its own key was refused unread: it has no file key. */
async function fileKeyOrNull(bytes: Uint8Array, identity: string): Promise<string | null> {
  try {
    return Buffer.from(await fileKeyOf(bytes, identity)).toString('hex');
  } catch {
    return null;
  }
}

/**
 * The committee's decisions, the notices and the objections, each register null (or empty) while
 * the edition holds none of it. Notices and objections are parsed through their schemas, so that
 * their files' bytes follow the schemas' order of fields, not the tables'.
 */
function decisionRecords(ctx: Ctx, editionId: string): Pick<EditionRecordSet, 'committee' | 'notices' | 'objections'> {
  const d = decisionsOfEdition(ctx, editionId);
  const committee = { confirmations: d.confirmations, settlements: d.settlements, tallies: d.tallies };
  return {
    committee: Object.values(committee).some((list) => list.length > 0) ? committee : null,
    notices:
      d.notices.length === 0
        ? null
        : {
            notices: d.notices.map((n) => ({ ...NoticeRecordSchema.parse(n), confirmationId: confirmationOfNotice(n, d.confirmations) })),
            finalList: d.finalList ? PublishedListSchema.parse(d.finalList) : null,
          },
    objections: d.objections.map((o) => ObjectionRecordSchema.parse(o)),
  };
}

export async function gatherRecords(ctx: Ctx, editionId: string): Promise<EditionRecordSet> {
  const edition = getEdition(ctx, editionId);
  const experts = listExpertRows(ctx, editionId);
  const codeOf = new Map(experts.map((e) => [e.id, e.code]));
  const bundles: EditionRecordSet['bundles'] = [];
  for (const r of receivedBundlesOfEdition(ctx, editionId)) {
    const who = r.expert_id === null ? 'unknown' : fileNamePart(codeOf.get(r.expert_id) ?? r.expert_id);
    const entry: BundleEntry = {
      path: `${BUNDLES_DIR}${String(r.seq).padStart(4, '0')}-${who}-${r.sequence ?? 'x'}-${r.status}.age`,
      fileName: r.file_name,
      receivedAt: r.received_at,
      status: r.status,
      sha256: r.sha256,
      bundleId: r.bundle_id,
      expertId: r.expert_id,
      sequence: r.sequence,
      payloadSha256: r.payload_sha256,
      supersededBy: r.superseded_by,
      reason: r.reason_json === null ? null : (JSON.parse(r.reason_json) as Localized),
      fileKey: r.status === 'refused' ? null : await fileKeyOrNull(r.bytes, ctx.identity.boxIdentity),
    };
    bundles.push({ entry, bytes: new Uint8Array(r.bytes) });
  }
  const out = outOfReviewOfEdition(ctx, editionId);
  const levels = eligibleLevelsOfEdition(ctx, editionId);
  return {
    edition,
    // what an archive made before the ID number existed held stays byte for byte the same while nothing changed
    applicants: listApplicantRows(ctx, editionId).map(({ idNumber, ...a }) => ({
      ...a,
      ...(idNumber === null ? {} : { idNumber }),
      ...out.get(a.id),
      ...(levels ? { levels: levels.get(a.id) ?? [] } : {}),
    })),
    experts: experts.map((e) => {
      const keys = expertKeys(ctx, e.id);
      return { ...e, signPublic: keys?.signPublic ?? null, boxRecipient: keys?.boxRecipient ?? null };
    }),
    panels: listPanelRows(ctx, editionId),
    seats: editionSeats(ctx, editionId),
    declarations: declarationsOfEdition(ctx, editionId),
    declarationEvents: declarationEventsOfEdition(ctx, editionId),
    sheetReturns: returnsOfEdition(ctx, editionId).sort(byKeys((r) => r.returnedAt, (r) => r.expertId, (r) => r.applicantId, (r) => r.stage, (r) => r.version)),
    sheetVersions: versionsOfEdition(ctx, editionId).sort(byKeys((v) => v.recordedAt, (v) => v.expertId, (v) => v.applicantId, (v) => v.stage, (v) => v.version)),
    consensus: standingRecords(ctx, editionId).flatMap((row) =>
      row.record && row.statement && row.signedAt
        ? [
            {
              applicantId: row.applicantId,
              stage: row.stage,
              leaderId: row.leaderId,
              signedAt: row.signedAt,
              statement: row.statement,
              stands: row.record.flagged.filter((f) => f.resolution === 'stands').map((f) => ({ itemCode: f.itemCode, reason: f.reason })),
            },
          ]
        : [],
    ),
    bundles,
    results: editionResults(ctx, editionId),
    ...decisionRecords(ctx, editionId),
  };
}

/** The digest of the edition's records as they stand: what a current archive of it carries. */
export async function currentRecordDigest(ctx: Ctx, editionId: string): Promise<string> {
  return recordDigest(recordFiles(await gatherRecords(ctx, editionId)));
}
