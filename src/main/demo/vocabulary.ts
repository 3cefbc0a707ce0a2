import { WeightedPicker } from './random';

/** Word lists for the demo store. Everything fictional; e-mail domains are the reserved example ones. */

export const FIRST_NAMES = [
  'Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Lucas', 'Sophia', 'Ethan', 'Mia', 'Leo', 'Chloe',
  'Owen', 'Grace', 'Jack', 'Zoe', 'Henry', 'Lily', 'Samuel', 'Nora', 'Daniel', 'Hannah',
  'Mateo', 'Aria', 'Wei', 'Mei', 'Hiro', 'Yuki', 'Priya', 'Arjun', 'Fatima', 'Omar', 'Amara',
  'Kofi', 'Elena', 'Marco', 'Sofia', 'Lena', 'Jonas', 'Chiara', 'Camille', 'Louis', 'Freya',
  'Isla', 'Finn', 'Maya', 'Gabriel', 'Rosa', 'Theo', 'Ingrid', 'Sven', 'Aisha', 'Diego',
];

export const LAST_NAMES = [
  'Smith', 'Tremblay', 'Nguyen', 'Martin', 'Brown', 'Roy', 'Wilson', 'Garcia', 'Chen', 'Patel',
  'Kim', 'Singh', 'Lee', 'Taylor', 'Anderson', 'Thompson', 'Gagnon', 'Wang', 'Li', 'Murphy',
  'Kelly', 'Rossi', 'Müller', 'Schmidt', 'Dubois', 'Bernard', 'Jansen', 'de Vries', 'Okafor',
  'Mensah', 'Haddad', 'Cohen', 'Silva', 'Santos', 'Lopez', 'Hernandez', 'Walker', 'Clarke',
  'Hughes', 'Campbell', "O'Brien", 'Sato', 'Tanaka', 'Nakamura', 'Larsen', 'Novak', 'Kowalski',
];

export const EMAIL_DOMAINS = ['example.com', 'example.net', 'example.org'];

export interface Place {
  region: string;
  city: string;
}

export interface Country {
  code: string;
  /** Share of customers; North America dominates a small Canadian-American shop. */
  weight: number;
  /** Sales tax / VAT the shop collects on goods, in basis points. */
  taxBasisPoints: number;
  /** Flat shipping in minor units, and the order subtotal above which it is free. */
  shippingMinor: number;
  freeShippingOverMinor: number;
  /** Carrier transit days (min, max) from the warehouse in Ontario. */
  transitDays: readonly [number, number];
  carriers: readonly string[];
  places: readonly Place[];
}

const p = (region: string, city: string): Place => ({ region, city });

export const COUNTRIES: readonly Country[] = [
  {
    code: 'US', weight: 50, taxBasisPoints: 700, shippingMinor: 795, freeShippingOverMinor: 7500,
    transitDays: [3, 6], carriers: ['USPS', 'UPS', 'FedEx'],
    places: [p('NY', 'New York'), p('CA', 'Los Angeles'), p('CA', 'San Francisco'), p('TX', 'Austin'),
      p('WA', 'Seattle'), p('IL', 'Chicago'), p('MA', 'Boston'), p('CO', 'Denver'), p('OR', 'Portland'),
      p('GA', 'Atlanta'), p('MN', 'Minneapolis'), p('VT', 'Burlington')],
  },
  {
    code: 'CA', weight: 22, taxBasisPoints: 1300, shippingMinor: 595, freeShippingOverMinor: 7500,
    transitDays: [1, 4], carriers: ['Canada Post', 'Purolator', 'UPS'],
    places: [p('ON', 'Toronto'), p('ON', 'Ottawa'), p('QC', 'Montréal'), p('BC', 'Vancouver'),
      p('AB', 'Calgary'), p('NS', 'Halifax'), p('MB', 'Winnipeg')],
  },
  {
    code: 'GB', weight: 9, taxBasisPoints: 2000, shippingMinor: 1495, freeShippingOverMinor: 15000,
    transitDays: [5, 10], carriers: ['Royal Mail', 'DHL'],
    places: [p('England', 'London'), p('England', 'Manchester'), p('England', 'Bristol'),
      p('Scotland', 'Edinburgh'), p('Wales', 'Cardiff')],
  },
  {
    code: 'AU', weight: 6, taxBasisPoints: 1000, shippingMinor: 1995, freeShippingOverMinor: 15000,
    transitDays: [7, 14], carriers: ['Australia Post', 'DHL'],
    places: [p('NSW', 'Sydney'), p('VIC', 'Melbourne'), p('QLD', 'Brisbane')],
  },
  {
    code: 'DE', weight: 5, taxBasisPoints: 1900, shippingMinor: 1495, freeShippingOverMinor: 15000,
    transitDays: [6, 11], carriers: ['DHL', 'UPS'],
    places: [p('BE', 'Berlin'), p('BY', 'München'), p('HH', 'Hamburg')],
  },
  {
    code: 'FR', weight: 4, taxBasisPoints: 2000, shippingMinor: 1495, freeShippingOverMinor: 15000,
    transitDays: [6, 11], carriers: ['DHL', 'UPS'],
    places: [p('IDF', 'Paris'), p('ARA', 'Lyon'), p('PAC', 'Marseille')],
  },
  {
    code: 'NL', weight: 2, taxBasisPoints: 2100, shippingMinor: 1495, freeShippingOverMinor: 15000,
    transitDays: [6, 10], carriers: ['DHL'],
    places: [p('NH', 'Amsterdam'), p('ZH', 'Rotterdam')],
  },
  {
    code: 'IE', weight: 1, taxBasisPoints: 2300, shippingMinor: 1495, freeShippingOverMinor: 15000,
    transitDays: [6, 10], carriers: ['DHL', 'An Post'],
    places: [p('D', 'Dublin'), p('CO', 'Cork')],
  },
  {
    code: 'NZ', weight: 1, taxBasisPoints: 1500, shippingMinor: 1995, freeShippingOverMinor: 15000,
    transitDays: [8, 15], carriers: ['NZ Post', 'DHL'],
    places: [p('AUK', 'Auckland'), p('WGN', 'Wellington')],
  },
];

export const COUNTRY_PICKER = new WeightedPicker(COUNTRIES, COUNTRIES.map((c) => c.weight));

export const CARRIER_SERVICES = ['Ground', 'Priority', 'Express', 'Standard', 'Tracked'];

/** Closed list of country codes, for columns bound as codes (see bulk-insert.ts). */
export const COUNTRY_CODES = COUNTRIES.map((c) => c.code);
