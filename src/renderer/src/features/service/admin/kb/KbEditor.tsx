import { Alert, Button, Group, Paper, Select, SimpleGrid, Stack, Switch, TagsInput, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useState } from 'react';
import { LANGUAGES, kbSaveInput, type ContentLanguage, type KbArticle } from '../../../../../../shared/contract';
import { useActingStaff } from '../../../../app/actingStaff';
import { useT, type Translate } from '../../../../i18n';
import { useSaveKbArticle } from '../api';
import { formErrors, isConflict, refusalSentence, serverIssues, zodIssues } from '../issues';

interface KbFormValues {
  title: string;
  language: ContentLanguage;
  body: string;
  tags: string[];
  active: boolean;
}

const toForm = (article: KbArticle | null, language: ContentLanguage): KbFormValues => ({
  title: article?.title ?? '',
  language: article?.language ?? language,
  body: article?.body ?? '',
  tags: article?.tags ?? [],
  active: article?.active ?? true,
});

const tagsPath = (path: string) => path.replace(/^tags\.\d+$/, 'tags');
const schemaWithoutStaff = kbSaveInput.omit({ staffId: true, id: true, expectedVersion: true });

function validate(values: KbFormValues, t: Translate): Record<string, string> {
  const parsed = schemaWithoutStaff.safeParse(values);
  return parsed.success ? {} : formErrors(t, zodIssues(parsed.error), tagsPath);
}

/** One knowledge-base article; saved with the version it was opened at, so a stale save changes nothing. */
export function KbEditor(props: {
  article: KbArticle | null;
  defaultLanguage: ContentLanguage;
  onSaved: (article: KbArticle) => void;
  reload: () => Promise<KbArticle | undefined>;
}) {
  const t = useT();
  const acting = useActingStaff();
  const save = useSaveKbArticle();
  const [base, setBase] = useState(props.article);
  const form = useForm<KbFormValues>({
    initialValues: toForm(props.article, props.defaultLanguage),
    validate: (values) => validate(values, t),
  });

  const reset = (article: KbArticle) => {
    setBase(article);
    const values = toForm(article, props.defaultLanguage);
    form.setInitialValues(values);
    form.setValues(values);
    form.resetDirty(values);
    form.clearErrors();
  };

  const submit = form.onSubmit((values) => {
    if (!acting) return;
    save.mutate(
      { staffId: acting.id, ...(base && { id: base.id, expectedVersion: base.version }), ...values },
      {
        onSuccess: (saved) => {
          reset(saved);
          notifications.show({ color: 'teal', message: t('service.admin.kb.saved', { title: saved.title }) });
          props.onSaved(saved);
        },
        onError: (error) => form.setErrors(formErrors(t, serverIssues(error), tagsPath)),
      },
    );
  });

  return (
    <Paper withBorder radius="md" p="lg" component="form" onSubmit={submit} noValidate data-testid="kb-editor">
      <Stack gap="md">
        <Group justify="space-between">
          <Text fw={600}>{base ? t('service.admin.kb.editTitle') : t('service.admin.kb.newTitle')}</Text>
          <Switch label={t('service.admin.active')} data-testid="kb-active" {...form.getInputProps('active', { type: 'checkbox' })} />
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('service.admin.kb.title')} required data-testid="kb-title" {...form.getInputProps('title')} />
          <Select
            label={t('service.admin.language')}
            allowDeselect={false}
            data={LANGUAGES.map((l) => ({ value: l, label: t(`service.admin.language.${l}`) }))}
            data-testid="kb-language"
            {...form.getInputProps('language')}
          />
        </SimpleGrid>
        <Textarea label={t('service.admin.kb.body')} autosize minRows={8} maxRows={20} required data-testid="kb-body" {...form.getInputProps('body')} />
        <TagsInput
          label={t('service.admin.kb.tags')}
          description={t('service.admin.kb.tagsHint')}
          placeholder={t('service.admin.tagsPlaceholder')}
          maxTags={20}
          data-testid="kb-tags"
          {...form.getInputProps('tags')}
        />
        {save.isError && (
          <Alert color="red" variant="light" title={t('service.admin.notSaved')} data-testid="kb-save-error">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{refusalSentence(t, save.error)}</Text>
              {isConflict(save.error) && base && (
                <Button size="xs" variant="white" color="red" onClick={() => void props.reload().then((a) => a && reset(a)).then(() => save.reset())}>
                  {t('service.admin.loadSaved')}
                </Button>
              )}
            </Stack>
          </Alert>
        )}
        <Group justify="flex-end">
          {!acting && <Text size="sm" c="red">{t('service.admin.noActingStaff')}</Text>}
          <Button type="submit" leftSection={<IconDeviceFloppy size={16} />} loading={save.isPending} disabled={!acting || (base !== null && !form.isDirty())} data-testid="kb-save">
            {t('service.admin.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
