import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useRef } from 'react';
import { templateSaveInput, type InputOf, type MessageTemplate } from '../../../../../shared/contract';
import { invoke } from '../../../api';
import { useI18n } from '../../../i18n';
import { insertVariable, variablesIn } from '../../service/admin/macros/variables';
import { VariablePicker } from '../../service/admin/macros/VariablePicker';
import { useSaveTemplate } from '../api';
import { useVersionedForm } from '../useVersionedForm';
import { RefusalAlert } from '../RefusalAlert';
import { TemplatePreview } from './TemplatePreview';

interface TemplateForm { name: string; bodyEn: string; bodyZh: string }
type BodyField = 'bodyEn' | 'bodyZh';

const toForm = (m: MessageTemplate | null): TemplateForm => ({ name: m?.name ?? '', bodyEn: m?.bodyEn ?? '', bodyZh: m?.bodyZh ?? '' });
const toInput = (v: TemplateForm, staffId: number, base: MessageTemplate | null): InputOf<'templates.save'> => ({
  ...(base && { id: base.id, version: base.version }),
  name: v.name.trim(), bodyEn: v.bodyEn.trim(), bodyZh: v.bodyZh.trim(), staffId,
});

/**
 * One template in both languages. The variables menu (the macros' list)
 * inserts `{{name}}` where the caret was in the body last typed in; unknown
 * variables are flagged while typing, and again by the core on save.
 */
export function TemplateEditor({ template, onSaved }: { template: MessageTemplate | null; onSaved: (m: MessageTemplate) => void }) {
  const { t } = useI18n();
  const save = useSaveTemplate();
  const { form, base, submit, reloadSaved, acting } = useVersionedForm({
    initial: template, toForm, toInput, schema: templateSaveInput, save, keepEditing: true,
    loadSaved: async (id) => (await invoke('templates.list', {})).templates.find((m) => m.id === id),
    savedMessage: (saved) => t('community.templates.saved', { name: saved.name }),
    onSaved,
  });
  const areas = { bodyEn: useRef<HTMLTextAreaElement>(null), bodyZh: useRef<HTMLTextAreaElement>(null) };
  const lastBody = useRef<BodyField>('bodyEn');

  const pick = (name: string) => {
    const field = lastBody.current;
    const area = areas[field].current;
    const body = form.values[field];
    const { body: next, caret } = insertVariable(body, name, area?.selectionStart ?? body.length, area?.selectionEnd ?? body.length);
    form.setFieldValue(field, next);
    // After React has put the new text in, the caret goes right after the inserted variable.
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(caret, caret);
    });
  };


  const unknown = [...new Set([...variablesIn(form.values.bodyEn), ...variablesIn(form.values.bodyZh)].filter((v) => !v.known).map((v) => v.name))];
  const bodyField = (field: BodyField, label: string, lang: string) => (
    <Textarea
      label={label}
      required
      lang={lang}
      ref={areas[field]}
      autosize
      minRows={6}
      maxRows={16}
      onFocus={() => { lastBody.current = field; }}
      data-testid={`template-${field}`}
      {...form.getInputProps(field)}
    />
  );

  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p="lg" component="form" onSubmit={submit} noValidate data-testid="template-editor">
        <Stack gap="md">
          <Group justify="space-between" align="flex-end">
            <Title order={2} fz="lg">{base ? t('community.templates.editTitle') : t('community.templates.newTitle')}</Title>
            <VariablePicker onPick={pick} />
          </Group>
          <TextInput label={t('community.templates.name')} required data-testid="template-name" {...form.getInputProps('name')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {bodyField('bodyEn', t('community.templates.bodyEn'), 'en')}
            {bodyField('bodyZh', t('community.templates.bodyZh'), 'zh-CN')}
          </SimpleGrid>
          <UsedVariables bodies={[form.values.bodyEn, form.values.bodyZh]} />
          {unknown.length > 0 && (
            <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} data-testid="template-unknown">
              {t('community.templates.unknown', { names: unknown.map((n) => `{{${n}}}`).join(', ') })}
            </Alert>
          )}
          {save.isError && <RefusalAlert error={save.error} onReload={() => void reloadSaved()} testId="template-save-error" />}
          <Group justify="flex-end">
            {!acting && <Text size="sm" c="red">{t('community.noActingStaff')}</Text>}
            <Button type="submit" loading={save.isPending} disabled={!acting || (base !== null && !form.isDirty())} data-testid="template-save">{t('community.save')}</Button>
          </Group>
        </Stack>
      </Paper>
      {base && <TemplatePreview template={base} />}
    </Stack>
  );
}

/** Every variable either body uses: known ones quiet, unknown ones red. */
function UsedVariables({ bodies }: { bodies: string[] }) {
  const { t } = useI18n();
  const used = new Map(bodies.flatMap((b) => variablesIn(b)).map((v) => [v.name, v.known]));
  if (used.size === 0) return <Text size="xs" c="dimmed">{t('community.templates.noVariables')}</Text>;
  return (
    <Group gap={6} data-testid="template-variables">
      {[...used].map(([name, known]) => (
        <Badge key={name} variant="light" color={known ? 'teal' : 'red'} tt="none" data-known={known}>{`{{${name}}}`}</Badge>
      ))}
    </Group>
  );
}
