import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { builtInFrameworks } from '../../catalog/frameworks.js';
import { builtInProfiles, getProfile } from '../../catalog/profiles.js';
import { parseFrameworkText } from '../../criteria/parse.js';
import { FrameworkSchema, type CriteriaFramework } from '../../criteria/schema.js';
import { refuse } from '../../domain/errors.js';
import { UploadSchema } from '../../domain/files.js';
import { IdSchema, textOf } from '../../domain/values.js';
import { EditionDetailSchema, type EditionDetail } from '../../profile/edition.js';
import { effectiveRules } from '../../profile/effective.js';
import { ProfileSchema } from '../../profile/schema.js';
import { EditionSettingsSchema } from '../../profile/settings.js';
import { editionSteps, StepStatusSchema } from '../../rules/edition-steps.js';
import { storeCall } from '../call.js';
import type { Ctx } from '../context.js';
import { editionReadingCalls } from './reading.js';
import { editionFacts } from './steps.js';
import { getEdition, insertEdition, insertFramework, listEditionRows, registeredFrameworks, updateEdition } from '../repo/editions.js';

/** Editions (届次) and what they are built from: the city profiles and the criteria frameworks. */

function allFrameworks(ctx: Ctx): CriteriaFramework[] {
  const builtIn = builtInFrameworks();
  const ids = new Set(builtIn.map((f) => f.id));
  return [...builtIn, ...registeredFrameworks(ctx).filter((f) => !ids.has(f.id))];
}

const EditionRef = z.strictObject({ editionId: IdSchema });

export const editionCalls = {
  'profiles.list': storeCall({
    access: 'secretariat',
    input: z.strictObject({}),
    output: z.array(ProfileSchema),
    run: () => builtInProfiles(),
  }),

  'frameworks.list': storeCall({
    access: 'secretariat',
    input: z.strictObject({}),
    output: z.array(FrameworkSchema),
    run: (_input, ctx) => allFrameworks(ctx),
  }),

  /** validates and registers a framework file (a local standard, say) */
  'frameworks.load': storeCall({
    access: 'secretariat',
    input: z.strictObject({ file: UploadSchema }),
    output: FrameworkSchema,
    run(input, ctx) {
      const framework = parseFrameworkText(new TextDecoder().decode(input.file.bytes), input.file.fileName);
      if (builtInFrameworks().some((f) => f.id === framework.id)) {
        throw refuse(
          'framework.id-taken',
          `评价准则编号“${framework.id}”与内置准则相同。请在文件中改用另一个编号后重新加载。`,
          `Framework id "${framework.id}" is the id of a built-in framework. Give the file another id and load it again.`,
        );
      }
      return ctx.change('framework.registered', () => {
        insertFramework(ctx, framework, input.file.fileName);
        return { result: framework, detail: { frameworkId: framework.id, standard: framework.standard, totalPoints: framework.totalPoints } };
      });
    },
  }),

  'editions.create': storeCall({
    access: 'secretariat',
    input: z.strictObject({
      name: textOf(200),
      year: z.number().int().min(2000).max(2200),
      profileId: IdSchema,
      frameworkId: IdSchema,
      settings: EditionSettingsSchema,
    }),
    output: EditionDetailSchema,
    run(i, ctx) {
      const profile = getProfile(i.profileId);
      const framework = allFrameworks(ctx).find((f) => f.id === i.frameworkId);
      if (!framework) {
        const known = allFrameworks(ctx)
          .map((f) => f.id)
          .join(', ');
        throw refuse(
          'framework.not-found',
          `没有编号为“${i.frameworkId}”的评价准则。可用：${known}；其他准则请先加载其文件。`,
          `No framework with id "${i.frameworkId}". Available: ${known}; load another framework from its file first.`,
        );
      }
      effectiveRules(profile, framework, i.settings);
      if (listEditionRows(ctx).some((e) => e.name === i.name)) {
        throw refuse('edition.name-taken', `已有名为“${i.name}”的届次，请换一个名称。`, `An edition named "${i.name}" already exists; choose another name.`);
      }
      const edition: EditionDetail = {
        id: randomUUID(),
        name: i.name,
        year: i.year,
        profileId: profile.id,
        frameworkId: framework.id,
        createdAt: ctx.now(),
        profile,
        framework,
        settings: i.settings,
      };
      return ctx.change('edition.created', () => {
        insertEdition(ctx, edition);
        return {
          result: edition,
          detail: { editionId: edition.id, name: edition.name, year: edition.year, profileId: profile.id, frameworkId: framework.id, settings: i.settings },
        };
      });
    },
  }),

  'editions.updateSettings': storeCall({
    access: 'secretariat',
    input: z.strictObject({ editionId: IdSchema, settings: EditionSettingsSchema }),
    output: EditionDetailSchema,
    run(i, ctx) {
      const edition = getEdition(ctx, i.editionId);
      effectiveRules(edition.profile, edition.framework, i.settings);
      return ctx.change('edition.settings-changed', () => {
        updateEdition(ctx, i.editionId, { settings: i.settings });
        return { result: getEdition(ctx, i.editionId), detail: { editionId: i.editionId, before: edition.settings, after: i.settings } };
      });
    },
  }),

  'editions.list': editionReadingCalls['editions.list'],

  /** where the edition stands: each of the regulations' steps with its state and figures */
  'editions.steps': storeCall({
    access: 'secretariat',
    input: EditionRef,
    output: z.array(StepStatusSchema),
    run: (i, ctx) => editionSteps(editionFacts(ctx, i.editionId)),
  }),

  'editions.get': editionReadingCalls['editions.get'],
};
