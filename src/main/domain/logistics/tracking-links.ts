/**
 * The carrier's public tracking page for a parcel. The platform's own link wins
 * (it knows the carrier's exact service); otherwise a link is built from the
 * carrier's name and the tracking number for the carriers merchants use most,
 * and anything else gets none rather than a guess that leads nowhere.
 */
type LinkBuilder = (trackingNumber: string) => string;

const enc = encodeURIComponent;

/** Keyed by the carrier's name folded to lower-case letters and digits ("Royal Mail", "royal-mail" → "royalmail"). */
const CARRIER_LINKS: Record<string, LinkBuilder> = {
  ups: (n) => `https://www.ups.com/track?tracknum=${enc(n)}`,
  usps: (n) => `https://tools.usps.com/go/TrackConfirmAction?tLabels=${enc(n)}`,
  fedex: (n) => `https://www.fedex.com/fedextrack/?trknbr=${enc(n)}`,
  dhl: (n) => `https://www.dhl.com/global-en/home/tracking.html?tracking-id=${enc(n)}&submit=1`,
  royalmail: (n) => `https://www.royalmail.com/track-your-item#/tracking-results/${enc(n)}`,
  canadapost: (n) => `https://www.canadapost-postescanada.ca/track-reperage/en#/search?searchFor=${enc(n)}`,
  purolator: (n) => `https://www.purolator.com/en/shipping/tracker?pin=${enc(n)}`,
  australiapost: (n) => `https://auspost.com.au/mypost/track/details/${enc(n)}`,
  nzpost: (n) => `https://www.nzpost.co.nz/tools/tracking/item/${enc(n)}`,
  anpost: (n) => `https://www.anpost.com/Post-Parcels/Track/History?item=${enc(n)}`,
  chinapost: (n) => `https://www.ems.com.cn/qps/yjcx?mailNum=${enc(n)}`,
  sfexpress: (n) => `https://www.sf-express.com/chn/en/waybill/waybill-detail/${enc(n)}`,
  yunexpress: (n) => `https://www.yuntrack.com/parcelTracking?id=${enc(n)}`,
  '4px': (n) => `https://track.4px.com/#/result/0/${enc(n)}`,
};

/** Other names and AfterShip slugs the same carriers go by. */
const ALIASES: Record<string, string> = {
  unitedparcelservice: 'ups',
  unitedstatespostalservice: 'usps',
  federalexpress: 'fedex',
  dhlexpress: 'dhl',
  dhlparcel: 'dhl',
  dhlecommerce: 'dhl',
  dhlglobalmail: 'dhl',
  auspost: 'australiapost',
  newzealandpost: 'nzpost',
  postescanada: 'canadapost',
  chinaems: 'chinapost',
  ems: 'chinapost',
  chinapostems: 'chinapost',
  sf: 'sfexpress',
  sfexpresscn: 'sfexpress',
  yunexpresstracking: 'yunexpress',
  fourpx: '4px',
  '4pxexpress': '4px',
};

export function carrierKey(carrier: string): string {
  const folded = carrier.toLowerCase().replace(/[^a-z0-9]/g, '');
  return ALIASES[folded] ?? folded;
}

/** True when a link can be built for this carrier (for tests and the UI's hints). */
export function knowsCarrier(carrier: string): boolean {
  return carrierKey(carrier) in CARRIER_LINKS;
}

export function trackingUrlFor(platformUrl: string | null, carrier: string, trackingNumber: string | null): string | null {
  // Only web links are handed to the UI: a stored value that is not one is ignored.
  if (platformUrl && /^https?:\/\//i.test(platformUrl)) return platformUrl;
  const number = trackingNumber?.trim();
  if (!number) return null;
  const build = CARRIER_LINKS[carrierKey(carrier)];
  return build ? build(number) : null;
}
