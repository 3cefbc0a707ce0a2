import { Select } from '@mantine/core';
import { IconUserCircle } from '@tabler/icons-react';
import { useAppInfo } from '../../features/settings/api';
import { useT } from '../../i18n';
import { setActingStaffId, useActingStaff } from '../actingStaff';

/** "Acting as": the staff member whose name goes into the audit log. */
export function ActingStaffSelect() {
  const t = useT();
  const staff = useAppInfo().data?.staff ?? [];
  const acting = useActingStaff();
  if (staff.length === 0) return null;
  return (
    <Select
      size="xs"
      w={170}
      visibleFrom="md"
      aria-label={t('app.actingAs')}
      data-testid="acting-staff"
      leftSection={<IconUserCircle size={16} aria-hidden />}
      allowDeselect={false}
      value={acting ? String(acting.id) : null}
      onChange={(value) => value && setActingStaffId(Number(value))}
      data={staff.map((s) => ({ value: String(s.id), label: s.name }))}
    />
  );
}
