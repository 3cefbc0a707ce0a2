import { Paper, Table, Title } from '@mantine/core';
import type { ReturnDetail } from '../../../../../shared/contract/returns';
import { useI18n } from '../../../i18n';

/** The items coming back: how many of how many ordered, at what price. */
export function ReturnLinesCard({ detail }: { detail: ReturnDetail }) {
  const { t, format } = useI18n();
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} fz="md" mb="sm">{t('returns.detail.lines')}</Title>
      <Table striped withRowBorders={false} data-testid="return-lines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('returns.line.item')}</Table.Th>
            <Table.Th ta="right">{t('returns.line.quantity')}</Table.Th>
            <Table.Th ta="right">{t('returns.line.unitPrice')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {detail.lines.map((line) => (
            <Table.Tr key={line.id} data-testid="return-line">
              <Table.Td>{line.title}</Table.Td>
              <Table.Td ta="right">{t('returns.line.ofOrdered', { quantity: format.number(line.quantity), ordered: format.number(line.orderedQuantity) })}</Table.Td>
              <Table.Td ta="right">{format.money(line.unitPriceMinor, detail.currency)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
