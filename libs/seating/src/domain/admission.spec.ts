import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { admission, premiseHolds, type AdmissionInput } from './admission.js';
import type { WorkshopSeats } from './promotion.js';

const NOW = new Date('2027-05-01T12:00:00Z');
const OPENS = new Date('2027-04-01T00:00:00Z');
const CLOSES = new Date('2027-05-23T21:59:00Z');

function input(over: Partial<AdmissionInput> = {}, event: Partial<AdmissionInput['event']> = {}) {
  return {
    event: {
      status: 'PUBLISHED' as const,
      registrationOpensAt: OPENS,
      registrationClosesAt: CLOSES,
      capacity: 10,
      seatsTaken: 3,
      waitlistEnabled: true,
      ...event,
    },
    waiting: 0,
    alreadyRegistered: false,
    workshops: [workshop('b', 5, 1), workshop('a', 5, 4)],
    now: NOW,
    ...over,
  };
}

function workshop(id: string, capacity: number, seatsTaken: number): WorkshopSeats {
  return { id, phaseId: `phase-${id}`, number: 1, capacity, seatsTaken };
}

describe('admission', () => {
  it('confirms inside the window with event and workshop seats, nobody waiting', () => {
    const a = admission(input());
    expect(a.kind).toBe('CONFIRMED');
    if (a.kind !== 'CONFIRMED') return;
    expect(a.premise).toEqual({
      validUntil: CLOSES.getTime() + 1,
      eventSeatsTaken: { min: 0, max: 9 },
      waiting: { min: 0, max: 0 },
      workshopSeatsTaken: [
        { id: 'a', max: 4 },
        { id: 'b', max: 4 },
      ],
    });
  });

  it('refuses outside the window, first of all', () => {
    expect(admission(input({ alreadyRegistered: true }, { status: 'DRAFT' }))).toEqual({
      kind: 'REFUSED',
      refusal: { kind: 'NOT_PUBLISHED' },
    });
    expect(admission(input({ now: new Date(CLOSES.getTime() + 1) }))).toEqual({
      kind: 'REFUSED',
      refusal: { kind: 'CLOSED', closedAt: CLOSES },
    });
    expect(admission(input({ now: new Date(OPENS.getTime() - 1) }))).toEqual({
      kind: 'REFUSED',
      refusal: { kind: 'NOT_OPEN', opensAt: OPENS },
    });
    // the cutoff instant itself still counts
    expect(admission(input({ now: CLOSES })).kind).toBe('CONFIRMED');
  });

  it('tells someone already registered so, also when the event is full', () => {
    expect(admission(input({ alreadyRegistered: true }, { seatsTaken: 10 }))).toEqual({
      kind: 'REFUSED',
      refusal: { kind: 'ALREADY_REGISTERED' },
    });
  });

  it('queues a newcomer behind the waiting list even when a seat is free', () => {
    const a = admission(input({ waiting: 1 }));
    expect(a.kind).toBe('WAITLISTED');
    if (a.kind === 'WAITLISTED') expect(a.premise.waiting).toEqual({ min: 1, max: null });
  });

  it('waitlists on a full event with a waiting list, refuses without one', () => {
    const a = admission(input({}, { seatsTaken: 10 }));
    expect(a.kind).toBe('WAITLISTED');
    if (a.kind === 'WAITLISTED') expect(a.premise.eventSeatsTaken).toEqual({ min: 10, max: null });
    expect(admission(input({}, { seatsTaken: 10, waitlistEnabled: false }))).toEqual({
      kind: 'REFUSED',
      refusal: { kind: 'EVENT_FULL' },
    });
    expect(admission(input({ waiting: 2 }, { waitlistEnabled: false }))).toEqual({
      kind: 'REFUSED',
      refusal: { kind: 'EVENT_FULL' },
    });
  });

  it('refuses with the first full workshop by id; waiting wishes need no seat', () => {
    const workshops = [workshop('c', 2, 2), workshop('b', 2, 2), workshop('a', 2, 1)];
    expect(admission(input({ workshops }))).toEqual({
      kind: 'REFUSED',
      refusal: { kind: 'WORKSHOP_FULL', workshopId: 'b' },
    });
    expect(admission(input({ workshops, waiting: 1 })).kind).toBe('WAITLISTED');
  });

  it('never fills an event without a limit', () => {
    const a = admission(input({}, { capacity: null, seatsTaken: 100_000 }));
    expect(a.kind).toBe('CONFIRMED');
    if (a.kind === 'CONFIRMED') expect(a.premise.eventSeatsTaken.max).toBeNull();
  });
});

