import { Alert, Badge, Group, Select, SimpleGrid, Stack, TagsInput, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useRef } from 'react';
import { TICKET_PRIORITIES, TICKET_STATUSES, type Macro } from '../../../../../../shared/contract';
import { useT } from '../../../../i18n';
import { useSaveMacro } from '../api';
import { ContentEditorFrame, NameAndLanguageFields, useContentForm } from '../ContentEditor';
import type { ContentEditorProps } from '../ContentTab';
import { formToMacro, macroFormPath, macroToForm, validateMacro } from './macroForm';
import { insertVariable, variablesIn } from './variables';
import { VariablePicker } from './VariablePicker';

/**
 * One macro: its text with a variable picker and a live check of the
 * `{{variables}}` used, and the actions applied with it (status, priority,
 * tags). Saved with the version it was opened at; a stale save changes nothing.
 */
export function MacroEditor(props: ContentEditorProps<Macro>) {
  const t = useT();
  const editor = useContentForm(props, {
    toForm: macroToForm,
    validate: validateMacro,
    save: useSaveMacro(),
    toInput: (values, write) => ({ ...write, ...formToMacro(values) }),
    formPath: macroFormPath,
    savedMessage: (saved) => t('service.admin.macros.saved', { name: saved.name }),
  });
  const { form } = editor;
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const used = variablesIn(form.values.body);
  const unknown = used.filter((v) => !v.known);

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

  return (
    <ContentEditorFrame editor={editor} title={editor.base ? t('service.admin.macros.editTitle') : t('service.admin.macros.newTitle')} testId="macro">
      <NameAndLanguageFields form={form} nameField="name" nameLabel={t('service.admin.macros.name')} testId="macro" />
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
    </ContentEditorFrame>
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
