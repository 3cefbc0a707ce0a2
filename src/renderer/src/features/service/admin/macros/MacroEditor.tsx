import { Alert, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Switch, TagsInput, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconDeviceFloppy } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { LANGUAGES, TICKET_PRIORITIES, TICKET_STATUSES, type ContentLanguage, type Macro } from '../../../../../../shared/contract';
import { useActingStaff } from '../../../../app/actingStaff';
import { useT } from '../../../../i18n';
import { useSaveMacro } from '../api';
import { formErrors, isConflict, refusalSentence, serverIssues } from '../issues';
import { formToMacro, macroFormPath, macroToForm, validateMacro, type MacroFormValues } from './macroForm';
import { insertVariable, variablesIn } from './variables';
import { VariablePicker } from './VariablePicker';

/**
 * One macro: its text with a variable picker and a live check of the
 * `{{variables}}` used, and the actions applied with it (status, priority,
 * tags). Saved with the version it was opened at; a stale save changes nothing.
 */
export function MacroEditor(props: {
  macro: Macro | null;
  defaultLanguage: ContentLanguage;
  onSaved: (macro: Macro) => void;
  reload: () => Promise<Macro | undefined>;
}) {
  const t = useT();
  const acting = useActingStaff();
  const save = useSaveMacro();
  const [base, setBase] = useState(props.macro);
  const form = useForm<MacroFormValues>({
    initialValues: macroToForm(props.macro, props.defaultLanguage),
    validate: (values) => validateMacro(values, t),
  });
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const used = variablesIn(form.values.body);
  const unknown = used.filter((v) => !v.known);

  const reset = (macro: Macro) => {
    setBase(macro);
    const values = macroToForm(macro, props.defaultLanguage);
    form.setInitialValues(values);
    form.setValues(values);
    form.resetDirty(values);
    form.clearErrors();
  };

  const pick = (name: string) => {
    const area = bodyRef.current;
    const body = form.values.body;
    const { body: next, caret } = insertVariable(body, name, area?.selectionStart ?? body.length, area?.selectionEnd ?? body.length);
    form.setFieldValue('body', next);
    // After React has put the new text in, the caret goes right after the inserted variable.
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(caret, caret);
    });
  };

  const submit = form.onSubmit((values) => {
    if (!acting) return;
    save.mutate(
      { staffId: acting.id, ...(base && { id: base.id, expectedVersion: base.version }), ...formToMacro(values) },
      {
        onSuccess: (saved) => {
          reset(saved);
          notifications.show({ color: 'teal', message: t('service.admin.macros.saved', { name: saved.name }) });
          props.onSaved(saved);
        },
        onError: (error) => form.setErrors(formErrors(t, serverIssues(error), macroFormPath)),
      },
    );
  });

  return (
    <Paper withBorder radius="md" p="lg" component="form" onSubmit={submit} noValidate data-testid="macro-editor">
      <Stack gap="md">
        <Group justify="space-between">
          <Text fw={600}>{base ? t('service.admin.macros.editTitle') : t('service.admin.macros.newTitle')}</Text>
          <Switch label={t('service.admin.active')} data-testid="macro-active" {...form.getInputProps('active', { type: 'checkbox' })} />
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('service.admin.macros.name')} required data-testid="macro-name" {...form.getInputProps('name')} />
          <Select
            label={t('service.admin.language')}
            allowDeselect={false}
            data={LANGUAGES.map((l) => ({ value: l, label: t(`service.admin.language.${l}`) }))}
            data-testid="macro-language"
            {...form.getInputProps('language')}
          />
        </SimpleGrid>
        <Stack gap={6}>
          <Group justify="space-between" align="flex-end">
            <Text size="sm" fw={500} component="label" htmlFor="macro-body">{t('service.admin.macros.body')}</Text>
            <VariablePicker onPick={pick} />
          </Group>
          <Textarea id="macro-body" ref={bodyRef} autosize minRows={6} maxRows={16} data-testid="macro-body" {...form.getInputProps('body')} />
          <VariableCheck used={used} />
          {unknown.length > 0 && (
            <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} data-testid="macro-unknown-variables">
              {t('service.admin.macros.unknownVariables', { names: unknown.map((v) => `{{${v.name}}}`).join(', ') })}
            </Alert>
          )}
        </Stack>
        <Stack gap={2}>
          <Text size="sm" fw={600}>{t('service.admin.macros.actions')}</Text>
          <Text size="xs" c="dimmed">{t('service.admin.macros.actionsHint')}</Text>
        </Stack>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={t('service.admin.macros.setStatus')}
            data={[{ value: '', label: t('service.admin.macros.leaveAsIs') }, ...TICKET_STATUSES.map((s) => ({ value: s, label: t(`service.admin.status.${s}`) }))]}
            allowDeselect={false}
            data-testid="macro-status"
            {...form.getInputProps('status')}
          />
          <Select
            label={t('service.admin.macros.setPriority')}
            data={[{ value: '', label: t('service.admin.macros.leaveAsIs') }, ...TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`service.admin.priority.${p}`) }))]}
            allowDeselect={false}
            data-testid="macro-priority"
            {...form.getInputProps('priority')}
          />
          <TagsInput
            label={t('service.admin.macros.addTags')}
            placeholder={t('service.admin.tagsPlaceholder')}
            maxTags={10}
            data-testid="macro-tags"
            {...form.getInputProps('addTags')}
          />
        </SimpleGrid>
        {save.isError && (
          <Alert color="red" variant="light" title={t('service.admin.notSaved')} data-testid="macro-save-error">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{refusalSentence(t, save.error)}</Text>
              {isConflict(save.error) && base && (
                <Button size="xs" variant="white" color="red" onClick={() => void props.reload().then((m) => m && reset(m)).then(() => save.reset())}>
                  {t('service.admin.loadSaved')}
                </Button>
              )}
            </Stack>
          </Alert>
        )}
        <Group justify="flex-end">
          {!acting && <Text size="sm" c="red">{t('service.admin.noActingStaff')}</Text>}
          <Button type="submit" leftSection={<IconDeviceFloppy size={16} />} loading={save.isPending} disabled={!acting || (base !== null && !form.isDirty())} data-testid="macro-save">
            {t('service.admin.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Every variable the text uses: known ones quiet, unknown ones red. */
function VariableCheck({ used }: { used: { name: string; known: boolean }[] }) {
  const t = useT();
  if (used.length === 0) return <Text size="xs" c="dimmed">{t('service.admin.macros.noVariables')}</Text>;
  return (
    <Group gap={6} data-testid="macro-variables">
      {used.map((v) => (
        <Badge
          key={v.name}
          variant="light"
          color={v.known ? 'teal' : 'red'}
          tt="none"
          data-known={v.known}
          title={v.known ? t('service.admin.macros.knownVariable') : t('service.admin.macros.unknownVariable')}
        >
          {`{{${v.name}}}`}
        </Badge>
      ))}
    </Group>
  );
}
