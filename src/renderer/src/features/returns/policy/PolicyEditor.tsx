import { Button, Group, Loader, NumberInput, Paper, SegmentedControl, SimpleGrid, Stack, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useState } from 'react';
import type { ReturnPolicy } from '../../../../../shared/contract/returns';
import { useActingStaff } from '../../../app/actingStaff';
import { QueryError } from '../../../components/QueryError';
import { useT } from '../../../i18n';
import { useAppInfo } from '../../settings/api';
import { currentFromConflict, useReturnPolicy, useUpdatePolicy } from '../api';
import { ReturnError } from '../ReturnError';
import { fromForm, toForm, type FormProblem, type PolicyForm } from './policyForm';
import { ReasonsEditor } from './ReasonsEditor';

/** The return policy: window, final sale, fees, serial returners and reasons; saved whole, with the version seen. */
export function PolicyEditor() {
  const t = useT();
  const query = useReturnPolicy();
  const currency = useAppInfo().data?.stores[0]?.currency ?? 'USD';
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Loader aria-label={t('returns.loading')} />;
  return <PolicyFormView key={query.data.version} saved={query.data} currency={currency} />;
}

function PolicyFormView({ saved, currency }: { saved: ReturnPolicy; currency: string }) {
  const t = useT();
  const staff = useActingStaff();
  const update = useUpdatePolicy();
  const [form, setForm] = useState<PolicyForm>(() => toForm(saved, currency));
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [base, setBase] = useState(saved);
  useEffect(() => setBase(saved), [saved]);
  const savedCodes = useMemo(() => new Set(base.reasons.map((r) => r.code)), [base]);
  const set = (patch: Partial<PolicyForm>) => { setForm({ ...form, ...patch }); setProblem(null); };
  const conflict = update.isError ? currentFromConflict<ReturnPolicy>(update.error) : null;

  const save = () => {
    if (!staff) return;
    const result = fromForm(form, currency);
    if ('problem' in result) { setProblem(result.problem); return; }
    update.mutate({ staffId: staff.id, expectedVersion: base.version, policy: result.policy }, {
      onSuccess: () => notifications.show({ color: 'teal', message: t('returns.policy.saved') }),
    });
  };
  const takeTheirs = () => {
    if (!conflict) return;
    setBase(conflict);
    setForm(toForm(conflict, currency));
    update.reset();
  };

  return (
    <form onSubmit={(e) => { e.preventDefault(); save(); }} noValidate>
      <Stack gap="lg" maw={1000} data-testid="policy-editor" data-version={base.version}>
        <Paper withBorder radius="md" p="md">
          <Title order={2} fz="md" mb="sm">{t('returns.policy.rules')}</Title>
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
            <NumberInput label={t('returns.policy.window')} description={t('returns.policy.windowHint')} min={0} max={365}
              allowDecimal={false} value={form.windowDays} onChange={(v) => set({ windowDays: Number(v) || 0 })} data-testid="policy-window" />
            <NumberInput label={t('returns.policy.restocking')} description={t('returns.policy.restockingHint')} min={0} max={100}
              decimalScale={2} suffix=" %" value={form.restockingPercent} onChange={(v) => set({ restockingPercent: Number(v) || 0 })} data-testid="policy-restocking" />
            <NumberInput label={t('returns.policy.serial')} description={t('returns.policy.serialHint')} min={2} max={100}
              allowDecimal={false} value={form.serialReturnerThreshold} onChange={(v) => set({ serialReturnerThreshold: Number(v) || 2 })} />
          </SimpleGrid>
          <Group mt="md" align="flex-end" gap="md">
            <Stack gap={4}>
              <Text size="sm" fw={500}>{t('returns.policy.shipping')}</Text>
              <SegmentedControl value={form.returnShipping} onChange={(v) => set({ returnShipping: v as PolicyForm['returnShipping'] })}
                aria-label={t('returns.policy.shipping')}
                data={[{ value: 'free', label: t('returns.policy.shipping.free') }, { value: 'paid', label: t('returns.policy.shipping.paid') }]} />
            </Stack>
            {form.returnShipping === 'paid' && (
              <TextInput label={t('returns.policy.shippingFee')} value={form.returnShippingFee} inputMode="decimal" w={160}
                onChange={(e) => set({ returnShippingFee: e.currentTarget.value })} rightSection={<Text size="xs" c="dimmed">{currency}</Text>}
                rightSectionWidth={48} error={problem === 'fee' ? t('returns.policy.problem.fee') : undefined} />
            )}
          </Group>
        </Paper>
        <Paper withBorder radius="md" p="md">
          <Title order={2} fz="md" mb={4}>{t('returns.policy.finalSale')}</Title>
          <Text size="sm" c="dimmed" mb="sm">{t('returns.policy.finalSaleHint')}</Text>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <TagsInput label={t('returns.policy.finalSaleCategories')} value={form.finalSaleCategories}
              onChange={(v) => set({ finalSaleCategories: v })} clearable />
            <TagsInput label={t('returns.policy.finalSaleProducts')} value={form.finalSaleProductIds}
              onChange={(v) => set({ finalSaleProductIds: v })} clearable
              error={problem === 'productIds' ? t('returns.policy.problem.productIds') : undefined} />
          </SimpleGrid>
        </Paper>
        <Paper withBorder radius="md" p="md">
          <Title order={2} fz="md" mb={4}>{t('returns.policy.reasons')}</Title>
          <Text size="sm" c="dimmed" mb="sm">{t('returns.policy.reasonsHint')}</Text>
          <ReasonsEditor reasons={form.reasons} savedCodes={savedCodes} onChange={(reasons) => set({ reasons })} />
          {problem && problem !== 'fee' && problem !== 'productIds' && (
            <Text c="red" size="sm" mt="xs" data-testid="policy-problem">{t(`returns.policy.problem.${problem}`)}</Text>
          )}
        </Paper>
        {update.isError && (
          <ReturnError title={t('returns.policy.failed')} error={update.error} testId="policy-error"
            extra={conflict ? t('returns.policy.conflictHint') : undefined} />
        )}
        <Group justify="flex-end">
          {conflict && <Button variant="default" onClick={takeTheirs} data-testid="policy-take-theirs">{t('returns.policy.takeTheirs')}</Button>}
          <Button type="submit" loading={update.isPending} disabled={!staff} data-testid="policy-save">{t('returns.policy.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
