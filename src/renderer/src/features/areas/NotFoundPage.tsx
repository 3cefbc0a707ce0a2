import { Anchor, Paper, Stack, Text } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';

export function NotFoundPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('area.notFound.title')} />
      <Paper withBorder p="xl" maw={720}>
        <Stack gap="sm" align="flex-start">
          <Text>{t('area.notFound.body')}</Text>
          <Anchor href="#/dashboard">{t('area.notFound.back')}</Anchor>
        </Stack>
      </Paper>
    </>
  );
}
