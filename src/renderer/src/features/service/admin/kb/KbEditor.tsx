import { TagsInput, Textarea } from '@mantine/core';
import { kbSaveInput, type ContentLanguage, type KbArticle } from '../../../../../../shared/contract';
import { useT, type Translate } from '../../../../i18n';
import { useSaveKbArticle } from '../api';
import { ContentEditorFrame, NameAndLanguageFields, useContentForm } from '../ContentEditor';
import type { ContentEditorProps } from '../ContentTab';
import { formErrors, zodIssues } from '../issues';

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
export function KbEditor(props: ContentEditorProps<KbArticle>) {
  const t = useT();
  const editor = useContentForm(props, {
    toForm,
    validate,
    save: useSaveKbArticle(),
    toInput: (values, write) => ({ ...write, ...values }),
    formPath: tagsPath,
    savedMessage: (saved) => t('service.admin.kb.saved', { title: saved.title }),
  });
  const { form } = editor;
  return (
    <ContentEditorFrame editor={editor} title={editor.base ? t('service.admin.kb.editTitle') : t('service.admin.kb.newTitle')} testId="kb">
      <NameAndLanguageFields form={form} nameField="title" nameLabel={t('service.admin.kb.title')} testId="kb" />
      <Textarea label={t('service.admin.kb.body')} autosize minRows={8} maxRows={20} required data-testid="kb-body" {...form.getInputProps('body')} />
      <TagsInput
        label={t('service.admin.kb.tags')}
        description={t('service.admin.kb.tagsHint')}
        placeholder={t('service.admin.tagsPlaceholder')}
        maxTags={20}
        data-testid="kb-tags"
        {...form.getInputProps('tags')}
      />
    </ContentEditorFrame>
  );
}
