import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPaperclip, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import type { AttachmentRef } from '../../../../../shared/contract';
import { useT } from '../../../i18n';

/**
 * Attachments are references: a file's name and where it is (a path on this
 * machine or the shop's link). Nothing is uploaded or copied.
 */
export function AttachmentsEditor({ value, onChange }: { value: AttachmentRef[]; onChange: (value: AttachmentRef[]) => void }) {
  const t = useT();
  const [name, setName] = useState('');
  const [path, setPath] = useState('');
  const add = () => {
    const where = path.trim();
    if (!where) return;
    const label = name.trim() || where.split(/[\\/]/).filter(Boolean).at(-1) || where;
    onChange([...value, { name: label.slice(0, 200), path: where }]);
    setName('');
    setPath('');
  };
  return (
    <Stack gap={6} data-testid="composer-attachments">
      {value.map((file, index) => (
        <Group key={`${file.path}-${index}`} gap={6} wrap="nowrap">
          <IconPaperclip size={14} aria-hidden />
          <Text size="sm" truncate>{file.name}</Text>
          <Text size="xs" c="dimmed" ff="monospace" truncate>{file.path}</Text>
          <ActionIcon size="sm" variant="subtle" color="gray" aria-label={t('service.composer.removeAttachment', { name: file.name })} onClick={() => onChange(value.filter((_, i) => i !== index))}>
            <IconX size={14} />
          </ActionIcon>
        </Group>
      ))}
      <Group gap="xs" align="flex-end" wrap="wrap">
        <TextInput size="xs" w={160} label={t('service.composer.attachmentName')} value={name} maxLength={200} onChange={(e) => setName(e.currentTarget.value)} data-testid="attachment-name" />
        <TextInput
          size="xs"
          style={{ flex: '1 1 220px' }}
          label={t('service.composer.attachmentPath')}
          placeholder={t('service.composer.attachmentPathHint')}
          value={path}
          maxLength={1000}
          onChange={(e) => setPath(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
          data-testid="attachment-path"
        />
        <Button size="xs" variant="default" onClick={add} disabled={!path.trim() || value.length >= 20} data-testid="attachment-add">
          {t('service.composer.addAttachment')}
        </Button>
      </Group>
    </Stack>
  );
}
