import type { ApplicantRef } from '../domain/people.js';
import type { ReportExpert } from './types.js';

/** "王建国（E03）", or whatever part of it is known. */
export function expertLabel(expert: ReportExpert | undefined, fallback: string): string {
  if (!expert) return fallback;
  if (expert.name && expert.code) return `${expert.name}（${expert.code}）`;
  return expert.name ?? expert.code ?? fallback;
}

export function expertShortName(expert: ReportExpert | undefined, fallback: string): string {
  return expert?.name ?? expert?.code ?? fallback;
}

export function byId<T extends { id: string }>(list: T[]): Map<string, T> {
  return new Map(list.map((x) => [x.id, x]));
}

export function applicantLabel(applicant: ApplicantRef | undefined, fallback: string): string {
  return applicant ? `${applicant.name}（${applicant.code}）` : fallback;
}
