import type BetterSqlite3 from 'better-sqlite3';
import { isoAt } from './time';

const TEAM = [
  { name: 'Maya Tremblay', email: 'maya@mapleandmoss.example', role: 'owner', capacity: 10 },
  { name: 'Jonas Becker', email: 'jonas@mapleandmoss.example', role: 'manager', capacity: 15 },
  { name: 'Priya Raman', email: 'priya@mapleandmoss.example', role: 'agent', capacity: 25 },
  { name: 'Leo Gagnon', email: 'leo@mapleandmoss.example', role: 'agent', capacity: 25 },
  { name: 'Aisha Mensah', email: 'aisha@mapleandmoss.example', role: 'agent', capacity: 20 },
  { name: 'Sam Ortiz', email: 'sam@mapleandmoss.example', role: 'agent', capacity: 20, active: 0 },
] as const;

/**
 * The shop's team. Staff are not per store in the schema (and their e-mails are
 * unique), so an existing team is reused. Returns the active people who answer tickets.
 */
export function ensureStaff(sqlite: BetterSqlite3.Database, sinceMs: number): number[] {
  const existing = sqlite.prepare('SELECT id FROM staff WHERE active = 1 ORDER BY id').pluck().all() as number[];
  if (existing.length > 0) return existing;
  const insert = sqlite.prepare(
    'INSERT INTO staff (name, email, role, capacity, active, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const active: number[] = [];
  for (const person of TEAM) {
    const isActive = 'active' in person ? person.active : 1;
    const { lastInsertRowid } = insert.run(person.name, person.email, person.role, person.capacity, isActive, isoAt(sinceMs));
    if (isActive) active.push(Number(lastInsertRowid));
  }
  return active;
}
