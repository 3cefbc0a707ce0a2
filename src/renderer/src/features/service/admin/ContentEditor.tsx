import { Alert, Button, Group, Paper, Select, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy } from '@tabler/icons-react';
import type { UseMutationResult } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { LANGUAGES, type ContentLanguage } from '../../../../../shared/contract';
import { useActingStaff } from '../../../app/actingStaff';
import { useT, type Translate } from '../../../i18n';
import type { ContentEditorProps } from './ContentTab';
import { formErrors, isConflict, refusalSentence, serverIssues } from './issues';

/** Who saves, and the version the editor opened (none for a new item): a stale save changes nothing. */
export interface VersionedWrite {
  staffId: number;
  id?: number;
  expectedVersion?: number;
}

/** Mantine's own bound on a form's values. */
type FormValues = Record<string, any>;

/** What the frame and the fields need from an editor's form. */
export interface ContentFormState<V extends FormValues> {
  form: UseFormReturnType<V>;
  base: { id: number } | null;
  submit: (event?: FormEvent<HTMLFormElement>) => void;
  reloadSaved: () => void;
  canSave: boolean;
  save: { isError: boolean; isPending: boolean; error: unknown };
}

/**
 * The form of a macro or article editor: its values start from the item (or
 * a new one in the list's language), a save sends the version it was opened
 * at, and the saved copy becomes the new starting point.
 */
export function useContentForm<T extends { id: number; version: number }, V extends FormValues, I>(
  props: ContentEditorProps<T>,
  spec: {
    toForm: (item: T | null, language: ContentLanguage) => V;
    validate: (values: V, t: Translate) => Record<string, string>;
    save: UseMutationResult<T, Error, I>;
    toInput: (values: V, write: VersionedWrite) => I;
    /** Where a server issue's schema path lands in the form. */
    formPath: (path: string) => string;
    savedMessage: (saved: T) => string;
  },
) {
  const t = useT();
  const acting = useActingStaff();
  const [base, setBase] = useState(props.item);
  const form = useForm<V>({
    initialValues: spec.toForm(props.item, props.defaultLanguage),
    validate: (values) => spec.validate(values, t),
  });

  const reset = (item: T) => {
    setBase(item);
    const values = spec.toForm(item, props.defaultLanguage);
    form.setInitialValues(values);
    form.setValues(values);
    form.resetDirty(values);
    form.clearErrors();
  };

  const submit = form.onSubmit((values) => {
    if (!acting) return;
    spec.save.mutate(spec.toInput(values, { staffId: acting.id, ...(base && { id: base.id, expectedVersion: base.version }) }), {
      onSuccess: (saved) => {
        reset(saved);
        notifications.show({ color: 'teal', message: spec.savedMessage(saved) });
        props.onSaved(saved);
      },
      onError: (error) => form.setErrors(formErrors(t, serverIssues(error), spec.formPath)),
    });
  });

  const reloadSaved = () => void props.reload().then((item) => item && reset(item)).then(() => spec.save.reset());

  const state: ContentFormState<V> = { form, base, submit, reloadSaved, canSave: acting !== null, save: spec.save };
  return state;
}

/**
 * The frame both editors share: heading and Active switch, the fields, why a
 * save was refused (with the saved copy one click away after a conflict),
 * and Save, disabled until something changed or while nobody is acting.
 */
export function ContentEditorFrame<V extends FormValues>(props: {
  editor: ContentFormState<V>;
  title: string;
  testId: string;
  children: ReactNode;
}) {
  const t = useT();
  const { form, base, submit, save, canSave } = props.editor;
  return (
    <Paper withBorder radius="md" p="lg" component="form" onSubmit={submit} noValidate data-testid={`${props.testId}-editor`}>
      <Stack gap="md">
        <Group justify="space-between">
          <Text fw={600}>{props.title}</Text>
          <Switch label={t('service.admin.active')} data-testid={`${props.testId}-active`} {...form.getInputProps('active', { type: 'checkbox' })} />
        </Group>
        {props.children}
        {save.isError && (
          <Alert color="red" variant="light" title={t('service.admin.notSaved')} data-testid={`${props.testId}-save-error`}>
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{refusalSentence(t, save.error)}</Text>
              {isConflict(save.error) && base && (
                <Button size="xs" variant="white" color="red" onClick={props.editor.reloadSaved}>
                  {t('service.admin.loadSaved')}
                </Button>
              )}
            </Stack>
          </Alert>
        )}
        <Group justify="flex-end">
          {!canSave && <Text size="sm" c="red">{t('service.admin.noActingStaff')}</Text>}
          <Button type="submit" leftSection={<IconDeviceFloppy size={16} />} loading={save.isPending} disabled={!canSave || (base !== null && !form.isDirty())} data-testid={`${props.testId}-save`}>
            {t('service.admin.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** The name (or title) and the language, side by side. */
export function NameAndLanguageFields<V extends FormValues>(props: {
  form: UseFormReturnType<V>;
  nameField: string;
  nameLabel: string;
  testId: string;
}) {
  const t = useT();
  const { form } = props;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <TextInput label={props.nameLabel} required data-testid={`${props.testId}-${props.nameField}`} {...form.getInputProps(props.nameField)} />
      <Select
        label={t('service.admin.language')}
        allowDeselect={false}
        data={LANGUAGES.map((l) => ({ value: l, label: t(`service.admin.language.${l}`) }))}
        data-testid={`${props.testId}-language`}
        {...form.getInputProps('language')}
      />
    </SimpleGrid>
  );
}
