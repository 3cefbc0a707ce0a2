import { Alert, Button, Group, Modal, NumberInput, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { staffSaveInput, type StaffMember } from '../../../../../../shared/contract';
import { useActingStaff } from '../../../../app/actingStaff';
import { useT, type Translate } from '../../../../i18n';
import { useSaveStaff } from '../api';
import { formErrors, refusalSentence, serverIssues, zodIssues } from '../issues';

const ROLES = ['owner', 'manager', 'agent'] as const;

interface StaffFormValues {
  name: string;
  email: string;
  role: StaffMember['role'];
  capacity: number | string;
  active: boolean;
}

const toInput = (values: StaffFormValues) => ({
  name: values.name,
  email: values.email.trim() === '' ? null : values.email.trim(),
  role: values.role,
  capacity: values.capacity === '' ? Number.NaN : Number(values.capacity),
  active: values.active,
});

const schemaWithoutActing = staffSaveInput.omit({ actingStaffId: true, id: true, expectedVersion: true });

function validate(values: StaffFormValues, t: Translate): Record<string, string> {
  const parsed = schemaWithoutActing.safeParse(toInput(values));
  return parsed.success ? {} : formErrors(t, zodIssues(parsed.error));
}

/**
 * Adds or edits one staff member as the acting person. Whether that person may
 * (an agent may not make an owner, say) is the core's decision; its sentence is
 * shown as it is, and nothing is saved.
 */
export function StaffModal({ member, onClose }: { member: StaffMember | null; onClose: () => void }) {
  const t = useT();
  const acting = useActingStaff();
  const save = useSaveStaff();
  const form = useForm<StaffFormValues>({
    initialValues: {
      name: member?.name ?? '',
      email: member?.email ?? '',
      role: member?.role ?? 'agent',
      capacity: member?.capacity ?? 20,
      active: member?.active ?? true,
    },
    validate: (values) => validate(values, t),
  });
  const submit = form.onSubmit((values) => {
    if (!acting) return;
    save.mutate(
      { actingStaffId: acting.id, ...(member && { id: member.id, expectedVersion: member.version }), ...toInput(values) },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'teal', message: t('service.admin.staff.saved', { name: saved.name }) });
          onClose();
        },
        onError: (error) => form.setErrors(formErrors(t, serverIssues(error))),
      },
    );
  });
  return (
    <Modal opened onClose={onClose} title={member ? t('service.admin.staff.editNamed', { name: member.name }) : t('service.admin.staff.add')} size="md">
      <form onSubmit={submit} noValidate data-testid="staff-form">
        <Stack gap="sm">
          <TextInput label={t('service.admin.staff.name')} required data-autofocus data-testid="staff-name" {...form.getInputProps('name')} />
          <TextInput label={t('service.admin.staff.email')} type="email" data-testid="staff-email" {...form.getInputProps('email')} />
          <Select
            label={t('service.admin.staff.role')}
            allowDeselect={false}
            data={ROLES.map((role) => ({ value: role, label: t(`service.admin.role.${role}`) }))}
            data-testid="staff-role"
            {...form.getInputProps('role')}
          />
          <NumberInput
            label={t('service.admin.staff.capacity')}
            description={t('service.admin.staff.capacityHint')}
            min={0}
            max={1000}
            allowNegative={false}
            allowDecimal={false}
            data-testid="staff-capacity"
            {...form.getInputProps('capacity')}
          />
          <Switch label={t('service.admin.staff.activeHint')} data-testid="staff-active" {...form.getInputProps('active', { type: 'checkbox' })} />
          {save.isError && (
            <Alert color="red" variant="light" title={t('service.admin.notSaved')} data-testid="staff-save-error">
              {refusalSentence(t, save.error)}
            </Alert>
          )}
          {!acting && <Text size="sm" c="red">{t('service.admin.noActingStaff')}</Text>}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>{t('service.admin.cancel')}</Button>
            <Button type="submit" loading={save.isPending} disabled={!acting} data-testid="staff-save">{t('service.admin.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
