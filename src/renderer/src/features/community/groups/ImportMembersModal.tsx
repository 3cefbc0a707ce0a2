import { Alert, Button, Code, FileButton, Group, List, Modal, Progress, ScrollArea, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { IconCheck, IconFileUpload } from '@tabler/icons-react';
import { useState } from 'react';
import type { MembersAddResult } from '../../../../../shared/contract';
import { useActingStaff } from '../../../app/actingStaff';
import { readTextFile } from '../../../components/file/readTextFile';
import { useI18n } from '../../../i18n';
import { useAddMembers } from '../api';
import { RefusalAlert } from '../RefusalAlert';
import { MAX_IMPORT_ENTRIES, parseImportEntries } from './importEntries';

/**
 * Import members from a list pasted or read from a file: the answer says how
 * many were added, how many were in already, and which entries matched nobody,
 * so the merchant can fix those and import them again.
 */
export function ImportMembersModal({ groupId, opened, onClose }: { groupId: number; opened: boolean; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Modal opened={opened} onClose={onClose} size="lg" title={<Text fw={600}>{t('community.import.title')}</Text>}>
      {opened && <ImportBody groupId={groupId} onClose={onClose} />}
    </Modal>
  );
}

function ImportBody({ groupId, onClose }: { groupId: number; onClose: () => void }) {
  const { t, format } = useI18n();
  const acting = useActingStaff();
  const add = useAddMembers();
  const [text, setText] = useState('');
  const [role, setRole] = useState<'member' | 'moderator'>('member');
  const [reading, setReading] = useState<number | null>(null);
  const [result, setResult] = useState<MembersAddResult | null>(null);
  const entries = parseImportEntries(text);
  const tooMany = entries.length > MAX_IMPORT_ENTRIES;

  const readFile = async (file: File | null) => {
    if (!file) return;
    setReading(0);
    try {
      setText(await readTextFile(file, setReading));
    } finally {
      setReading(null);
    }
  };

  const submit = () => {
    if (!acting || entries.length === 0 || tooMany) return;
    add.mutate({ groupId, entries, role, staffId: acting.id }, { onSuccess: setResult });
  };

  if (result) return <ImportResult result={result} onAgain={() => { setResult(null); add.reset(); }} onClose={onClose} />;
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">{t('community.import.hint')}</Text>
      <Textarea
        label={t('community.import.paste')}
        autosize
        minRows={6}
        maxRows={14}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        placeholder={'ana@example.com\n+86 138 0000 0000\n1042'}
        data-autofocus
        data-testid="import-text"
      />
      <Group justify="space-between" wrap="wrap">
        <FileButton onChange={(file) => void readFile(file)} accept=".txt,.csv,text/plain,text/csv">
          {(props) => <Button {...props} variant="default" leftSection={<IconFileUpload size={16} />} data-testid="import-file">{t('community.import.file')}</Button>}
        </FileButton>
        <Text size="sm" c={tooMany ? 'red' : 'dimmed'} data-testid="import-count" data-value={entries.length}>
          {tooMany ? t('community.import.tooMany', { max: format.number(MAX_IMPORT_ENTRIES) }) : t('community.import.count', { count: format.number(entries.length) })}
        </Text>
      </Group>
      {reading !== null && <Progress value={reading * 100} aria-label={t('community.import.reading')} />}
      <SegmentedControl
        aria-label={t('community.members.role')}
        value={role}
        onChange={(v) => setRole(v as 'member' | 'moderator')}
        data={[{ value: 'member', label: t('community.role.member') }, { value: 'moderator', label: t('community.role.moderator') }]}
        data-testid="import-role"
      />
      {add.isPending && <Progress value={100} animated striped aria-label={t('community.import.working')} />}
      {add.isError && <RefusalAlert error={add.error} testId="import-error" />}
      <Group justify="flex-end">
        {!acting && <Text size="sm" c="red">{t('community.noActingStaff')}</Text>}
        <Button variant="default" onClick={onClose}>{t('community.cancel')}</Button>
        <Button onClick={submit} loading={add.isPending} disabled={!acting || entries.length === 0 || tooMany} data-testid="import-submit">
          {t('community.import.submit', { count: format.number(entries.length) })}
        </Button>
      </Group>
    </Stack>
  );
}

function ImportResult({ result, onAgain, onClose }: { result: MembersAddResult; onAgain: () => void; onClose: () => void }) {
  const { t, format } = useI18n();
  return (
    <Stack gap="md" data-testid="import-result" data-added={result.added} data-already={result.alreadyIn} data-unmatched={result.unmatchedCount}>
      <Alert color="teal" variant="light" icon={<IconCheck size={18} />}>
        <Text size="sm" data-testid="import-summary">
          {t('community.import.summary', { added: format.number(result.added), already: format.number(result.alreadyIn), unmatched: format.number(result.unmatchedCount) })}
        </Text>
      </Alert>
      {result.unmatchedCount > 0 && (
        <Stack gap={4}>
          <Text size="sm" fw={600}>{t('community.import.unmatchedTitle')}</Text>
          <Text size="xs" c="dimmed">{t('community.import.unmatchedHint')}</Text>
          <ScrollArea.Autosize mah={200} type="auto">
            <List size="sm" data-testid="import-unmatched">
              {result.unmatched.map((entry) => <List.Item key={entry}><Code>{entry}</Code></List.Item>)}
            </List>
          </ScrollArea.Autosize>
          {result.unmatchedCount > result.unmatched.length && (
            <Text size="xs" c="dimmed">{t('community.import.unmatchedMore', { count: format.number(result.unmatchedCount - result.unmatched.length) })}</Text>
          )}
        </Stack>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onAgain} data-testid="import-again">{t('community.import.again')}</Button>
        <Button onClick={onClose} data-testid="import-done">{t('community.done')}</Button>
      </Group>
    </Stack>
  );
}
