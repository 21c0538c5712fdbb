import { Button, FileButton, type ButtonProps } from '@mantine/core';
import { useRef, type ReactNode } from 'react';
import { Icon } from './icons.js';

/** A button that opens the file picker; files are read as bytes by the caller, never by path. */
export function FilePick({
  onFiles,
  accept,
  multiple = false,
  children,
  testId,
  ...button
}: { onFiles(files: File[]): void; accept?: string; multiple?: boolean; children: ReactNode; testId?: string } & ButtonProps) {
  const reset = useRef<() => void>(null);
  return (
    <FileButton<boolean>
      multiple={multiple}
      accept={accept}
      resetRef={reset}
      onChange={(picked) => {
        const files = picked === null ? [] : Array.isArray(picked) ? picked : [picked];
        // cleared so that picking the same file again (after fixing it) is noticed
        reset.current?.();
        if (files.length > 0) onFiles(files);
      }}
      inputProps={testId ? ({ 'data-testid': `${testId}-input` } as React.ComponentProps<'input'>) : undefined}
    >
      {(props) => (
        <Button leftSection={<Icon name="upload" size={16} />} {...button} {...props} data-testid={testId}>
          {children}
        </Button>
      )}
    </FileButton>
  );
}
