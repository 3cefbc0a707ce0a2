import { macrosSaveInput, type ContentLanguage, type Macro, type TicketPriority, type TicketStatus } from '../../../../../../shared/contract';
import type { Translate } from '../../../../i18n';
import { formErrors, zodIssues } from '../issues';

/** A macro as the editor holds it; '' in a select means "leave as it is". */
export interface MacroFormValues {
  name: string;
  language: ContentLanguage;
  body: string;
  status: TicketStatus | '';
  priority: TicketPriority | '';
  addTags: string[];
  active: boolean;
}

export const macroToForm = (macro: Macro | null, language: ContentLanguage): MacroFormValues => ({
  name: macro?.name ?? '',
  language: macro?.language ?? language,
  body: macro?.body ?? '',
  status: macro?.actions.status ?? '',
  priority: macro?.actions.priority ?? '',
  addTags: macro?.actions.addTags ?? [],
  active: macro?.active ?? true,
});

export function formToMacro(values: MacroFormValues) {
  return {
    name: values.name,
    language: values.language,
    body: values.body,
    actions: {
      ...(values.status !== '' && { status: values.status }),
      ...(values.priority !== '' && { priority: values.priority }),
      ...(values.addTags.length > 0 && { addTags: values.addTags }),
    },
    active: values.active,
  };
}

/** Issue paths as the form names them: the actions' fields sit at the top of the form. */
const formPath = (path: string): string => path.replace(/^actions\./, '').replace(/^addTags\.\d+$/, 'addTags');

const schemaWithoutStaff = macrosSaveInput.omit({ staffId: true, id: true, expectedVersion: true });

export function validateMacro(values: MacroFormValues, t: Translate): Record<string, string> {
  const parsed = schemaWithoutStaff.safeParse(formToMacro(values));
  return parsed.success ? {} : formErrors(t, zodIssues(parsed.error), formPath);
}

export { formPath as macroFormPath };
