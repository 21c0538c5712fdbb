import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Withdrawal } from '../../../src-main/domain/people.js';
import { formatDateTime } from '../../format/datetime.js';

/** A withdrawn applicant or expert stays in every list, marked, the reason in a tooltip. */
export function WithdrawnBadge({ withdrawn, kind }: { withdrawn: Withdrawal; kind: 'applicant' | 'expert' }) {
  const { t, i18n } = useTranslation();
  if (!withdrawn) return null;
  return (
    <Tooltip label={t('corrections.withdrawnTip', { at: formatDateTime(withdrawn.at, i18n.language), reason: withdrawn.reason })} multiline maw={360} withArrow>
      <Badge size="sm" variant="outline" color="gray" data-testid="withdrawn-badge">
        {t(`corrections.withdrawnBadge.${kind}`)}
      </Badge>
    </Tooltip>
  );
}
