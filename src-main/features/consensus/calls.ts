import { z } from 'zod';
import { ConsensusSeatSchema, ConsensusSummarySchema, ConsensusViewSchema, OpinionSchema, ReasonSchema, ResolutionSchema } from '../../domain/consensus.js';
import { BundleOutcomeSchema, BundleRecordSchema, DownloadSchema, UploadSchema, type BundleOutcome } from '../../domain/files.js';
import { ItemCodeSchema, SheetReturnSchema } from '../../domain/review.js';
import { IdSchema, textOf } from '../../domain/values.js';
import { StageSchema } from '../../domain/vocabulary.js';
import { storeCall } from '../call.js';
import { signedConsensusOfEdition } from '../repo/consensus.js';
import { panelBundleRecords } from '../repo/panel-bundles.js';
import { recordHolds } from '../repo/panel-work.js';
import { judgeMemberBundle, openMemberBundle, type OpenedMemberBundle } from './intake.js';
import { importReturnNotice, makeReturn } from './returns.js';
import { openConsensus, saveOpinion, seats, settle, signOff } from './step.js';

/**
 * The panel leader's consensus (组长负责制, Xinyang art. 9 and 18). The step's calls are the same
 * on the leader's laptop (an expert store that leads a panel) and on the secretariat's
 * workstation when the panel meets there; the laptop alone imports the members' bundles, and a
 * member's store alone takes in the leader's return notices.
 */

const SeatRef = z.strictObject({ editionId: IdSchema, applicantId: IdSchema, stage: StageSchema });

export const consensusCalls = {
  /** every applicant and stage this store may hold a consensus for, with how far each is */
  'consensus.seats': storeCall({
    access: 'unlocked',
    input: z.strictObject({ editionId: IdSchema }),
    output: z.array(ConsensusSeatSchema),
    run: (i, ctx) => seats(ctx, i.editionId),
  }),

  /** opens the consensus once every active member has submitted; the members' sheets side by side */
  'consensus.open': storeCall({
    access: 'unlocked',
    input: SeatRef,
    output: ConsensusViewSchema,
    run: (i, ctx) => openConsensus(ctx, i),
  }),

  /** sends one member's sheet back, with the reason; on the laptop the notice is the file to hand the member */
  'consensus.return': storeCall({
    access: 'unlocked',
    input: SeatRef.extend({ expertId: IdSchema, reason: textOf(1000) }),
    output: z.strictObject({ return: SheetReturnSchema, notice: DownloadSchema.nullable() }),
    async run({ expertId, reason, ...seat }, ctx) {
      const made = await makeReturn(ctx, seat, expertId, reason);
      return { return: made.ret, notice: made.notice };
    },
  }),

  /** what became of a flagged item: members revised their own scores, or the difference stands, with the reason */
  'consensus.settle': storeCall({
    access: 'unlocked',
    input: SeatRef.extend({ itemCode: ItemCodeSchema, resolution: ResolutionSchema, reason: ReasonSchema.default('') }),
    output: ConsensusViewSchema,
    run: ({ itemCode, resolution, reason, ...seat }, ctx) => settle(ctx, seat, { itemCode, resolution, reason }),
  }),

  /** the panel's opinion per category and the overall evaluation, as the leader edited them */
  'consensus.saveOpinion': storeCall({
    access: 'unlocked',
    input: SeatRef.extend({ opinion: OpinionSchema }),
    output: ConsensusViewSchema,
    run: ({ opinion, ...seat }, ctx) => saveOpinion(ctx, seat, opinion),
  }),

  'consensus.signOff': storeCall({
    access: 'unlocked',
    input: SeatRef,
    output: ConsensusViewSchema,
    run: (i, ctx) => signOff(ctx, i),
  }),

  /** the leader's laptop: members' result bundles from the USB stick, each verified on its own */
  'consensus.importBundles': storeCall({
    access: 'expert',
    input: z.strictObject({ files: z.array(UploadSchema).min(1).max(100) }),
    output: z.array(BundleOutcomeSchema),
    async run(i, ctx, aids) {
      const opened: OpenedMemberBundle[] = [];
      for (const file of i.files) {
        opened.push(await openMemberBundle(ctx, file));
        aids.progress(opened.length, i.files.length);
      }
      const outcomes: BundleOutcome[] = [];
      for (const o of opened) outcomes.push(judgeMemberBundle(ctx, o));
      return outcomes;
    },
  }),

  /** the leader's laptop: every member bundle imported, accepted or refused */
  'consensus.bundles': storeCall({
    access: 'expert',
    input: z.strictObject({ editionId: IdSchema }),
    output: z.array(BundleRecordSchema),
    run: (i, ctx) => panelBundleRecords(ctx, i.editionId),
  }),

  /** the secretariat: every signed consensus, received from a leader or recorded at the workstation */
  'consensus.records': storeCall({
    access: 'secretariat',
    input: z.strictObject({ editionId: IdSchema }),
    output: z.array(ConsensusSummarySchema),
    run: (i, ctx) =>
      signedConsensusOfEdition(ctx, i.editionId).map((row) => ({
        id: row.id,
        applicantId: row.applicantId,
        stage: row.stage,
        leaderId: row.leaderId,
        recordedBy: row.recordedBy,
        signedAt: row.signedAt ?? row.openedAt,
        current: recordHolds(ctx, row),
      })),
  }),

  /** a member's store: the leader's return notice reopens the returned sheet as the next version */
  'returns.import': storeCall({
    access: 'expert',
    input: z.strictObject({ file: UploadSchema }),
    output: z.strictObject({ applicantId: IdSchema, applicantCode: z.string(), stage: StageSchema, version: z.number().int(), reason: z.string() }),
    run: (i, ctx) => importReturnNotice(ctx, i.file),
  }),
};
