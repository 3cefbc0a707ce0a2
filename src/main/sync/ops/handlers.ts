import { AppError } from '../../../shared/errors';
import { importHandlers } from '../import/handlers';

// SCAFFOLD (issue 5): replaced by the real handlers; each answers INTERNAL until then.
function notYet(): never {
  throw new AppError('INTERNAL', 'Marketplace sync is not built yet.');
}

export const syncHandlers = {
  'stores.list': notYet,
  'stores.connect': notYet,
  'stores.test': notYet,
  'stores.remove': notYet,
  'sync.run': notYet,
  'sync.cancel': notYet,
  'sync.status': notYet,
  'sync.log': notYet,
  'outbox.list': notYet,
  'outbox.retry': notYet,
  'outbox.discard': notYet,
  ...importHandlers,
};
