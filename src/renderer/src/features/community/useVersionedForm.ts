import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { z } from 'zod';
import { useActingStaff } from '../../app/actingStaff';
import { useT } from '../../i18n';
import { checkWith, serverFieldErrors } from './issues';

interface SaveMutation<I, S> {
  mutate(input: I, handlers: { onSuccess: (saved: S) => void; onError: (error: unknown) => void }): void;
  reset(): void;
}

/**
 * A community form for something saved with a version (a group, an
 * announcement, a template): checked with the contract's schema before
 * sending, the core's refusal shown per field, and after a conflict the saved
 * copy can be loaded into the form so the next save is checked against it and
 * nobody's change is lost silently.
 */
export function useVersionedForm<F extends object, S extends { id: number }, I>(options: {
  initial: S | null;
  toForm: (saved: S | null) => F;
  toInput: (values: F, staffId: number, base: S | null) => I;
  schema: z.ZodType;
  save: SaveMutation<I, S>;
  loadSaved: (id: number) => Promise<S | undefined>;
  savedMessage: (saved: S) => string;
  onSaved: (saved: S) => void;
  /** Editors that stay open take the saved copy (its new version) as their base. */
  keepEditing?: boolean;
}) {
  const t = useT();
  const acting = useActingStaff();
  const { toForm, toInput, save } = options;
  const form = useForm<F & { base: S | null }>({
    initialValues: { ...toForm(options.initial), base: options.initial },
    validate: (values) => checkWith(t, options.schema, toInput(values, acting?.id ?? 1, values.base)),
  });

  const submit = form.onSubmit((values) => {
    if (!acting) return;
    save.mutate(toInput(values, acting.id, values.base), {
      onSuccess: (saved) => {
        if (options.keepEditing) {
          form.setValues({ ...toForm(saved), base: saved });
          form.resetDirty({ ...toForm(saved), base: saved });
        }
        notifications.show({ color: 'teal', message: options.savedMessage(saved) });
        options.onSaved(saved);
      },
      onError: (error) => form.setErrors(serverFieldErrors(t, error)),
    });
  });

  const reloadSaved = async () => {
    const base = form.values.base;
    if (!base) return;
    const saved = await options.loadSaved(base.id);
    if (saved) form.setValues({ ...toForm(saved), base: saved });
    save.reset();
  };

  return { form, base: form.values.base, submit, reloadSaved, acting };
}
