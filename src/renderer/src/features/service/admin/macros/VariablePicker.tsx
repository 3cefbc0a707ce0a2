import { Button, Menu, ScrollArea } from '@mantine/core';
import { IconBraces } from '@tabler/icons-react';
import { MACRO_VARIABLES } from '../../../../../../shared/contract';
import { useT } from '../../../../i18n';

/** A menu of the variables a macro may use; choosing one inserts `{{name}}` where the caret is. */
export function VariablePicker({ onPick }: { onPick: (name: string) => void }) {
  const t = useT();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button size="xs" variant="light" leftSection={<IconBraces size={14} />} data-testid="macro-variable-picker">
          {t('service.admin.macros.insertVariable')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <ScrollArea.Autosize mah={320} type="auto">
          {MACRO_VARIABLES.map((name) => (
            <Menu.Item key={name} onClick={() => onPick(name)} data-testid={`macro-variable-${name}`}>
              <code>{`{{${name}}}`}</code> — {t(`service.admin.variable.${name}`)}
            </Menu.Item>
          ))}
        </ScrollArea.Autosize>
      </Menu.Dropdown>
    </Menu>
  );
}
