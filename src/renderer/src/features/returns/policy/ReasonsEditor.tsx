import { ActionIcon, Button, Group, Switch, Table, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { ReturnPolicyValue } from '../../../../../shared/contract/returns';
import { useT } from '../../../i18n';
import { codeFromLabel } from './policyForm';

type Reasons = ReturnPolicyValue['reasons'];

/**
 * The reasons customers choose from, labelled in both languages. A code is
 * what returns store, so a code in use is kept: switch it off instead of deleting.
 */
export function ReasonsEditor({ reasons, savedCodes, onChange }: { reasons: Reasons; savedCodes: Set<string>; onChange: (reasons: Reasons) => void }) {
  const t = useT();
  const set = (i: number, patch: Partial<Reasons[number]>) => onChange(reasons.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <>
      <Table withRowBorders={false} data-testid="policy-reasons">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={190}>{t('returns.policy.reason.code')}</Table.Th>
            <Table.Th>{t('returns.policy.reason.en')}</Table.Th>
            <Table.Th>{t('returns.policy.reason.zh')}</Table.Th>
            <Table.Th w={90}>{t('returns.policy.reason.active')}</Table.Th>
            <Table.Th w={48} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {reasons.map((reason, i) => {
            const saved = savedCodes.has(reason.code);
            return (
              <Table.Tr key={i} data-testid="policy-reason">
                <Table.Td>
                  {saved ? <Text size="sm" ff="monospace">{reason.code}</Text> : (
                    <TextInput size="xs" aria-label={t('returns.policy.reason.code')} value={reason.code}
                      onChange={(e) => set(i, { code: e.currentTarget.value })} ff="monospace" />
                  )}
                </Table.Td>
                <Table.Td>
                  <TextInput size="xs" aria-label={t('returns.policy.reason.en')} value={reason.en} maxLength={100}
                    onChange={(e) => {
                      const en = e.currentTarget.value;
                      set(i, saved ? { en } : { en, code: codeFromLabel(en) });
                    }} data-testid="policy-reason-en" />
                </Table.Td>
                <Table.Td>
                  <TextInput size="xs" aria-label={t('returns.policy.reason.zh')} value={reason.zh} maxLength={100}
                    onChange={(e) => set(i, { zh: e.currentTarget.value })} data-testid="policy-reason-zh" />
                </Table.Td>
                <Table.Td>
                  <Switch aria-label={t('returns.policy.reason.active')} checked={reason.active}
                    onChange={(e) => set(i, { active: e.currentTarget.checked })} />
                </Table.Td>
                <Table.Td>
                  {!saved && (
                    <ActionIcon variant="subtle" color="red" aria-label={t('returns.policy.reason.remove')}
                      onClick={() => onChange(reasons.filter((_, j) => j !== i))}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Group>
        <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} disabled={reasons.length >= 50}
          onClick={() => onChange([...reasons, { code: '', en: '', zh: '', active: true }])} data-testid="policy-reason-add">
          {t('returns.policy.reason.add')}
        </Button>
      </Group>
    </>
  );
}
