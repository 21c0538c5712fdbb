import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { resourcePath } from '../../catalog/resources.js';
import { PingshenError } from '../../domain/errors.js';
import type { BundleIntakeOutcome, PackageDownload } from '../contract.js';
import { withTempDir } from '../temp-files.js';
import type { HandlersFor } from './types.js';

/** Where the Excel templates ship, by the kind of sheet. */
export const TEMPLATE_FILES = {
  applicants: 'applicants-template.xlsx',
  experts: 'experts-template.xlsx',
} as const;

export const secretariatHandlers: HandlersFor<'secretariat'> = {
  'secretariat.listProfiles': (_i, { session }) => session.secretariat().listProfiles(),
  'secretariat.listFrameworks': (_i, { session }) => session.secretariat().listFrameworks(),
  'secretariat.loadFramework': (input, { session }) =>
    withTempDir(session.dataDir, async (dir) => session.secretariat().loadFramework(dir.write(input.file))),
  'secretariat.createEdition': (input, { session }) => session.secretariat().createEdition(input),
  'secretariat.updateEditionSettings': (input, { session }) =>
    session.secretariat().updateEditionSettings(input.editionId, input.settings),
  'secretariat.listEditions': (_i, { session }) => session.secretariat().listEditions(),
  'secretariat.getEdition': (input, { session }) => session.secretariat().getEdition(input.editionId),

  'secretariat.addApplicant': (input, { session }) => session.secretariat().addApplicant(input.editionId, input.applicant),
  'secretariat.listApplicants': (input, { session }) => session.secretariat().listApplicants(input.editionId),
  'secretariat.importApplicants': (input, { session }) =>
    withTempDir(session.dataDir, (dir) => session.secretariat().importApplicants(input.editionId, dir.write(input.file))),
  'secretariat.addExpert': (input, { session }) => session.secretariat().addExpert(input.editionId, input.expert),
  'secretariat.listExperts': (input, { session }) => session.secretariat().listExperts(input.editionId),
  'secretariat.importExperts': (input, { session }) =>
    withTempDir(session.dataDir, (dir) => session.secretariat().importExperts(input.editionId, dir.write(input.file))),
  'secretariat.template': (input) => {
    const fileName = TEMPLATE_FILES[input.kind];
    const file = resourcePath('templates', fileName);
    if (!existsSync(file)) {
      throw new PingshenError('template.missing', {
        zh: `安装不完整：缺少模板 ${fileName}。请重新安装本软件。`,
        en: `Incomplete installation: template ${fileName} is missing. Reinstall the app.`,
      });
    }
    return { fileName, bytes: new Uint8Array(readFileSync(file)) };
  },
  'secretariat.enrollExpert': (input, { session }) => session.secretariat().enrollExpert(input.expertId, input.enrollmentCode),

  'secretariat.createPanel': (input, { session }) => session.secretariat().createPanel(input.editionId, input.panel),
  'secretariat.listPanels': (input, { session }) => session.secretariat().listPanels(input.editionId),
  'secretariat.assign': (input, { session }) => session.secretariat().assign(input.panelId, input.applicantIds),

  'secretariat.attachMaterial': (input, { session }) =>
    withTempDir(session.dataDir, async (dir) => session.secretariat().attachMaterial(input.applicantId, dir.write(input.file))),
  'secretariat.listMaterials': (input, { session }) => session.secretariat().listMaterials(input.applicantId),

  'secretariat.exportPackages': (input, { session }) =>
    withTempDir(session.dataDir, async (dir) => {
      const exports = await session
        .secretariat()
        .exportPackages(input.editionId, dir.path, input.expertIds ? { expertIds: input.expertIds } : {});
      return exports.map(
        (e): PackageDownload => ({
          expertId: e.expertId,
          sha256: e.sha256,
          applicants: e.applicants,
          size: e.bytes,
          fileName: basename(e.file),
          bytes: dir.read(e.file),
        }),
      );
    }),
  'secretariat.importBundles': (input, { session }) =>
    withTempDir(session.dataDir, async (dir) => {
      const paths = input.files.map((f) => dir.write(f));
      const outcomes = await session.secretariat().importBundles(paths);
      return outcomes.map((outcome, i): BundleIntakeOutcome => {
        const fileName = input.files[i]?.fileName ?? '';
        // the refusal names the temporary copy; the user knows the file by its own name
        return outcome.status === 'refused' ? { ...outcome, file: fileName, fileName } : { ...outcome, fileName };
      });
    }),
  'secretariat.listBundles': (input, { session }) => session.secretariat().listBundles(input.editionId),
  'secretariat.owedWork': (input, { session }) => session.secretariat().owedWork(input.editionId),

  'secretariat.imposeRecusal': (input, { session }) => session.secretariat().imposeRecusal(input),
  'secretariat.recusalRegister': (input, { session }) => session.secretariat().recusalRegister(input.editionId),
  'secretariat.listSheets': (input, { session }) =>
    session.secretariat().listSheets(input.editionId, input.filter),
  'secretariat.results': (input, { session }) => session.secretariat().results(input.editionId),
};
