import { Alert, Button, CopyButton, Group, List, Modal, SegmentedControl, Skeleton, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import { useState } from 'react';
import type { CommunityGroup } from '../../../../../shared/contract';
import { QueryError } from '../../../components/QueryError';
import { useI18n } from '../../../i18n';
import { useAnnouncementExport } from '../api';
import { PlatformBadge } from '../PlatformBadge';

type LanguageChoice = 'auto' | 'en' | 'zh-CN';

/**
 * The announcement as it should be pasted into one group: shaped by the core
 * for the platform (markup, length limits, parts), read-only here, with Copy
 * and whatever the merchant must know before posting (it was split, a link
 * was dropped…).
 */
export function ExportModal({ announcementId, version, group, onClose }: { announcementId: number; version: number; group: CommunityGroup; onClose: () => void }) {
  const { t, format } = useI18n();
  const [language, setLanguage] = useState<LanguageChoice>('auto');
  const exported = useAnnouncementExport({ id: announcementId, groupId: group.id, ...(language !== 'auto' && { language }) }, version);

  return (
    <Modal opened onClose={onClose} size="lg" title={<Group gap="xs"><Text fw={600}>{t('community.export.modalTitle', { name: group.name })}</Text><PlatformBadge platform={group.platform} /></Group>}>
      <Stack gap="md" data-testid="export-modal" data-platform={group.platform}>
        <SegmentedControl
          aria-label={t('community.export.language')}
          value={language}
          onChange={(v) => setLanguage(v as LanguageChoice)}
          data={[
            { value: 'auto', label: t('community.export.languageAuto') },
            { value: 'en', label: t('language.en') },
            { value: 'zh-CN', label: t('language.zh-CN') },
          ]}
          data-testid="export-language"
        />
        {exported.isPending ? <Skeleton height={200} /> : exported.isError ? (
          <QueryError error={exported.error} onRetry={() => void exported.refetch()} />
        ) : (
          <>
            {exported.data.warnings.length > 0 && (
              <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} title={t('community.export.warnings')} data-testid="export-warnings">
                <List size="sm">{exported.data.warnings.map((w) => <List.Item key={w}>{w}</List.Item>)}</List>
              </Alert>
            )}
            <Textarea
              label={t('community.export.text', { language: t(`language.${exported.data.language}`) })}
              description={t('community.export.length', { count: format.number([...exported.data.text].length) })}
              readOnly
              autosize
              minRows={8}
              maxRows={20}
              value={exported.data.text}
              onFocus={(e) => e.currentTarget.select()}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
              data-testid="export-text"
              data-language={exported.data.language}
            />
            <Group justify="flex-end">
              <CopyButton value={exported.data.text}>
                {({ copied, copy }) => (
                  <Button color={copied ? 'teal' : undefined} leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />} onClick={copy} data-testid="export-copy" data-copied={copied}>
                    {copied ? t('community.export.copied') : t('community.export.copy')}
                  </Button>
                )}
              </CopyButton>
              {/* A text split for the platform's limit: each message copied on its own, to post one after another. */}
              {exported.data.parts.length > 1 && exported.data.parts.map((part, index) => (
                <CopyButton key={index} value={part}>
                  {({ copied, copy }) => (
                    <Button variant="light" color={copied ? 'teal' : undefined} onClick={copy} data-testid={`export-copy-part-${index + 1}`}>
                      {copied ? t('community.export.copied') : t('community.export.copyPart', { n: index + 1, of: exported.data.parts.length })}
                    </Button>
                  )}
                </CopyButton>
              ))}
              <Button variant="default" onClick={onClose}>{t('community.done')}</Button>
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
}
