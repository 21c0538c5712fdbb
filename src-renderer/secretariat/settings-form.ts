import type { EditionSettings } from '../../src-main/profile/settings.js';
import type { Profile } from '../../src-main/profile/schema.js';
import type { Stage } from '../../src-main/domain/words.js';
import { DEFAULT_TIME_ZONE } from '../../src-main/domain/time.js';

/**
 * The edition form's values and how they become EditionSettings: only what the profile leaves
 * open is asked for and sent; the regulation's fixed numbers are shown, never overridden.
 */
export interface SettingsForm {
  weights: Partial<Record<Stage, number | ''>>;
  shortlistSize: number | '';
  panelMin: number | '';
  panelMax: number | '';
  trimEnabled: boolean;
  trimMinPanelSize: number | '';
  disagreementEnabled: boolean;
  disagreementThreshold: number | '';
  /** the issuing body, as the documents' closing names it; blank leaves a line to fill in by hand */
  issuingBody: string;
  timeZone: string;
}

export interface OpenValues {
  weightStages: Stage[];
  shortlist: boolean;
  panelMin: boolean;
  panelMax: boolean;
}

export function openValues(profile: Profile): OpenValues {
  return {
    weightStages: profile.stages.filter((s) => s.weight === null).map((s) => s.stage),
    shortlist: profile.shortlist?.size === 'edition',
    panelMin: profile.panelSize.min === null,
    panelMax: profile.panelSize.max === null,
  };
}

export function initialForm(profile: Profile, current?: EditionSettings): SettingsForm {
  const weights: SettingsForm['weights'] = {};
  for (const stage of openValues(profile).weightStages) weights[stage] = current?.weights?.[stage] ?? '';
  return {
    weights,
    shortlistSize: current?.shortlistSize ?? '',
    panelMin: current?.panelSize?.min ?? '',
    panelMax: current?.panelSize?.max ?? '',
    trimEnabled: current?.trim?.enabled ?? profile.trim.enabled,
    trimMinPanelSize: current?.trim?.minPanelSize ?? profile.trim.minPanelSize,
    disagreementEnabled: current?.disagreement?.enabled ?? profile.disagreement.enabled,
    disagreementThreshold: current?.disagreement?.threshold ?? profile.disagreement.threshold,
    issuingBody: current?.issuingBody ?? '',
    timeZone: current?.timeZone ?? DEFAULT_TIME_ZONE,
  };
}

/** Sum of all stage weights, fixed ones included: it must come to 100. */
export function weightSum(profile: Profile, form: SettingsForm): number {
  return profile.stages.reduce((sum, s) => sum + (s.weight ?? (typeof form.weights[s.stage] === 'number' ? (form.weights[s.stage] as number) : 0)), 0);
}

export type FormProblem = 'weights-missing' | 'weights-sum' | 'shortlist-missing' | 'panel-missing' | 'panel-order';

export function formProblems(profile: Profile, form: SettingsForm): FormProblem[] {
  const open = openValues(profile);
  const problems: FormProblem[] = [];
  if (open.weightStages.some((s) => form.weights[s] === '' || form.weights[s] === undefined)) problems.push('weights-missing');
  else if (weightSum(profile, form) !== 100) problems.push('weights-sum');
  if (open.shortlist && form.shortlistSize === '') problems.push('shortlist-missing');
  if ((open.panelMin && form.panelMin === '') || (open.panelMax && form.panelMax === '')) problems.push('panel-missing');
  const min = open.panelMin ? form.panelMin : profile.panelSize.min;
  const max = open.panelMax ? form.panelMax : profile.panelSize.max;
  if (typeof min === 'number' && typeof max === 'number' && min > max) problems.push('panel-order');
  return problems;
}

export function toSettings(profile: Profile, form: SettingsForm): EditionSettings {
  const open = openValues(profile);
  const settings: EditionSettings = {};
  if (open.weightStages.length > 0) {
    settings.weights = {};
    for (const stage of open.weightStages) {
      const w = form.weights[stage];
      if (typeof w === 'number') settings.weights[stage] = w;
    }
  }
  if (open.shortlist && typeof form.shortlistSize === 'number') settings.shortlistSize = form.shortlistSize;
  if (open.panelMin || open.panelMax) {
    settings.panelSize = {};
    if (open.panelMin && typeof form.panelMin === 'number') settings.panelSize.min = form.panelMin;
    if (open.panelMax && typeof form.panelMax === 'number') settings.panelSize.max = form.panelMax;
  }
  settings.trim = form.trimEnabled
    ? { enabled: true, ...(typeof form.trimMinPanelSize === 'number' ? { minPanelSize: form.trimMinPanelSize } : {}) }
    : { enabled: false };
  settings.disagreement = form.disagreementEnabled
    ? { enabled: true, ...(typeof form.disagreementThreshold === 'number' ? { threshold: form.disagreementThreshold } : {}) }
    : { enabled: false };
  if (form.issuingBody.trim() !== '') settings.issuingBody = form.issuingBody.trim();
  // the default zone is what an edition without one reads in: it need not be stored
  if (form.timeZone !== DEFAULT_TIME_ZONE) settings.timeZone = form.timeZone;
  return settings;
}
