import { ActionIcon, Alert, Button, Checkbox, Group, Paper, Skeleton, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { TopicRules } from '../../../../../shared/contract';
import { ApiError } from '../../../api';
import { useActingStaff } from '../../../app/actingStaff';
import { QueryError } from '../../../components/QueryError';
import { useT } from '../../../i18n';
import { useSaveTopicRules, useTopicRules } from '../api';
import { topicLabel } from '../labels';

type Rule = TopicRules['rules'][number];

/** Why the rules cannot be saved yet, or null. */
function ruleProblem(rules: Rule[], t: ReturnType<typeof useT>): string | null {
  const names = new Set<string>();
  for (const [index, rule] of rules.entries()) {
    const name = rule.topic.trim();
    if (name === '') return t('feedback.topics.needName', { n: index + 1 });
    if (rule.keywords.length === 0) return t('feedback.topics.needKeyword', { topic: name });
    if (names.has(name.toLowerCase())) return t('feedback.topics.duplicate', { topic: name });
    names.add(name.toLowerCase());
  }
  return null;
}

/**
 * /feedback/topics: the keyword rules. A feedback item is about every topic
 * with a keyword in its title or body; saving re-tags all feedback (except
 * topics set by hand on an item) in one go.
 */
export function TopicRulesEditor() {
  const t = useT();
  const staff = useActingStaff();
  const loaded = useTopicRules();
  const save = useSaveTopicRules();
  const [rules, setRules] = useState<Rule[] | null>(null);
  const [reapply, setReapply] = useState(true);
  const [conflict, setConflict] = useState(false);
  useEffect(() => {
    if (loaded.data) setRules(loaded.data.rules);
  }, [loaded.data]);

  if (loaded.isError) return <QueryError error={loaded.error} onRetry={() => void loaded.refetch()} />;
  if (!loaded.data || !rules) return <Skeleton height={240} />;
  const version = loaded.data.version;
  const problem = ruleProblem(rules, t);
  const dirty = JSON.stringify(rules) !== JSON.stringify(loaded.data.rules);
  const change = (index: number, patch: Partial<Rule>) => setRules(rules.map((r, i) => (i === index ? { ...r, ...patch } : r)));

  const submit = () => {
    if (!staff || problem) return;
    const cleaned = rules.map((r) => ({ topic: r.topic.trim(), keywords: r.keywords.map((k) => k.trim()).filter(Boolean) }));
    save.mutate({ staffId: staff.id, expectedVersion: version, rules: cleaned, reapply }, {
      onSuccess: () => {
        setConflict(false);
        notifications.show({ color: 'teal', message: reapply ? t('feedback.topics.savedRetagged') : t('feedback.topics.saved') });
      },
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'CONFLICT') {
          setConflict(true);
          void loaded.refetch();
        } else {
          notifications.show({ color: 'red', message: error instanceof ApiError ? error.message : t('error.INTERNAL') });
        }
      },
    });
  };

  return (
    <Stack gap="md" maw={960} data-testid="feedback-topics">
      <Text c="dimmed" size="sm">{t('feedback.topics.intro')}</Text>
      {conflict && <Alert color="yellow" data-testid="topics-conflict">{t('feedback.topics.conflict')}</Alert>}
      {rules.length === 0 && <Alert color="gray">{t('feedback.topics.none')}</Alert>}
      {rules.map((rule, index) => (
        <Paper key={index} withBorder p="sm" data-testid="topic-rule">
          <Group align="flex-start" wrap="nowrap">
            <TextInput
              label={t('feedback.topics.name')}
              description={topicLabel(t, rule.topic).toLowerCase() !== rule.topic.toLowerCase() ? topicLabel(t, rule.topic) : undefined}
              value={rule.topic}
              maxLength={60}
              onChange={(e) => change(index, { topic: e.currentTarget.value })}
              w={200}
            />
            <TagsInput
              label={t('feedback.topics.keywords')}
              description={t('feedback.topics.keywordsHint')}
              value={rule.keywords}
              onChange={(keywords) => change(index, { keywords })}
              maxTags={100}
              splitChars={[',', '，']}
              style={{ flex: 1 }}
            />
            <ActionIcon variant="subtle" color="red" mt={28} aria-label={t('feedback.topics.remove', { topic: rule.topic || String(index + 1) })}
              onClick={() => setRules(rules.filter((_, i) => i !== index))}>
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        </Paper>
      ))}
      <Group justify="space-between">
        <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => setRules([...rules, { topic: '', keywords: [] }])}
          disabled={rules.length >= 100}>
          {t('feedback.topics.add')}
        </Button>
        <Group>
          <Checkbox label={t('feedback.topics.reapply')} checked={reapply} onChange={(e) => setReapply(e.currentTarget.checked)} />
          <Button variant="subtle" onClick={() => setRules(loaded.data.rules)} disabled={!dirty}>{t('feedback.topics.reset')}</Button>
          <Button onClick={submit} disabled={!dirty || problem !== null || !staff} loading={save.isPending} data-testid="topics-save">
            {t('feedback.topics.save')}
          </Button>
        </Group>
      </Group>
      {dirty && problem && <Text c="red" size="sm">{problem}</Text>}
    </Stack>
  );
}
