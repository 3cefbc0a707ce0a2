import { ActionIcon, Alert, Button, Group, Menu, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { CampaignMechanic } from '../../../../../shared/contract';
import { useT } from '../../../i18n';
import { issueAt, type FieldIssue } from '../issues';
import { MECHANIC_KINDS, MECHANIC_LABEL } from '../labels';
import { useCampaignCurrency } from '../useCurrency';
import { newMechanic, type CampaignFormValues } from './campaignForm';
import type { SetField } from './CampaignEditor';
import { MechanicFields } from './MechanicFields';

const MAX_MECHANICS = 6;

/** What the treatment arm gets: up to six mechanics, one of each kind, each with its own fields. */
export function MechanicsEditor({ values, setField, issues }: { values: CampaignFormValues; setField: SetField; issues: FieldIssue[] }) {
  const t = useT();
  const currency = useCampaignCurrency(values.storeId);
  const { mechanics } = values;
  const used = new Set(mechanics.map((m) => m.kind));
  const replace = (index: number, next: CampaignMechanic) => setField('mechanics', mechanics.map((m, i) => (i === index ? next : m)));
  const remove = (index: number) => setField('mechanics', mechanics.filter((_, i) => i !== index));
  const rootIssue = issues.find((i) => i.path === 'mechanics');
  return (
    <Paper withBorder radius="md" p="md" data-testid="mechanics-editor">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="md">{t('campaigns.editor.mechanics')}</Title>
        <Menu position="bottom-end">
          <Menu.Target>
            <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} disabled={mechanics.length >= MAX_MECHANICS} data-testid="mechanic-add">
              {t('campaigns.mechanic.add')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {MECHANIC_KINDS.map((kind) => (
              <Menu.Item key={kind} disabled={used.has(kind)} onClick={() => setField('mechanics', [...mechanics, newMechanic(kind)])} data-testid={`mechanic-add-${kind}`}>
                {t(MECHANIC_LABEL[kind])}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      </Group>
      <Stack gap="sm">
        {mechanics.length === 0 && (
          <Text size="sm" c="dimmed" data-testid="mechanics-empty">{t('campaigns.mechanic.empty')}</Text>
        )}
        {rootIssue && (
          <Alert color="red" variant="light" data-testid="mechanics-error">
            {issueAt(t, issues, 'mechanics', t('campaigns.editor.mechanics'))}
          </Alert>
        )}
        {mechanics.map((mechanic, index) => (
          <Paper key={`${mechanic.kind}-${index}`} withBorder radius="sm" p="sm" data-testid={`mechanic-${mechanic.kind}`}>
            <Group justify="space-between" mb="xs">
              <Text fw={600} size="sm">{t(MECHANIC_LABEL[mechanic.kind])}</Text>
              <ActionIcon variant="subtle" color="red" onClick={() => remove(index)} aria-label={t('campaigns.mechanic.remove', { name: t(MECHANIC_LABEL[mechanic.kind]) })}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
            <Text size="xs" c="dimmed" mb="xs">{t(`campaigns.mechanic.${mechanic.kind}.hint`)}</Text>
            <MechanicFields
              mechanic={mechanic}
              onChange={(next) => replace(index, next)}
              currency={currency}
              err={(field, label) => issueAt(t, issues, `mechanics.${index}.${field}`, label)}
            />
          </Paper>
        ))}
      </Stack>
    </Paper>
  );
}
