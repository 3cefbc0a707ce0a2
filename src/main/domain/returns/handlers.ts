import { AppError } from '../../../shared/errors';

// SCAFFOLD: replaced by the area's real handlers (issue 4); each answers INTERNAL until then.
function notYet(): never {
  throw new AppError('INTERNAL', 'This part of the service desk is not built yet.');
}

export const returnHandlers = {
  'returns.list': notYet,
  'returns.get': notYet,
  'returns.create': notYet,
  'returns.transition': notYet,
  'returns.policy.get': notYet,
  'returns.policy.update': notYet,
  'returns.report': notYet,
};
