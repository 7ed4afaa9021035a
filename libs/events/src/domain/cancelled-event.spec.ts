import { describe, expect, it } from '@jest/globals';
import { InvalidInputError } from '@fachtag/common';
import {
  assertCancelledChangesTextsOnly,
  assertNotCancelled,
  CANCELLED_EVENT_TEXTS,
} from './cancelled-event.js';

function refusal(fn: () => void): InvalidInputError | null {
  try {
    fn();
    return null;
  } catch (error) {
    if (error instanceof InvalidInputError) return error;
    throw error;
  }
}

describe('CANCELLED_EVENT_TEXTS', () => {
  it('lists the texts of an event, an agenda item and a workshop', () => {
    expect(CANCELLED_EVENT_TEXTS).toEqual({
      event: ['title', 'subtitle', 'description', 'costNote', 'organizerName', 'contactEmail'],
      item: ['title', 'subtitle', 'description', 'speakers'],
      workshop: ['title', 'subtitle', 'description', 'hosts'],
    });
  });
});

describe('assertCancelledChangesTextsOnly', () => {
  const before = {
    title: 'Transferforum',
    capacity: 120,
    venue: { name: 'KOMED', city: 'Köln' },
    subtitle: null,
  };
  const texts = CANCELLED_EVENT_TEXTS.event;
  const check = (status: string, after: object) =>
    refusal(() => assertCancelledChangesTextsOnly(status, before, after, texts));

  it('lets a cancelled event change its texts', () => {
    expect(check('CANCELLED', { ...before, title: 'Transferforum (abgesagt)' })).toBeNull();
  });

  it('lets every field be sent unchanged, also objects in another key order and null for absent', () => {
    expect(
      check('CANCELLED', {
        ...before,
        venue: { name: 'KOMED', city: 'Köln' },
        subtitle: undefined,
      }),
    ).toBeNull();
  });

  it('refuses any other change of a cancelled event, naming the first changed field and all of them', () => {
    const error = check('CANCELLED', {
      ...before,
      title: 'neu',
      capacity: 100,
      venue: { name: 'KOMED', city: 'Bonn' },
    });
    expect(error?.field).toEqual(['capacity']);
    expect(error!.message).toContain('capacity, venue');
    expect(error!.message).toContain(texts.join(', '));
  });

  it('lets events that are not cancelled change anything', () => {
    for (const status of ['DRAFT', 'PUBLISHED']) {
      expect(check(status, { ...before, capacity: 5 })).toBeNull();
    }
  });
});

describe('assertNotCancelled', () => {
  it('refuses adding or removing programme once the event is cancelled, naming the field', () => {
    const error = refusal(() => assertNotCancelled('CANCELLED', 'phaseId'));
    expect(error?.field).toEqual(['phaseId']);
    expect(error?.text.key).toBe('event.cancelledProgramme');
    expect(refusal(() => assertNotCancelled('PUBLISHED', 'phaseId'))).toBeNull();
    expect(refusal(() => assertNotCancelled('DRAFT', 'phaseId'))).toBeNull();
  });
});
