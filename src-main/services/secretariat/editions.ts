import { randomUUID } from 'node:crypto';
import { builtInFrameworks, loadFrameworkFile } from '../../catalog/frameworks.js';
import type { CriteriaFramework } from '../../criteria/schema.js';
import { type EditionSettings, EditionSettingsSchema } from '../../profile/settings.js';
import { effectiveRules } from '../../profile/effective.js';
import { builtInProfiles, getProfile } from '../../catalog/profiles.js';
import type { EditionDetail } from '../../profile/edition.js';
import type { SecretariatService } from '../api.js';
import type { Ctx } from '../context.js';
import { getEdition, insertEdition, insertFramework, listEditionRows, registeredFrameworks, updateEdition } from '../repo/editions.js';
import { parseInput } from '../../domain/reasons.js';
import { refuse } from '../../domain/errors.js';
import { CreateEditionSchema } from '../schemas.js';
import { FilePathSchema, IdSchema } from '../../domain/values.js';

function allFrameworks(ctx: Ctx): CriteriaFramework[] {
  const builtIn = builtInFrameworks();
  const ids = new Set(builtIn.map((f) => f.id));
  return [...builtIn, ...registeredFrameworks(ctx).filter((f) => !ids.has(f.id))];
}

type EditionMethods = Pick<
  SecretariatService,
  'listProfiles' | 'listFrameworks' | 'loadFramework' | 'createEdition' | 'updateEditionSettings' | 'listEditions' | 'getEdition'
>;

export function editionMethods(ctx: Ctx): EditionMethods {
  return {
    listProfiles: () => builtInProfiles(),
    listFrameworks: () => allFrameworks(ctx),

    loadFramework(file) {
      const path = parseInput(FilePathSchema, file, { zh: '评价准则文件路径', en: 'framework file path' });
      const framework = loadFrameworkFile(path);
      if (builtInFrameworks().some((f) => f.id === framework.id)) {
        throw refuse(
          'framework.id-taken',
          `评价准则编号“${framework.id}”与内置准则相同。请在文件中改用另一个编号后重新加载。`,
          `Framework id "${framework.id}" is the id of a built-in framework. Give the file another id and load it again.`,
        );
      }
      return ctx.change('framework.registered', () => {
        insertFramework(ctx, framework, path);
        return { result: framework, detail: { frameworkId: framework.id, standard: framework.standard, totalPoints: framework.totalPoints } };
      });
    },

    createEdition(input) {
      const i = parseInput(CreateEditionSchema, input, { zh: '届次信息', en: 'edition' });
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

    updateEditionSettings(editionId, settings) {
      const id = parseInput(IdSchema, editionId, { zh: '届次编号', en: 'edition id' });
      const s: EditionSettings = parseInput(EditionSettingsSchema, settings, { zh: '本届设置', en: 'edition settings' });
      const edition = getEdition(ctx, id);
      effectiveRules(edition.profile, edition.framework, s);
      return ctx.change('edition.settings-changed', () => {
        updateEdition(ctx, id, { settings: s });
        return { result: getEdition(ctx, id), detail: { editionId: id, before: edition.settings, after: s } };
      });
    },

    listEditions: () => listEditionRows(ctx),
    getEdition: (editionId) => getEdition(ctx, parseInput(IdSchema, editionId, { zh: '届次编号', en: 'edition id' })),
  };
}
