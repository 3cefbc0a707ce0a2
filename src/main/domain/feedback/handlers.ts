import { AppError } from '../../../shared/errors';

// SCAFFOLD: replaced by the area's real handlers (issue 4); each answers INTERNAL until then.
function notYet(): never {
  throw new AppError('INTERNAL', 'This part of the service desk is not built yet.');
}

export const feedbackHandlers = {
  'feedback.list': notYet,
  'feedback.create': notYet,
  'feedback.import': notYet,
  'feedback.update': notYet,
  'feedback.topics.get': notYet,
  'feedback.topics.update': notYet,
  'feedback.trends': notYet,
};
