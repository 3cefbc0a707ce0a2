/**
 * AfterShip's delivery status taxonomy: the tags and the subtags this server
 * uses, each with AfterShip's normalized message (subtag_message). A subset of
 * the documented list: enough for every tag and the common subtags.
 */
export const TAGS = ['Pending', 'InfoReceived', 'InTransit', 'OutForDelivery', 'AttemptFail', 'Delivered',
  'AvailableForPickup', 'Exception', 'Expired'] as const;
export type Tag = (typeof TAGS)[number];

export const SUBTAGS: Record<string, string> = {
  Pending_001: 'No information yet',
  Pending_002: 'Tracking number not yet activated',
  InfoReceived_001: 'Info received',
  InTransit_001: 'In transit',
  InTransit_002: 'Acceptance scan',
  InTransit_003: 'Arrival scan',
  InTransit_004: 'Arrived at the destination country',
  InTransit_005: 'Customs clearance completed',
  InTransit_006: 'Customs clearance started',
  InTransit_007: 'Departure scan',
  OutForDelivery_001: 'Out for delivery',
  OutForDelivery_003: 'Customer contacted',
  AttemptFail_001: 'Failed attempt',
  AttemptFail_002: 'Addressee not available',
  AttemptFail_003: 'Business closed',
  Delivered_001: 'Delivered',
  Delivered_002: 'Picked up by the customer',
  Delivered_003: 'Signed by customer',
  AvailableForPickup_001: 'Available for pickup',
  Exception_001: 'Exception',
  Exception_004: 'Delayed (Customs clearance)',
  Exception_006: 'Delayed (Weather)',
  Exception_007: 'Package damaged',
  Exception_010: 'Returning to sender',
  Exception_011: 'Returned to sender',
  Expired_001: 'Expired',
};

/** The subtag must belong to its tag (InTransit_003 is an InTransit subtag). */
export function checkSubtag(tag: Tag, subtag: string): void {
  if (!subtag.startsWith(`${tag}_`) || !(subtag in SUBTAGS)) {
    throw new Error(`aftership-server: ${subtag} is not a known subtag of ${tag}`);
  }
}
