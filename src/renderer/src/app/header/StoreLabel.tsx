import { Badge, Divider, Group, Skeleton, Text } from '@mantine/core';
import { useAppInfo } from '../../features/settings/api';
import { useT } from '../../i18n';

/** Which store this console is looking at. Errors are shown by the page, not here. */
export function StoreLabel() {
  const t = useT();
  const info = useAppInfo();
  if (info.isPending) return <Skeleton height={14} width={120} />;
  if (info.isError) return null;
  const [first, ...others] = info.data.stores;
  if (!first) return <Text size="sm" c="dimmed">{t('app.noStore')}</Text>;
  return (
    <Group gap={8} wrap="nowrap" miw={0}>
      <Divider orientation="vertical" visibleFrom="xs" h={22} mr={4} style={{ alignSelf: "center" }} />
      <Text size="sm" fw={500} truncate="end" data-testid="store-name">
        {others.length > 0 ? t('app.storeCount', { count: others.length + 1 }) : first.name}
      </Text>
      {first.isDemo && others.length === 0 && (
        <Badge size="sm" variant="light" color="gray">
          {t('app.demoStore')}
        </Badge>
      )}
    </Group>
  );
}
