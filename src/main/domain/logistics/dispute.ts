import type { ParsedInputOf } from '../../../shared/contract';
import type { ShipmentDetail } from '../../../shared/contract/logistics';
import { AppError } from '../../../shared/errors';
import type { Sqlite } from '../../db/connection';
import { recordAudit } from '../audit/log';
import { requireActiveStaff } from '../orders/staff';
import { loadShipmentDetail } from './detail';

/**
 * `shipments.dispute`: the customer says a delivered parcel never came (or the
 * matter is settled). Local-only, never sent to the marketplace; the change and
 * its audit entry commit together.
 */
export function disputeShipment(sqlite: Sqlite, input: ParsedInputOf<'shipments.dispute'>, now: Date): ShipmentDetail {
  return sqlite.transaction((): ShipmentDetail => {
    requireActiveStaff(sqlite, input.staffId);
    const shipment = sqlite
      .prepare<[number], { status: string; disputedAt: string | null; disputedNote: string | null; trackingNumber: string | null }>(
        `SELECT status, disputed_at AS disputedAt, disputed_note AS disputedNote, tracking_number AS trackingNumber
           FROM shipments WHERE id = ?`,
      )
      .get(input.id);
    if (!shipment) throw new AppError('NOT_FOUND', `There is no shipment with id ${input.id}.`);
    const note = input.note || null;
    if (input.disputed) {
      if (shipment.status !== 'Delivered') {
        throw new AppError('VALIDATION',
          'Only a parcel the carrier reports as delivered can be disputed; a parcel still on its way shows in the exceptions queue by itself.');
      }
      if (shipment.disputedAt !== null && note === shipment.disputedNote) return loadShipmentDetail(sqlite, input.id);
      // A second report keeps the first date (the customer has waited since then) and takes the new note.
      const at = shipment.disputedAt ?? now.toISOString();
      sqlite.prepare('UPDATE shipments SET disputed_at = ?, disputed_note = ?, updated_at = ? WHERE id = ?')
        .run(at, note, now.toISOString(), input.id);
    } else {
      if (shipment.disputedAt === null) {
        throw new AppError('CONFLICT', 'This shipment is not disputed, so there is nothing to resolve.');
      }
      sqlite.prepare('UPDATE shipments SET disputed_at = NULL, disputed_note = ?, updated_at = ? WHERE id = ?')
        .run(note ?? shipment.disputedNote, now.toISOString(), input.id);
    }
    recordAudit(sqlite, {
      at: now, staffId: input.staffId, entityType: 'shipment', entityId: input.id,
      action: input.disputed ? 'shipment.dispute' : 'shipment.dispute.resolve',
      detail: { note, previousNote: shipment.disputedNote, wasDisputedAt: shipment.disputedAt },
    });
    return loadShipmentDetail(sqlite, input.id);
  })();
}
