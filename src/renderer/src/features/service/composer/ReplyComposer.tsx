import { Alert, Button, Collapse, Group, Paper, SegmentedControl, Stack, Text, Textarea, useComputedColorScheme } from '@mantine/core';
import { IconBook, IconCheck, IconPaperclip, IconSend } from '@tabler/icons-react';
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { AttachmentRef, Macro, MacroActions, TicketDetail, TicketStatus } from '../../../../../shared/contract';
import { ApiError } from '../../../api';
import { useActingStaff } from '../../../app/actingStaff';
import { useT } from '../../../i18n';
import { refusalSentence } from '../../loyalty/issues';
import { newIdempotencyKey, useApplyMacro, useLogCustomerMessage, useReplyTicket } from '../api';
import { priorityLabel, statusLabel } from '../labels';
import { AttachmentsEditor } from './AttachmentsEditor';
import { KbPanel } from './KbPanel';
import { MacroPicker } from './MacroPicker';
import { hasWarnings, VariableWarning, type VariableWarnings } from './VariableWarning';

/** Text put into the composer from elsewhere on the page ("Resend tracking"), already rendered for the ticket. */
export interface IncomingDraft extends VariableWarnings {
  body: string;
  seq: number;
}

interface Checked {
  /** The text the warnings are about; editing it asks again before sending. */
  body: string;
  warnings: VariableWarnings;
}

/**
 * The reply: a public answer or an internal note, with attachments, a macro
 * or a knowledge-base article. Text with {{variables}} is rendered for the
 * ticket before it goes out; unknown or empty variables are shown as a
 * warning first, and only a second press sends it as it is.
 */
