import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AssignmentView } from '../../src-main/domain/review.js';

/** Small shared labels, so a status reads the same on every screen. */

export function DeclarationBadge({ declaration }: { declaration: AssignmentView['declaration'] }) {
  const { t } = useTranslation();
  if (!declaration) return <Badge color="gray" variant="light">{t('declaration.none')}</Badge>;
  if (declaration.conflict) return <Badge color="red" variant="filled">{t('declaration.recused')}</Badge>;
  return <Badge color="teal" variant="light">{t('declaration.noConflict')}</Badge>;
}

export function SheetBadge({ status }: { status: 'none' | 'draft' | 'submitted' }) {
  const { t } = useTranslation();
  const color = status === 'submitted' ? 'green' : status === 'draft' ? 'blue' : 'gray';
  return <Badge color={color} variant="light">{t(`sheet.status.${status}`)}</Badge>;
}

export function useIndustryLabel(): (industry: 1 | 2 | 3 | null) => string {
  const { t } = useTranslation();
  return (industry) => (industry === null ? '—' : t(`industry.${industry}`));
}