const arbWorkshops = fc
  .uniqueArray(fc.constantFrom('w1', 'w2', 'w3', 'w4'), { maxLength: 3 })
  .chain((ids) =>
    fc.tuple(
      ...ids.map((id) =>
        fc
          .integer({ min: 1, max: 6 })
          .chain((capacity) =>
            fc
              .integer({ min: 0, max: capacity })
              .map((seatsTaken) => workshop(id, capacity, seatsTaken)),
          ),
      ),
    ),
  );

const arbInput: fc.Arbitrary<AdmissionInput> = fc
  .record({
    status: fc.constantFrom('DRAFT' as const, 'PUBLISHED' as const, 'CANCELLED' as const),
    capacity: fc.option(fc.integer({ min: 0, max: 8 }), { nil: null }),
    seatsTaken: fc.integer({ min: 0, max: 8 }),
    waitlistEnabled: fc.boolean(),
    waiting: fc.integer({ min: 0, max: 3 }),
    alreadyRegistered: fc.boolean(),
    workshops: arbWorkshops,
    // around the opening, inside, and around the cutoff
    now: fc.constantFrom(
      OPENS.getTime() - 1,
      OPENS.getTime(),
      NOW.getTime(),
      CLOSES.getTime(),
      CLOSES.getTime() + 1,
    ),
  })
  .map((r) => ({
    event: {
      status: r.status,
      registrationOpensAt: OPENS,
      registrationClosesAt: CLOSES,
      cancelledAt: null,
      capacity: r.capacity,
      seatsTaken: r.capacity === null ? r.seatsTaken : Math.min(r.seatsTaken, r.capacity),
      waitlistEnabled: r.waitlistEnabled,
    },
    waiting: r.waiting,
    alreadyRegistered: r.alreadyRegistered,
    workshops: r.workshops,
    now: new Date(r.now),
  }));

describe('admission, properties', () => {
  it('confirms exactly when window, address, waiting list and every seat allow it', () => {
    fc.assert(
      fc.property(arbInput, (i) => {
        const open =
          i.event.status === 'PUBLISHED' &&
          i.now.getTime() >= OPENS.getTime() &&
          i.now.getTime() <= CLOSES.getTime();
        const eventSeat = i.event.capacity === null || i.event.seatsTaken < i.event.capacity;
        const workshopSeats = i.workshops.every((w) => w.seatsTaken < w.capacity);
        const confirmed =
          open && !i.alreadyRegistered && i.waiting === 0 && eventSeat && workshopSeats;
        expect(admission(i).kind === 'CONFIRMED').toBe(confirmed);
      }),
    );
  });

  it('waitlists only inside the window, with the waiting list enabled, when no seat is free for a newcomer', () => {
    fc.assert(
      fc.property(arbInput, (i) => {
        if (admission(i).kind !== 'WAITLISTED') return;
        expect(i.event.status).toBe('PUBLISHED');
        expect(i.event.waitlistEnabled).toBe(true);
        expect(i.alreadyRegistered).toBe(false);
        const eventSeat = i.event.capacity === null || i.event.seatsTaken < i.event.capacity;
        expect(i.waiting > 0 || !eventSeat).toBe(true);
      }),
    );
  });

  it('gives the same decision for every state within its premise', () => {
    const arbOther = fc.record({
      seatsTaken: fc.integer({ min: 0, max: 8 }),
      waiting: fc.integer({ min: 0, max: 3 }),
      workshopSeats: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 4, maxLength: 4 }),
      later: fc.integer({ min: 0, max: 60_000 }),
    });
    fc.assert(
      fc.property(arbInput, arbOther, (i, o) => {
        const first = admission(i);
        if (first.kind === 'REFUSED') return;
        const now = new Date(i.now.getTime() + o.later);
        const workshops = i.workshops.map((w, n) => ({
          ...w,
          seatsTaken: Math.min(o.workshopSeats[n], w.capacity),
        }));
        const seatsTaken =
          i.event.capacity === null ? o.seatsTaken : Math.min(o.seatsTaken, i.event.capacity);
        const state = {
          now: now.getTime(),
          eventSeatsTaken: seatsTaken,
          waiting: o.waiting,
          workshops,
        };
        if (!premiseHolds(first.premise, state)) return;
        const again = admission({
          ...i,
          event: { ...i.event, seatsTaken },
          waiting: o.waiting,
          workshops,
          now,
        });
        expect(again.kind).toBe(first.kind);
      }),
    );
  });

  it('holds its premise on the state it was decided on', () => {
    fc.assert(
      fc.property(arbInput, (i) => {
        const a = admission(i);
        if (a.kind === 'REFUSED') return;
        const state = {
          now: i.now.getTime(),
          eventSeatsTaken: i.event.seatsTaken,
          waiting: i.waiting,
          workshops: i.workshops,
        };
        expect(premiseHolds(a.premise, state)).toBe(true);
      }),
    );
  });
});

