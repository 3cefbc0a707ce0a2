import { Anchor, Group, Text } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import type { AttachmentRef } from '../../../../../shared/contract';

const isLink = (path: string) => /^https?:\/\//i.test(path);

/** Files a message refers to: a link opens in the browser, a path on disk is shown to copy. */
export function AttachmentList({ attachments }: { attachments: AttachmentRef[] }) {
  if (attachments.length === 0) return null;
  return (
    <Group gap="xs" mt={6} data-testid="message-attachments">
      {attachments.map((file) => (
        <Group key={`${file.name}-${file.path}`} gap={4} wrap="nowrap" maw="100%">
          <IconPaperclip size={14} aria-hidden />
          {isLink(file.path) ? (
            <Anchor href={file.path} target="_blank" rel="noreferrer" size="xs">{file.name}</Anchor>
          ) : (
            <Text size="xs" title={file.path}>
              {file.name} <Text span size="xs" c="dimmed" ff="monospace">{file.path}</Text>
            </Text>
          )}
        </Group>
      ))}
    </Group>
  );
}
