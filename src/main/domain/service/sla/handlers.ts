import { AppError } from '../../../../shared/errors';

// SCAFFOLD: replaced by the area's real handlers (issue 4); each answers INTERNAL until then.
function notYet(): never {
  throw new AppError('INTERNAL', 'This part of the service desk is not built yet.');
}

export const slaHandlers = {
  'sla.policies.get': notYet,
  'sla.policies.update': notYet,
  'sla.report': notYet,
  'csat.respond': notYet,
  'csat.report': notYet,
};
