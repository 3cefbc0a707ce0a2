import type { FeedbackSource, FeedbackStatus, Sentiment } from '../../../../shared/contract';
import type { MessageKey, Translate } from '../../i18n';

export const SENTIMENT_COLOR: Record<Sentiment, string> = { negative: 'red', neutral: 'gray', positive: 'teal' };

export const sourceLabel = (t: Translate, source: FeedbackSource) => t(`feedback.source.${source}` as MessageKey);
export const statusLabel = (t: Translate, status: FeedbackStatus) => t(`feedback.status.${status}` as MessageKey);
export const sentimentLabel = (t: Translate, sentiment: Sentiment) => t(`feedback.sentiment.${sentiment}` as MessageKey);

/** The default topics ship with English names; they read in the UI language. A merchant's own topic shows as typed. */
const DEFAULT_TOPIC_KEYS: Record<string, MessageKey> = {
  shipping: 'feedback.topic.shipping',
  packaging: 'feedback.topic.packaging',
  quality: 'feedback.topic.quality',
  'size / fit': 'feedback.topic.sizeFit',
  price: 'feedback.topic.price',
  service: 'feedback.topic.service',
  scent: 'feedback.topic.scent',
};

export const topicLabel = (t: Translate, topic: string): string => {
  const key = DEFAULT_TOPIC_KEYS[topic];
  return key ? t(key) : topic;
};