export function ReplyComposer({ ticket, incoming, textareaRef }: { ticket: TicketDetail; incoming: IncomingDraft | null; textareaRef: RefObject<HTMLTextAreaElement | null> }) {
  const t = useT();
  const dark = useComputedColorScheme('light') === 'dark';
  const staff = useActingStaff();
  const replyToCustomer = useReplyTicket();
  const logCustomer = useLogCustomerMessage();
  const apply = useApplyMacro();
  const [body, setBody] = useState('');
  // 'customer': what the customer said on the phone or in person, written down by staff.
  const [visibility, setVisibility] = useState<'public' | 'internal' | 'customer'>('public');
  const reply = visibility === 'customer' ? logCustomer : replyToCustomer;
  const [attachments, setAttachments] = useState<AttachmentRef[]>([]);
  const [macro, setMacro] = useState<{ id: number; actions: MacroActions } | null>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [showFiles, setShowFiles] = useState(false);
  const [showKb, setShowKb] = useState(false);
  const key = useRef(newIdempotencyKey('reply'));

  useEffect(() => {
    if (!incoming) return;
    setBody(incoming.body);
    setChecked({ body: incoming.body, warnings: incoming });
    setMacro(null);
    textareaRef.current?.focus();
  }, [incoming?.seq]);

  const pickMacro = (picked: Macro) =>
    apply.mutate(
      { ticketId: ticket.id, macroId: picked.id, ...(staff && { staffId: staff.id }) },
      {
        onSuccess: (result) => {
          setBody(result.body);
          setMacro({ id: picked.id, actions: result.actions });
          setChecked({ body: result.body, warnings: result });
          textareaRef.current?.focus();
        },
      },
    );

  const send = (status?: TicketStatus) => {
    if (!staff || !body.trim()) return;
    const acknowledged = checked !== null && checked.body === body;
    // The customer's own words are logged as said: nothing to render.
    if (visibility !== 'customer' && !acknowledged && body.includes('{{')) {
      // Render first: known variables get their values; anything left is shown before it goes out.
      apply.mutate(
        { ticketId: ticket.id, body, ...(staff && { staffId: staff.id }) },
        {
          onSuccess: (result) => {
            setBody(result.body);
            setChecked({ body: result.body, warnings: result });
            if (!hasWarnings(result)) post(result.body, status);
          },
        },
      );
      return;
    }
    post(body, status);
  };

  const cleared = {
    onSuccess: () => {
      setBody('');
      setAttachments([]);
      setMacro(null);
      setChecked(null);
      setShowFiles(false);
      key.current = newIdempotencyKey('reply');
    },
  };

  const post = (text: string, status?: TicketStatus) => {
    if (!staff) return;
    if (visibility === 'customer') {
      logCustomer.mutate(
        { ticketId: ticket.id, staffId: staff.id, body: text, attachments, expectedVersion: ticket.version, idempotencyKey: key.current },
        cleared,
      );
      return;
    }
    replyToCustomer.mutate(
      {
        ticketId: ticket.id,
        staffId: staff.id,
        body: text,
        visibility,
        attachments,
        ...(macro && { macroId: macro.id }),
        ...(status && { status }),
        expectedVersion: ticket.version,
        idempotencyKey: key.current,
      },
      cleared,
    );
  };

  const warnings: VariableWarnings | null = checked && checked.body === body && hasWarnings(checked.warnings) ? checked.warnings : null;
  const busy = reply.isPending || apply.isPending;
  const internal = visibility === 'internal';
  const fromCustomer = visibility === 'customer';
  const conflict = reply.error instanceof ApiError && reply.error.code === 'CONFLICT';
  return (
    <Paper withBorder radius="md" p="sm" component="section" aria-label={t('service.composer.label')} data-testid="composer" bg={internal ? (dark ? 'rgba(250, 176, 5, 0.08)' : 'var(--mantine-color-yellow-0)') : undefined}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <SegmentedControl
            size="xs"
            value={visibility}
            onChange={(v) => setVisibility(v as 'public' | 'internal' | 'customer')}
            data={[
              { value: 'public', label: t('service.composer.public') },
              { value: 'internal', label: t('service.composer.internal') },
              { value: 'customer', label: t('service.composer.customerSaid') },
            ]}
            data-testid="composer-visibility"
          />
          <Group gap="xs" wrap="wrap">
            <MacroPicker onPick={pickMacro} disabled={busy} />
            <Button size="xs" variant={showKb ? 'light' : 'default'} leftSection={<IconBook size={14} />} onClick={() => setShowKb((o) => !o)} aria-expanded={showKb} data-testid="kb-toggle">
              {t('service.kb.button')}
            </Button>
            <Button size="xs" variant={showFiles ? 'light' : 'default'} leftSection={<IconPaperclip size={14} />} onClick={() => setShowFiles((o) => !o)} aria-expanded={showFiles} data-testid="attachments-toggle">
              {attachments.length ? t('service.composer.attachmentsCount', { count: attachments.length }) : t('service.composer.attach')}
            </Button>
          </Group>
        </Group>
        <Collapse expanded={showKb}>
          {showKb && <KbPanel onInsert={(text) => { setBody((current) => (current.trim() ? `${current.trimEnd()}\n\n${text}` : text)); textareaRef.current?.focus(); }} />}
        </Collapse>
        <Textarea
          ref={textareaRef}
          aria-label={internal ? t('service.composer.noteLabel') : fromCustomer ? t('service.composer.customerLabel') : t('service.composer.replyLabel')}
          placeholder={internal ? t('service.composer.notePlaceholder') : fromCustomer ? t('service.composer.customerPlaceholder') : t('service.composer.replyPlaceholder')}
          autosize
          minRows={4}
          maxRows={14}
          maxLength={20_000}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              send();
            }
          }}
          data-testid="composer-body"
        />
        {macro && <MacroActionsNote actions={macro.actions} />}
        {warnings && <VariableWarning warnings={warnings} />}
        <Collapse expanded={showFiles}>
          <AttachmentsEditor value={attachments} onChange={setAttachments} />
        </Collapse>
        {apply.isError && <Alert color="red" variant="light" role="alert">{refusalSentence(t, apply.error)}</Alert>}
        {reply.isError && (
          <Alert color={conflict ? 'orange' : 'red'} variant="light" role="alert" data-testid="composer-error">
            {conflict ? t('service.composer.conflict') : refusalSentence(t, reply.error)}
          </Alert>
        )}
        <Group justify="space-between" wrap="wrap">
          <Text size="xs" c="dimmed">{staff ? t('service.composer.hint', { name: staff.name }) : t('service.noStaff')}</Text>
          <Group gap="xs">
            {!internal && !fromCustomer && (
              <Button variant="default" leftSection={<IconCheck size={16} />} onClick={() => send('solved')} disabled={!body.trim() || !staff} loading={busy} data-testid="composer-send-solve">
                {warnings ? t('service.composer.sendSolveAnyway') : t('service.composer.sendSolve')}
              </Button>
            )}
            <Button leftSection={<IconSend size={16} />} onClick={() => send()} disabled={!body.trim() || !staff} loading={busy} color={warnings ? 'orange' : undefined} data-testid="composer-send">
              {internal ? t('service.composer.addNote') : fromCustomer ? t('service.composer.logCustomer') : warnings ? t('service.composer.sendAnyway') : t('service.composer.send')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
}

/** What sending this macro also does: "Also sets status to Solved and adds the tag refund". */
function MacroActionsNote({ actions }: { actions: MacroActions }) {
  const t = useT();
  const parts = [
    actions.status && t('service.composer.macroSetsStatus', { status: statusLabel(t, actions.status) }),
    actions.priority && t('service.composer.macroSetsPriority', { priority: priorityLabel(t, actions.priority) }),
    actions.addTags?.length && t('service.composer.macroAddsTags', { tags: actions.addTags.join(', ') }),
  ].filter(Boolean);
  if (parts.length === 0) return null;
  return <Text size="xs" c="dimmed" data-testid="macro-actions">{t('service.composer.macroAlso', { actions: parts.join(' · ') })}</Text>;
}