describe('admission, workshops in order of id', () => {
  const orders = [
    ['c', 'a', 'b'],
    ['b', 'c', 'a'],
    ['a', 'b', 'c'],
    ['c', 'b', 'a'],
  ];

  it.each(orders)('lists the premise of %s, %s, %s by id', (...ids) => {
    const a = admission(input({ workshops: ids.map((id) => workshop(id, 5, 1)) }));
    if (a.kind !== 'CONFIRMED') throw new Error(`expected CONFIRMED, got ${a.kind}`);
    expect(a.premise.workshopSeatsTaken.map((w) => w.id)).toEqual([...ids].sort());
  });

  it.each(orders)('refuses %s, %s, %s (all full) naming the smallest id', (...ids) => {
    const a = admission(input({ workshops: ids.map((id) => workshop(id, 5, 5)) }));
    expect(a).toEqual({ kind: 'REFUSED', refusal: { kind: 'WORKSHOP_FULL', workshopId: 'a' } });
  });
});

describe('premiseHolds', () => {
  const premise = {
    validUntil: 1_000,
    eventSeatsTaken: { min: 2, max: 5 },
    waiting: { min: 0, max: 0 },
    workshopSeatsTaken: [{ id: 'a', max: 3 }],
  };
  const state = {
    now: 999,
    eventSeatsTaken: 2,
    waiting: 0,
    workshops: [workshop('b', 9, 9), workshop('a', 5, 3)],
  };

  it('holds inside every bound, the bounds included', () => {
    expect(premiseHolds(premise, state)).toBe(true);
    expect(premiseHolds(premise, { ...state, eventSeatsTaken: 5 })).toBe(true);
    expect(
      premiseHolds(
        { ...premise, eventSeatsTaken: { min: 2, max: null } },
        { ...state, eventSeatsTaken: 500 },
      ),
    ).toBe(true);
  });

  it('fails at the moment the decision expires', () => {
    expect(premiseHolds(premise, { ...state, now: 1_000 })).toBe(false);
  });

  it('fails below a minimum and above a maximum, each bound on its own', () => {
    expect(premiseHolds(premise, { ...state, eventSeatsTaken: 1 })).toBe(false);
    expect(premiseHolds(premise, { ...state, eventSeatsTaken: 6 })).toBe(false);
    expect(premiseHolds(premise, { ...state, waiting: 1 })).toBe(false);
  });

  it('fails when a chosen workshop is full or missing, and looks at that workshop only', () => {
    expect(
      premiseHolds(premise, { ...state, workshops: [workshop('b', 9, 9), workshop('a', 5, 4)] }),
    ).toBe(false);
    expect(premiseHolds(premise, { ...state, workshops: [workshop('b', 9, 0)] })).toBe(false);
    // the other workshop (b) is over a's bound: only a's seats count
    expect(
      premiseHolds(premise, { ...state, workshops: [workshop('b', 9, 9), workshop('a', 5, 0)] }),
    ).toBe(true);
  });
});
