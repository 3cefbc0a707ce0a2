import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { hrefFor } from '../../app/router';
import { useT } from '../../i18n';

/** The team and the service desk's rules live with the service desk; this points there from the general settings. */
export function ServiceSettingsLinks() {
  const t = useT();
  const links = [
    { path: '/service/admin/staff', label: t('service.admin.tab.staff') },
    { path: '/service/admin/sla', label: t('service.admin.tab.sla') },
    { path: '/service/admin/macros', label: t('service.admin.tab.macros') },
    { path: '/service/admin/kb', label: t('service.admin.tab.kb') },
    { path: '/service/admin/reports', label: t('service.admin.tab.reports') },
  ];
  return (
    <Paper withBorder p="lg" data-testid="settings-service-links">
      <Stack gap="xs">
        <Title order={2} fz="md">{t('service.admin.title')}</Title>
        <Text size="sm" c="dimmed">{t('service.admin.settingsHint')}</Text>
        <Group gap="lg">
          {links.map((link) => (
            <Anchor key={link.path} href={hrefFor(link.path)} size="sm">{link.label}</Anchor>
          ))}
        </Group>
      </Stack>
    </Paper>
  );
}
