/**
 * A carrier's public tracking page for a tracking number. Marketplaces usually
 * send the link with the shipment (shipments.tracking_url); this builds one for
 * the carriers the shop ships with when they did not.
 */
const TRACKING_PAGES: Record<string, (number: string) => string> = {
  'usps': (n) => `https://tools.usps.com/go/TrackConfirmAction?tLabels=${n}`,
  'ups': (n) => `https://www.ups.com/track?tracknum=${n}`,
  'fedex': (n) => `https://www.fedex.com/fedextrack/?trknbr=${n}`,
  'canada post': (n) => `https://www.canadapost-postescanada.ca/track-reperage/en#/search?searchFor=${n}`,
  'purolator': (n) => `https://www.purolator.com/en/shipping/tracker?pin=${n}`,
  'royal mail': (n) => `https://www.royalmail.com/track-your-item#/tracking-results/${n}`,
  'dhl': (n) => `https://www.dhl.com/global-en/home/tracking/tracking-express.html?submit=1&tracking-id=${n}`,
  'australia post': (n) => `https://auspost.com.au/mypost/track/details/${n}`,
  'an post': (n) => `https://www.anpost.com/Post-Parcels/Track/History?item=${n}`,
  'nz post': (n) => `https://www.nzpost.co.nz/tools/tracking?trackid=${n}`,
};

export function trackingLink(carrier: string, trackingNumber: string | null, storedUrl: string | null): string | null {
  if (storedUrl) return storedUrl;
  if (!trackingNumber) return null;
  const page = TRACKING_PAGES[carrier.trim().toLowerCase()];
  return page ? page(encodeURIComponent(trackingNumber)) : null;
}
