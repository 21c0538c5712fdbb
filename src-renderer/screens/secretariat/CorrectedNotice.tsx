import { Alert } from '@mantine/core';
import { Icon } from '../../components/icons.js';

/** What the last correction did, under the tab's buttons until closed. */
export function CorrectedNotice({ message, onClose }: { message: string | null; onClose(): void }) {
  if (!message) return null;
  return (
    <Alert color="green" icon={<Icon name="check" />} withCloseButton onClose={onClose} data-testid="corrected">
      {message}
    </Alert>
  );
}
