import { Alert, Button, Group, NumberInput, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconListSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { recsRulesMineInput } from '../../../../../shared/contract';
import { useI18n } from '../../../i18n';
import { useMineRules } from '../api';
import { issueAt, refusalSentence, serverIssues, zodIssues } from '../issues';
import { rememberProducts } from '../knownProducts';
import { useRecsTime } from '../time';
import { numberOf, shown } from '../tuning/FiltersSection';

type Sort = 'lift' | 'confidence' | 'support';

/** Association rules mined from the local orders: "who buys A and B also buys C", with support, confidence and lift. */
export function RulesTab() {
  const { t, format } = useI18n();
  const time = useRecsTime();
  const mine = useMineRules();
  const [minSupport, setMinSupport] = useState(0.001);
  const [minConfidence, setMinConfidence] = useState(0.2);
  const [minLift, setMinLift] = useState(1);
  const [sort, setSort] = useState<Sort>('lift');
  const input = { minSupport, minConfidence, minLift, sort, limit: 200 };
  const parsed = recsRulesMineInput.safeParse(input);
  const issues = parsed.success ? (mine.isError ? serverIssues(mine.error) : []) : zodIssues(parsed.error);

  const run = () => {
    if (!parsed.success) return;
    mine.mutate(input, {
      onSuccess: (result) => rememberProducts(result.rules.flatMap((r) => [...r.antecedent, r.consequent])),
    });
  };

  return (
    <Stack gap="lg">
      <Paper withBorder p="md" radius="md" data-testid="recs-rules-form">
        <Title order={2} fz="md" fw={600}>{t('recs.rules.title')}</Title>
        <Text size="sm" c="dimmed" mb="md">{t('recs.rules.description')}</Text>
        <Group align="flex-start" gap="sm" wrap="wrap">
          <NumberInput label={t('recs.rules.minSupport')} description={t('recs.rules.minSupportHint')} value={shown(minSupport)} onChange={(v) => setMinSupport(numberOf(v))} step={0.001} decimalScale={5} min={0} max={1} clampBehavior="none" error={issueAt(t, issues, 'minSupport')} w={200} data-testid="recs-rules-support" />
          <NumberInput label={t('recs.rules.minConfidence')} description={t('recs.rules.minConfidenceHint')} value={shown(minConfidence)} onChange={(v) => setMinConfidence(numberOf(v))} step={0.05} decimalScale={3} min={0} max={1} clampBehavior="none" error={issueAt(t, issues, 'minConfidence')} w={200} data-testid="recs-rules-confidence" />
          <NumberInput label={t('recs.rules.minLift')} description={t('recs.rules.minLiftHint')} value={shown(minLift)} onChange={(v) => setMinLift(numberOf(v))} step={0.5} decimalScale={2} min={0} clampBehavior="none" error={issueAt(t, issues, 'minLift')} w={200} data-testid="recs-rules-lift" />
          <Select
            label={t('recs.rules.sort')}
            description={t('recs.rules.sortHint')}
            data={(['lift', 'confidence', 'support'] as const).map((value) => ({ value, label: t(`recs.rules.col.${value}`) }))}
            value={sort}
            onChange={(v) => v && setSort(v as Sort)}
            allowDeselect={false}
            w={180}
          />
        </Group>
        <Button mt="md" leftSection={<IconListSearch size={16} />} onClick={run} loading={mine.isPending} disabled={!parsed.success} data-testid="recs-rules-mine">
          {t('recs.rules.mine')}
        </Button>
        {mine.isError && <Alert mt="sm" color="red" variant="light">{refusalSentence(t, mine.error)}</Alert>}
      </Paper>
      {!mine.data && !mine.isPending && <Text size="sm" c="dimmed" data-testid="recs-rules-empty">{t('recs.rules.empty')}</Text>}
      {mine.data && (
        <Paper withBorder p="md" radius="md" data-testid="recs-rules-result">
          <Text size="sm" mb="sm" data-testid="recs-rules-summary">
            {t('recs.rules.summary', {
              total: format.number(mine.data.total),
              shown: format.number(mine.data.rules.length),
              baskets: format.number(mine.data.baskets),
              seconds: time.seconds(mine.data.seconds),
            })}
          </Text>
          {mine.data.rules.length === 0 ? (
            <Text size="sm" c="dimmed">{t('recs.rules.none')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={720}>
              <Table striped highlightOnHover data-testid="recs-rules-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('recs.rules.col.rule')}</Table.Th>
                    <Table.Th ta="right">{t('recs.rules.col.support')}</Table.Th>
                    <Table.Th ta="right">{t('recs.rules.col.confidence')}</Table.Th>
                    <Table.Th ta="right">{t('recs.rules.col.lift')}</Table.Th>
                    <Table.Th ta="right">{t('recs.rules.col.count')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {mine.data.rules.map((rule, index) => (
                    <Table.Tr key={index}>
                      <Table.Td>
                        <Text size="sm">
                          {rule.antecedent.map((a) => a.title).join(' + ')} <Text span c="dimmed">⇒</Text> <Text span fw={600}>{rule.consequent.title}</Text>
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>{format.percent(rule.support, 2)}</Table.Td>
                      <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>{format.percent(rule.confidence, 1)}</Table.Td>
                      <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>{rule.lift.toFixed(2)}</Table.Td>
                      <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>{format.number(rule.count)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>
      )}
    </Stack>
  );
}
