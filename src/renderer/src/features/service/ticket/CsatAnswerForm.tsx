import { Button, Group, Input, Rating, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useT } from '../../../i18n';

/** The comment's limit in csat.respond's input schema. */
const MAX_COMMENT = 2000;

export interface CsatAnswer {
  score: number;
  comment?: string;
}

/**
 * For a customer who answered by phone or mail rather than on the shop's
 * page: staff record the score (1–5) and what the customer said. Nothing is
 * sent until a score is chosen.
 */
export function CsatAnswerForm({ saving, onSubmit }: { saving: boolean; onSubmit: (answer: CsatAnswer) => void }) {
  const t = useT();
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (score < 1) return;
    onSubmit({ score, ...(comment.trim() !== '' && { comment: comment.trim() }) });
  };
  return (
    <Stack component="form" gap="xs" onSubmit={submit} aria-labelledby="ticket-csat-record-title" data-testid="ticket-csat-form">
      <Text size="sm" fw={600} id="ticket-csat-record-title">{t('service.csat.record.title')}</Text>
      <Input.Wrapper label={t('service.csat.record.score')} description={score === 0 ? t('service.csat.record.scoreHint') : t('service.csat.record.scoreOf', { score })}>
        <Rating
          mt={4}
          size="lg"
          value={score}
          onChange={setScore}
          name="csat-score"
          getSymbolLabel={(value) => t('service.csat.record.stars', { score: value })}
          data-testid="ticket-csat-rating"
        />
      </Input.Wrapper>
      <Textarea
        label={t('service.csat.record.comment')}
        placeholder={t('service.csat.record.commentPlaceholder')}
        value={comment}
        onChange={(event) => setComment(event.currentTarget.value)}
        maxLength={MAX_COMMENT}
        autosize
        minRows={2}
        maxRows={5}
        data-testid="ticket-csat-comment"
      />
      <Group>
        <Button type="submit" size="xs" disabled={score < 1} loading={saving} data-testid="ticket-csat-save">
          {t('service.csat.record.save')}
        </Button>
      </Group>
    </Stack>
  );
}
