import { Badge, Group } from '@mantine/core';
import type { Sentiment } from '../../../../../shared/contract';
import { useT } from '../../../i18n';
import { SENTIMENT_COLOR, sentimentLabel, topicLabel } from '../labels';

export function SentimentBadge({ sentiment, score }: { sentiment: Sentiment | null; score?: number | null }) {
  const t = useT();
  if (sentiment === null) return null;
  const title = score === null || score === undefined ? undefined : t('feedback.sentiment.score', { score: score.toFixed(2) });
  return (
    <Badge variant="light" size="sm" tt="none" color={SENTIMENT_COLOR[sentiment]} title={title} data-testid="sentiment-badge" data-sentiment={sentiment}>
      {sentimentLabel(t, sentiment)}
    </Badge>
  );
}

export function TopicBadges({ topics, max = 3 }: { topics: string[]; max?: number }) {
  const t = useT();
  const shown = topics.slice(0, max);
  return (
    <Group gap={4} wrap="nowrap">
      {shown.map((topic) => (
        <Badge key={topic} variant="outline" color="gray" size="sm" tt="none">
          {topicLabel(t, topic)}
        </Badge>
      ))}
      {topics.length > max && (
        <Badge variant="transparent" color="gray" size="sm">
          +{topics.length - max}
        </Badge>
      )}
    </Group>
  );
}
