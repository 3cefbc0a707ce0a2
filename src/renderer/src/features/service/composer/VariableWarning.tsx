import { Alert, Code, Group, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useT } from '../../../i18n';

export interface VariableWarnings {
  unknownVariables: string[];
  emptyVariables: string[];
}

export const hasWarnings = (w: VariableWarnings | null): boolean =>
  w !== null && (w.unknownVariables.length > 0 || w.emptyVariables.length > 0);

/** Said before sending: variables the desk does not know (sent as typed) and ones with no value here (left empty). */
export function VariableWarning({ warnings }: { warnings: VariableWarnings }) {
  const t = useT();
  const names = (list: string[]) => (
    <Group gap={4} component="span" style={{ display: 'inline-flex' }}>
      {list.map((name) => <Code key={name}>{`{{${name}}}`}</Code>)}
    </Group>
  );
  return (
    <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} title={t('service.composer.warningTitle')} role="alert" data-testid="variable-warning">
      {warnings.unknownVariables.length > 0 && (
        <Text size="sm" data-testid="variable-warning-unknown" data-names={warnings.unknownVariables.join(',')}>
          {t('service.composer.unknownVariables')} {names(warnings.unknownVariables)}
        </Text>
      )}
      {warnings.emptyVariables.length > 0 && (
        <Text size="sm" mt={4} data-testid="variable-warning-empty" data-names={warnings.emptyVariables.join(',')}>
          {t('service.composer.emptyVariables')} {names(warnings.emptyVariables)}
        </Text>
      )}
      <Text size="xs" c="dimmed" mt={6}>{t('service.composer.warningHint')}</Text>
    </Alert>
  );
}
