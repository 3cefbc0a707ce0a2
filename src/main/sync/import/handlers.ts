import { AppError } from '../../../shared/errors';

// SCAFFOLD (issue 5): replaced by the real handlers; each answers INTERNAL until then.
function notYet(): never {
  throw new AppError('INTERNAL', 'Marketplace sync is not built yet.');
}

export const importHandlers = {
  'import.preview': notYet,
  'import.run': notYet,
};
