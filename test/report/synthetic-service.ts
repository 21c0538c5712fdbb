/**
 * The secretariat's service surface over a synthetic edition, answering the calls the report
 * set makes, so the benchmark and the tests run makeReportSet exactly as the app does.
 */
import type { Stage } from '../../src-main/domain/vocabulary.js';
import type { SecretariatService } from '../../src-main/services/api.js';
import type { SyntheticEdition } from './synthetic.js';

export function syntheticService(data: SyntheticEdition): SecretariatService {
  const service: Partial<SecretariatService> = {
    info: () => ({ role: 'secretariat', path: '/synthetic', fingerprint: 'synthetic', createdAt: data.edition.createdAt }),
    getEdition: () => data.edition,
    listApplicants: () => data.applicants,
    listExperts: () => data.experts,
    listSheets: (_: string, f: { applicantId?: string; stage?: Stage; expertId?: string } = {}) =>
      data.sheets.filter(
        (s) => (!f.applicantId || s.applicantId === f.applicantId) && (!f.stage || s.stage === f.stage) && (!f.expertId || s.expertId === f.expertId),
      ),
    results: () => data.results,
  };
  return service as SecretariatService;
}
