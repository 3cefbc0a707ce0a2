import { Alert, Button, CopyButton, Group, Loader, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useState } from 'react';
import type { Macro, ShipmentRow } from '../../../../../shared/contract';
import { useI18n } from '../../../i18n';
import { useMacros } from '../../service/api';
import { renderShipmentMacro, type RenderedMessage } from './shipmentMacro';
import { useShipmentMacroValues } from './useShipmentMacroValues';

/**
 * "Prepare a message" for the customer of a shipment in trouble: pick a
 * macro, read it filled in with this shipment's details, adjust, copy. It
 * sends nothing: the merchant pastes it where they talk to the customer.
 */
export function PrepareMessageModal({ shipment, onClose }: { shipment: ShipmentRow | null; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Modal opened={shipment !== null} onClose={onClose} title={t('logistics.message.title')} size="lg" data-testid="prepare-message">
      {shipment && <MessageBody key={shipment.id} shipment={shipment} />}
    </Modal>
  );
}

function MessageBody({ shipment }: { shipment: ShipmentRow }) {
  const { t, locale } = useI18n();
  const macros = useMacros(locale);
  const values = useShipmentMacroValues(shipment);
  const [macro, setMacro] = useState<Macro | null>(null);
  const [edited, setEdited] = useState<string | null>(null);
  const list = macros.data ?? [];
  const rendered: RenderedMessage | null = macro && values.data ? renderShipmentMacro(macro.body, values.data) : null;
  const text = edited ?? rendered?.body ?? '';
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('logistics.message.for', { number: shipment.orderNumber, customer: shipment.customerName ?? t('logistics.guest') })}
      </Text>
      <Select
        label={t('logistics.message.macro')}
        placeholder={macros.isPending ? t('logistics.message.loading') : list.length ? t('logistics.message.pick') : t('logistics.message.noMacros')}
        data={list.map((m) => ({ value: String(m.id), label: `${m.name} (${m.language})` }))}
        value={macro ? String(macro.id) : null}
        searchable
        disabled={list.length === 0}
        onChange={(value) => {
          setMacro(list.find((m) => String(m.id) === value) ?? null);
          setEdited(null);
        }}
        data-testid="prepare-message-macro"
        data-autofocus
      />
      {macro && values.isPending && <Loader size="sm" aria-label={t('logistics.message.loading')} />}
      {values.isError && <Alert color="red" variant="light">{t('logistics.message.valuesFailed')}</Alert>}
      {rendered && (rendered.emptyVariables.length > 0 || rendered.unknownVariables.length > 0) && (
        <Alert color="yellow" variant="light" data-testid="prepare-message-warnings">
          {rendered.emptyVariables.length > 0 && <Text size="sm">{t('logistics.message.empty', { names: rendered.emptyVariables.join(', ') })}</Text>}
          {rendered.unknownVariables.length > 0 && <Text size="sm">{t('logistics.message.unknown', { names: rendered.unknownVariables.join(', ') })}</Text>}
        </Alert>
      )}
      {rendered && (
        <Textarea
          label={t('logistics.message.text')}
          autosize
          minRows={6}
          maxRows={16}
          value={text}
          onChange={(event) => setEdited(event.currentTarget.value)}
          data-testid="prepare-message-text"
        />
      )}
      <Group justify="flex-end">
        <CopyButton value={text} timeout={2000}>
          {({ copied, copy }) => (
            <Button
              leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
              color={copied ? 'teal' : undefined}
              onClick={copy}
              disabled={text === ''}
              data-testid="prepare-message-copy"
            >
              {t(copied ? 'logistics.message.copied' : 'logistics.message.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}
