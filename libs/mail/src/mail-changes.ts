import type { ProgrammeChange } from '@fachtag/events';

/** A workshop as a change names it, stored when it happened: a later rename or removal cannot lose it. */
export interface NamedWorkshop {
  id: string;
  number: number;
  title: string;
}

/**
 * One change a participant is told about in a coalesced change mail: the
 * organizer's (time, room, venue) or the participant's own (workshops, details).
 * Stored as JSON in `mail_changes` in the change's transaction.
 */
export type MailChange =
  | ProgrammeChange
  | { type: 'workshops'; dropped: NamedWorkshop[]; added: NamedWorkshop[] }
  | { type: 'details' };

/** True for changes the participant made themselves (their mail is "Anmeldung geändert"). */
export function isOwnChange(change: MailChange): boolean {
  return change.type === 'workshops' || change.type === 'details';
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The changes of one mail, oldest first, merged: per time, room or venue the
 * first old value and the last new one (dropped when they are equal again, or
 * when it is about a workshop the participant left); workshops dropped and not
 * chosen again, added and still chosen; details once.
 * `chosen` are the workshop ids the registration holds when the mail is sent.
 */
export function mergeChanges(
  changes: readonly MailChange[],
  chosen: readonly string[],
): MailChange[] {
  const holds = new Set(chosen);
  const merged: MailChange[] = [];
  const byTarget = new Map<string, MailChange & { from: unknown; to: unknown }>();
  const dropped = new Map<string, NamedWorkshop>();
  const added = new Map<string, NamedWorkshop>();
  const addedHere = new Set<string>();
  const droppedHere = new Set<string>();
  let details = false;
  for (const change of changes) {
    switch (change.type) {
      case 'workshops':
        for (const w of change.dropped) {
          droppedHere.add(w.id);
          added.delete(w.id);
          // added and dropped again before any mail told it: nothing to tell
          if (!holds.has(w.id) && !addedHere.has(w.id)) dropped.set(w.id, w);
        }
        for (const w of change.added) {
          addedHere.add(w.id);
          dropped.delete(w.id);
          // dropped and chosen again: held before and after, nothing new
          if (holds.has(w.id) && !droppedHere.has(w.id)) added.set(w.id, w);
        }
        break;
      case 'details':
        details = true;
        break;
      default: {
        const key = `${change.type}:${change.target}`;
        const earlier = byTarget.get(key);
        if (earlier) {
          earlier.to = change.to;
        } else {
          const copy = { ...change } as MailChange & { from: unknown; to: unknown };
          byTarget.set(key, copy);
          merged.push(copy);
        }
      }
    }
  }
  // a workshop the participant left: its new room is no longer theirs to know
  const result = merged.filter(
    (c) => 'from' in c && !sameJson(c.from, c.to) && !dropped.has(c.target),
  );
  if (dropped.size || added.size) {
    result.push({ type: 'workshops', dropped: [...dropped.values()], added: [...added.values()] });
  }
  if (details) result.push({ type: 'details' });
  return result;
}
