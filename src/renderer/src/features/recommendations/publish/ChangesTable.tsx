import { Badge, Table, Text } from '@mantine/core';
import type { RecsPublishChange } from '../../../../../shared/contract';
import { useI18n } from '../../../i18n';

const SHOWN = 200;

/** Each product's list as it is on the store and as it would be; products only in one side are marked. */
export function ChangesTable({ changes }: { changes: RecsPublishChange[] }) {
  const { t, format } = useI18n();
  const titles = (list: { title: string }[]) => (list.length ? list.map((p) => p.title).join(', ') : t('recs.publish.emptyList'));
  return (
    <>
      <Table.ScrollContainer minWidth={760} mah={480}>
        <Table striped stickyHeader data-testid="recs-publish-changes">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('recs.publish.col.product')}</Table.Th>
              <Table.Th w={150}>{t('recs.publish.col.list')}</Table.Th>
              <Table.Th w="30%">{t('recs.publish.col.before')}</Table.Th>
              <Table.Th w="40%">{t('recs.publish.col.after')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {changes.slice(0, SHOWN).map((change) => (
              <Table.Tr key={`${change.productId}-${change.kind}`}>
                <Table.Td><Text size="sm" fw={500}>{change.title}</Text></Table.Td>
                <Table.Td>
                  <Badge variant="light" size="sm" tt="none" color={change.kind === 'related' ? 'blue' : 'grape'}>
                    {change.kind === 'related' ? t('recs.publish.kind.related') : t('recs.publish.kind.complementary')}
                  </Badge>
                </Table.Td>
                <Table.Td><Text size="xs" c="dimmed">{titles(change.before)}</Text></Table.Td>
                <Table.Td><Text size="xs">{titles(change.after)}</Text></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {changes.length > SHOWN && (
        <Text size="xs" c="dimmed">{t('recs.publish.more', { shown: format.number(SHOWN), total: format.number(changes.length) })}</Text>
      )}
    </>
  );
}
