import { ActionIcon, Tooltip } from '@mantine/core';
import { Icon, type IconName } from '../icons.js';

/** An icon button of the viewer's toolbar, named by its tooltip and its accessible label. */
export function ToolButton({ label, icon, onClick, disabled, pressed, testId }: { label: string; icon: IconName; onClick: () => void; disabled?: boolean; pressed?: boolean; testId?: string }) {
  return (
    <Tooltip label={label} openDelay={400} withinPortal>
      <ActionIcon variant={pressed ? 'light' : 'subtle'} onClick={onClick} disabled={disabled} aria-label={label} aria-pressed={pressed} data-testid={testId}>
        <Icon name={icon} size={16} />
      </ActionIcon>
    </Tooltip>
  );
}
