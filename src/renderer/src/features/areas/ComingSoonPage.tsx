import { Badge, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';
import { PageHeader } from '../../components/PageHeader';
import { useT, type MessageKey } from '../../i18n';

/** An area that is not built yet says what will come, and shows no made-up data. */
export function ComingSoonPage({ title, soon, icon: AreaIcon }: { title: MessageKey; soon: MessageKey; icon: Icon }) {
  const t = useT();
  return (
    <>
      <PageHeader title={t(title)} actions={<Badge variant="light" size="lg">{t('area.comingSoon')}</Badge>} />
      <Paper withBorder p="xl" maw={720} data-testid="coming-soon">
        <Stack gap="md" align="flex-start">
          <ThemeIcon size={48} radius="md" variant="light">
            <AreaIcon size={28} stroke={1.6} />
          </ThemeIcon>
          <Text fw={600}>{t('area.notBuiltYet')}</Text>
          <Text lh={1.7}>{t(soon)}</Text>
        </Stack>
      </Paper>
    </>
  );
}
