import { Badge, Group, Text } from '@mantine/core';
import type { FeedbackItem } from '../../../../../shared/contract';
import { useT } from '../../../i18n';

/**
 * A rating as people read it: stars for reviews, CSAT and surveys (1–5),
 * "NPS 9" coloured by detractor / passive / promoter for NPS (0–10), a dash
 * for free text. The stars have a text alternative for screen readers.
 */
export function RatingBadge({ item }: { item: Pick<FeedbackItem, 'source' | 'rating'> }) {
  const t = useT();
  const { rating, source } = item;
  if (rating === null) return <Text c="dimmed" size="sm" aria-label={t('feedback.rating.none')}>—</Text>;
  if (source === 'nps') {
    const color = rating <= 6 ? 'red' : rating <= 8 ? 'yellow' : 'teal';
    return (
      <Badge variant="light" color={color} aria-label={t('feedback.rating.npsAria', { score: rating })} data-testid="rating-nps">
        {t('feedback.rating.nps', { score: rating })}
      </Badge>
    );
  }
  return (
    <Group gap={0} wrap="nowrap" role="img" aria-label={t('feedback.rating.starsAria', { stars: rating })} data-testid="rating-stars">
      {[1, 2, 3, 4, 5].map((n) => (
        <Text key={n} span size="sm" lh={1} c={n <= rating ? 'yellow.6' : 'dimmed'} aria-hidden style={{ opacity: n <= rating ? 1 : 0.35 }}>
          ★
        </Text>
      ))}
    </Group>
  );
}
