/**
 * The server's message catalogs: every text a client may show (error messages,
 * agenda warnings) in German and English. Code says what to say (a key and its
 * values, {@link Msg}); the API renders it in the reader's language at the edge.
 * Machine-readable codes never change with the language.
 */
export const LOCALES = ['de', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export type Thing =
  'Event' | 'Agenda item' | 'Workshop phase' | 'Workshop' | 'Registration' | 'Organizer';

const THINGS_DE: Record<Thing, string> = {
  Event: 'Die Veranstaltung',
  'Agenda item': 'Der Programmpunkt',
  'Workshop phase': 'Die Workshop-Phase',
  Workshop: 'Der Workshop',
  Registration: 'Die Anmeldung',
  Organizer: 'Das Veranstalterkonto',
};

const en = {
  // input in general
  'input.required': (p: { field: string }) => `${p.field} is required.`,
  'input.empty': (p: { field: string }) => `${p.field} must not be empty.`,
  'input.tooLong': (p: { field: string; max: number }) =>
    `${p.field} must have at most ${p.max} characters.`,
  'input.email': (p: { field: string }) =>
    `${p.field} must be one plain e-mail address, e.g. info@example.org.`,
  'input.tooMany': (p: { field: string; max: number }) => `At most ${p.max} ${p.field} per item.`,
  'input.cursor': (p: { field: string }) => `${p.field} is not a cursor from this listing.`,
  'input.first': (p: { min: number; max: number }) =>
    `first must be a whole number from ${p.min} to ${p.max}.`,
  'input.idOrSlug': () => 'Give the id or the slug of the event.',
  // events
  'event.slug': (p: { max: number }) =>
    `slug must be 1 to ${p.max} characters of lowercase a-z, 0-9 and single dashes, e.g. transferforum-koeln-2018.`,
  'event.slugTaken': (p: { slug: string }) => `The slug '${p.slug}' is taken by another event.`,
  'event.capacityRange': (p: { max: number }) =>
    `capacity must be a whole number from 1 to ${p.max}.`,
  'event.capacityBelowTaken': (p: { capacity: number; taken: number }) =>
    `capacity cannot be lowered to ${p.capacity}: ${p.taken} seats are taken already.`,
  'event.endsAfterStart': () => 'endsAt must be after startsAt.',
  'event.cutoffAfterStart': () =>
    'registrationClosesAt (the cutoff) must not be after the start of the event.',
  'event.opensAfterCutoff': () =>
    'registrationOpensAt must be before registrationClosesAt (the cutoff).',
  'event.timeZone': (p: { zone: string }) =>
    `'${p.zone}' is not an IANA time zone, e.g. Europe/Berlin.`,
  'event.language': (p: { languages: string }) => `language must be one of ${p.languages}.`,
  'event.threshold': () =>
    'capacityWarningThreshold must be greater than 0 and at most 1, e.g. 0.8.',
  'event.itemBeforeEvent': (p: { title: string }) =>
    `The agenda item '${p.title}' would start before the event; move it first.`,
  'event.itemAfterEvent': (p: { title: string }) =>
    `The agenda item '${p.title}' would end after the event; move it first.`,
  'event.cancelledPublish': () => 'A cancelled event cannot be published again.',
  'event.draftCancel': () => 'A draft is not public yet; there is nothing to cancel.',
  'event.publishingBlocked': (p: { problems: string }) =>
    `The event cannot be published yet: ${p.problems}`,
  'event.cancelledTextsOnly': (p: { texts: string; changed: string }) =>
    `The event is cancelled: only its texts (${p.texts}) can still change, not ${p.changed}.`,
  'event.cancelledProgramme': () =>
    'The event is cancelled: its programme can no longer change, only its texts.',
  'time.tooMany': (p: { max: number }) => `At most ${p.max} local times per request.`,
  'time.notOnClocks': (p: { local: string; zone: string }) =>
    `'${p.local}' is not a time on the clocks of ${p.zone}: give YYYY-MM-DDTHH:MM of a real day (on the day daylight saving time begins, the skipped hour does not exist).`,
  // agenda
  'agenda.itemStartsBeforeEvent': () => 'The agenda item must not start before the event.',
  'agenda.itemEndsAfterEvent': () => 'The agenda item must not end after the event.',
  'agenda.overlap': (p: { title: string }) =>
    `The agenda item overlaps '${p.title}'; agenda items follow one another (parallel sessions are workshops of one WORKSHOP_PHASE).`,
  'agenda.kindWithWorkshops': (p: { count: number }) =>
    `This WORKSHOP_PHASE has ${p.count} workshops; remove them before changing its kind.`,
  'agenda.notAPhase': (p: { kind: string }) =>
    `Workshops belong to a WORKSHOP_PHASE; this agenda item is a ${p.kind}.`,
  'agenda.workshopsFull': (p: { max: number }) =>
    `The event has ${p.max} workshops, the most it can have.`,
  'agenda.workshopNumber': (p: { max: number }) =>
    `number must be a whole number from 1 to ${p.max}.`,
  'agenda.workshopNumberTaken': (p: { number: number }) =>
    `The event has a workshop ${p.number} already.`,
  'agenda.workshopInUse': (p: { number: number; title: string; count: number }) =>
    `Workshop ${p.number} '${p.title}' cannot be removed: ${p.count} registrations chose it. Ask them to choose another workshop (or cancel their registrations) first.`,
  'agenda.itemInUse': (p: { title: string; count: number; numbers: string }) =>
    `'${p.title}' cannot be removed: ${p.count} registrations depend on its workshops (workshop ${p.numbers}).`,
  // agenda warnings
  'warning.phaseWithoutWorkshops': (p: { phase: string }) =>
    `'${p.phase}' has no workshops yet: participants cannot choose one.`,
  'warning.phaseSeatsBelowCapacity': (p: { phase: string; seats: number; capacity: number }) =>
    `The workshops of '${p.phase}' have ${p.seats} seats together, fewer than the event's ${p.capacity}: ${p.capacity - p.seats} participants would find no workshop.`,
  'warning.roomUsedTwice': (p: { phase: string; first: number; second: number; room: string }) =>
    `Workshops ${p.first} and ${p.second} of '${p.phase}' both use room '${p.room}' at the same time.`,
  'warning.workshopExceedsEvent': (p: {
    number: number;
    title: string;
    seats: number;
    capacity: number;
  }) =>
    `Workshop ${p.number} '${p.title}' has ${p.seats} seats, more than the event's ${p.capacity}.`,
  // participants
  'participant.required': (p: { field: string }) => `${p.field} is required`,
  'participant.tooLong': (p: { field: string; max: number }) =>
    `${p.field} must be at most ${p.max} characters`,
  'participant.control': (p: { field: string }) => `${p.field} contains control characters`,
  'participant.email': () => 'email is not a valid e-mail address',
  'participant.consent': () => 'privacyConsent must be true: accept the privacy notice',
  'participant.idempotencyKey': () => 'idempotencyKey must be 1 to 200 printable characters',
  'participant.idempotencyConflict': () =>
    'This idempotencyKey was already used for a different registration request.',
  'participant.emailInUse': () => 'Another registration for this event uses this e-mail address.',
  'participant.unknownEvent': () => 'No open event has this id.',
  'selection.unknown': (p: { id: string }) => `Workshop '${p.id}' is not a workshop of this event.`,
  'selection.twice': (p: { id: string }) => `Workshop '${p.id}' is chosen twice.`,
  'selection.twoInPhase': (p: { phase: string }) =>
    `Phase '${p.phase}' allows one workshop, but two were chosen.`,
  'selection.missing': (p: { phase: string }) => `Choose one workshop in phase '${p.phase}'.`,
  'registration.notOpen': (p: { at: string }) => `Registration opens at ${p.at}.`,
  'registration.closed': (p: { at: string }) => `Registration closed at ${p.at}.`,
  'registration.eventFull': () => 'The event is fully booked and has no waiting list.',
  'registration.workshopFull': (p: { number: number; title: string }) =>
    `Workshop ${p.number} '${p.title}' is fully booked.`,
  'registration.already': () => 'This e-mail address is already registered for this event.',
  'registration.notFound': () => 'No active registration has this manage token.',
  'link.email': () => 'This is not a valid e-mail address.',
  'link.eitherEvent': () => 'Give the event either by eventSlug or by eventId.',
  'link.unknownId': () => 'No published event has this id.',
  'link.unknownSlug': () => 'No published event has this slug.',
  'link.sent': () =>
    'If this address is registered for the event, a mail with a new link to the registration is on its way. Earlier links no longer work.',
  // the organizers' registrations desk
  'desk.reasonTooLong': (p: { max: number }) => `reason must have at most ${p.max} characters.`,
  'desk.cancelled': () => 'This registration is cancelled; register the person anew instead.',
  'desk.notWaiting': () => 'Only a waitlisted registration can be promoted.',
  'desk.noSeat': () =>
    'No seat is free for this person: the event or a workshop phase is full. Free a seat first.',
  'desk.unknownWorkshop': () => 'workshopId must be a workshop of the registration’s event.',
  'desk.eventDraft': () => 'This event is a draft: publish it before registering anybody.',
  'desk.eventCancelled': () => 'This event is cancelled: nobody can be registered any more.',
  // organizers and access
  'organizer.email': () => 'email must be an e-mail address.',
  'organizer.name': () => 'name must have 1 to 200 characters.',
  'organizer.password': () => 'password must have 10 to 200 characters.',
  'organizer.emailTaken': (p: { email: string }) =>
    `An organizer with e-mail ${p.email} exists already.`,
  'auth.required': () => 'Log in as an organizer first (Authorization: Bearer <accessToken>).',
  'auth.header': () => 'The Authorization header must be "Bearer <accessToken>".',
  'auth.invalidToken': () => 'The access token is invalid or expired; log in again.',
  'auth.notYourEvent': () => 'This organizer may not manage that event.',
  'auth.adminOnly': () => 'Only an admin organizer may do this.',
  'organizer.currentPassword': () => 'currentPassword is not your current password.',
  'organizer.deactivateSelf': () => 'You cannot deactivate your own account; another admin can.',
  'event.cancelledUnpublish': () =>
    'A cancelled event stays cancelled; it cannot become a draft again.',
  'event.unpublishRegistered': (p: { count: number }) =>
    `The event cannot be taken back to a draft: ${p.count} ${p.count === 1 ? 'person is' : 'people are'} registered. Cancel it instead.`,
  'event.copyDate': () => 'newStartDate must be a calendar date YYYY-MM-DD, e.g. 2019-11-25.',
  notFound: (p: { what: Thing; id: string }) => `${p.what} '${p.id}' does not exist.`,
};

export type MessageKey = keyof typeof en;
type Entry<K extends MessageKey> = (typeof en)[K];
/** The values a message needs; `{}` for a fixed text. */
export type MessageParams<K extends MessageKey> =
  Parameters<Entry<K>> extends [] ? Record<string, never> : Parameters<Entry<K>>[0];

const de: { [K in MessageKey]: (typeof en)[K] } = {
  'input.required': (p) => `${p.field} ist erforderlich.`,
  'input.empty': (p) => `${p.field} darf nicht leer sein.`,
  'input.tooLong': (p) => `${p.field} darf höchstens ${p.max} Zeichen haben.`,
  'input.email': (p) => `${p.field} muss genau eine E-Mail-Adresse sein, z. B. info@example.org.`,
  'input.tooMany': (p) => `Höchstens ${p.max} Einträge in ${p.field} je Programmpunkt.`,
  'input.cursor': (p) => `${p.field} ist kein Cursor dieser Liste.`,
  'input.first': (p) => `first muss eine ganze Zahl von ${p.min} bis ${p.max} sein.`,
  'input.idOrSlug': () => 'Geben Sie die id oder den slug der Veranstaltung an.',
  'event.slug': (p) =>
    `slug muss aus 1 bis ${p.max} Zeichen bestehen: Kleinbuchstaben a-z, Ziffern 0-9 und einzelne Bindestriche, z. B. transferforum-koeln-2018.`,
  'event.slugTaken': (p) => `Der slug '${p.slug}' gehört schon einer anderen Veranstaltung.`,
  'event.capacityRange': (p) => `capacity muss eine ganze Zahl von 1 bis ${p.max} sein.`,
  'event.capacityBelowTaken': (p) =>
    `capacity kann nicht auf ${p.capacity} sinken: ${p.taken} Plätze sind schon vergeben.`,
  'event.endsAfterStart': () => 'endsAt muss nach startsAt liegen.',
  'event.cutoffAfterStart': () =>
    'registrationClosesAt (der Anmeldeschluss) darf nicht nach dem Beginn der Veranstaltung liegen.',
  'event.opensAfterCutoff': () =>
    'registrationOpensAt muss vor registrationClosesAt (dem Anmeldeschluss) liegen.',
  'event.timeZone': (p) => `'${p.zone}' ist keine IANA-Zeitzone wie Europe/Berlin.`,
  'event.language': (p) => `language muss eine dieser Sprachen sein: ${p.languages}.`,
  'event.threshold': () =>
    'capacityWarningThreshold muss größer als 0 und höchstens 1 sein, z. B. 0.8.',
  'event.itemBeforeEvent': (p) =>
    `Der Programmpunkt '${p.title}' würde vor der Veranstaltung beginnen; verschieben Sie ihn zuerst.`,
  'event.itemAfterEvent': (p) =>
    `Der Programmpunkt '${p.title}' würde nach der Veranstaltung enden; verschieben Sie ihn zuerst.`,
  'event.cancelledPublish': () =>
    'Eine abgesagte Veranstaltung kann nicht wieder veröffentlicht werden.',
  'event.draftCancel': () => 'Ein Entwurf ist noch nicht öffentlich; es gibt nichts abzusagen.',
  'event.publishingBlocked': (p) =>
    `Die Veranstaltung kann noch nicht veröffentlicht werden: ${p.problems}`,
  'event.cancelledTextsOnly': (p) =>
    `Die Veranstaltung ist abgesagt: nur ihre Texte (${p.texts}) können sich noch ändern, nicht ${p.changed}.`,
  'event.cancelledProgramme': () =>
    'Die Veranstaltung ist abgesagt: ihr Programm kann sich nicht mehr ändern, nur ihre Texte.',
  'time.tooMany': (p) => `Höchstens ${p.max} Ortszeiten je Anfrage.`,
  'time.notOnClocks': (p) =>
    `'${p.local}' ist keine Uhrzeit in ${p.zone}: geben Sie JJJJ-MM-TTTHH:MM eines echten Tages an (am Tag der Umstellung auf Sommerzeit gibt es die übersprungene Stunde nicht).`,
  'agenda.itemStartsBeforeEvent': () =>
    'Der Programmpunkt darf nicht vor der Veranstaltung beginnen.',
  'agenda.itemEndsAfterEvent': () => 'Der Programmpunkt darf nicht nach der Veranstaltung enden.',
  'agenda.overlap': (p) =>
    `Der Programmpunkt überschneidet sich mit '${p.title}'; Programmpunkte folgen aufeinander (parallele Angebote sind Workshops einer WORKSHOP_PHASE).`,
  'agenda.kindWithWorkshops': (p) =>
    `Diese WORKSHOP_PHASE hat ${p.count} Workshops; entfernen Sie sie, bevor Sie die Art ändern.`,
  'agenda.notAPhase': (p) =>
    `Workshops gehören zu einer WORKSHOP_PHASE; dieser Programmpunkt ist ein ${p.kind}.`,
  'agenda.workshopsFull': (p) =>
    `Die Veranstaltung hat ${p.max} Workshops, mehr sind nicht möglich.`,
  'agenda.workshopNumber': (p) => `number muss eine ganze Zahl von 1 bis ${p.max} sein.`,
  'agenda.workshopNumberTaken': (p) => `Die Veranstaltung hat schon einen Workshop ${p.number}.`,
  'agenda.workshopInUse': (p) =>
    `Workshop ${p.number} '${p.title}' kann nicht entfernt werden: ${p.count} Anmeldungen haben ihn gewählt. Bitten Sie diese Personen zuerst, einen anderen Workshop zu wählen (oder sagen Sie ihre Anmeldungen ab).`,
  'agenda.itemInUse': (p) =>
    `'${p.title}' kann nicht entfernt werden: ${p.count} Anmeldungen hängen an seinen Workshops (Workshop ${p.numbers}).`,
  'warning.phaseWithoutWorkshops': (p) =>
    `'${p.phase}' hat noch keine Workshops: Teilnehmende können keinen wählen.`,
  'warning.phaseSeatsBelowCapacity': (p) =>
    `Die Workshops von '${p.phase}' haben zusammen ${p.seats} Plätze, weniger als die ${p.capacity} der Veranstaltung: ${p.capacity - p.seats} Teilnehmende fänden keinen Workshop.`,
  'warning.roomUsedTwice': (p) =>
    `Die Workshops ${p.first} und ${p.second} von '${p.phase}' nutzen gleichzeitig den Raum '${p.room}'.`,
  'warning.workshopExceedsEvent': (p) =>
    `Workshop ${p.number} '${p.title}' hat ${p.seats} Plätze, mehr als die ${p.capacity} der Veranstaltung.`,
  'participant.required': (p) => `${p.field} ist erforderlich`,
  'participant.tooLong': (p) => `${p.field} darf höchstens ${p.max} Zeichen haben`,
  'participant.control': (p) => `${p.field} enthält Steuerzeichen`,
  'participant.email': () => 'email ist keine gültige E-Mail-Adresse',
  'participant.consent': () =>
    'privacyConsent muss true sein: bitte stimmen Sie dem Datenschutzhinweis zu',
  'participant.idempotencyKey': () => 'idempotencyKey muss 1 bis 200 druckbare Zeichen haben',
  'participant.idempotencyConflict': () =>
    'Dieser idempotencyKey wurde schon für eine andere Anmeldung verwendet.',
  'participant.emailInUse': () =>
    'Eine andere Anmeldung zu dieser Veranstaltung nutzt diese E-Mail-Adresse.',
  'participant.unknownEvent': () => 'Keine offene Veranstaltung hat diese id.',
  'selection.unknown': (p) => `'${p.id}' ist kein Workshop dieser Veranstaltung.`,
  'selection.twice': (p) => `Workshop '${p.id}' ist zweimal gewählt.`,
  'selection.twoInPhase': (p) => `In '${p.phase}' ist ein Workshop möglich, gewählt sind zwei.`,
  'selection.missing': (p) => `Wählen Sie einen Workshop in '${p.phase}'.`,
  'registration.notOpen': (p) => `Die Anmeldung beginnt am ${p.at}.`,
  'registration.closed': (p) => `Die Anmeldung endete am ${p.at}.`,
  'registration.eventFull': () => 'Die Veranstaltung ist ausgebucht und hat keine Warteliste.',
  'registration.workshopFull': (p) => `Workshop ${p.number} '${p.title}' ist ausgebucht.`,
  'registration.already': () =>
    'Diese E-Mail-Adresse ist für diese Veranstaltung schon angemeldet.',
  'registration.notFound': () => 'Keine aktive Anmeldung hat diesen Verwaltungsschlüssel.',
  'link.email': () => 'Das ist keine gültige E-Mail-Adresse.',
  'link.eitherEvent': () =>
    'Geben Sie die Veranstaltung entweder mit eventSlug oder mit eventId an.',
  'link.unknownId': () => 'Keine veröffentlichte Veranstaltung hat diese id.',
  'link.unknownSlug': () => 'Keine veröffentlichte Veranstaltung hat diesen slug.',
  'link.sent': () =>
    'Wenn diese Adresse zur Veranstaltung angemeldet ist, ist eine E-Mail mit einem neuen Link zur Anmeldung unterwegs. Frühere Links gelten nicht mehr.',
  'desk.reasonTooLong': (p) => `reason darf höchstens ${p.max} Zeichen haben.`,
  'desk.cancelled': () =>
    'Diese Anmeldung ist storniert; melden Sie die Person stattdessen neu an.',
  'desk.notWaiting': () => 'Nachrücken kann nur, wer auf der Warteliste steht.',
  'desk.noSeat': () =>
    'Für diese Person ist kein Platz frei: die Veranstaltung oder eine Arbeitsphase ist voll. Geben Sie zuerst einen Platz frei.',
  'desk.unknownWorkshop': () =>
    'workshopId muss ein Workshop der Veranstaltung dieser Anmeldung sein.',
  'desk.eventDraft': () =>
    'Diese Veranstaltung ist ein Entwurf: veröffentlichen Sie sie, bevor Sie jemanden anmelden.',
  'desk.eventCancelled': () =>
    'Diese Veranstaltung ist abgesagt: niemand kann mehr angemeldet werden.',
  'organizer.email': () => 'email muss eine E-Mail-Adresse sein.',
  'organizer.name': () => 'name muss 1 bis 200 Zeichen haben.',
  'organizer.password': () => 'password muss 10 bis 200 Zeichen haben.',
  'organizer.emailTaken': (p) =>
    `Es gibt schon eine Organisatorin oder einen Organisator mit der E-Mail-Adresse ${p.email}.`,
  'auth.required': () =>
    'Melden Sie sich zuerst als Organisator an (Authorization: Bearer <accessToken>).',
  'auth.header': () => 'Der Authorization-Header muss "Bearer <accessToken>" lauten.',
  'auth.invalidToken': () =>
    'Das Zugangstoken ist ungültig oder abgelaufen; melden Sie sich erneut an.',
  'auth.notYourEvent': () => 'Dieses Konto darf diese Veranstaltung nicht verwalten.',
  'auth.adminOnly': () => 'Das darf nur ein Admin-Konto.',
  'organizer.currentPassword': () => 'currentPassword ist nicht Ihr aktuelles Passwort.',
  'organizer.deactivateSelf': () =>
    'Ihr eigenes Konto können Sie nicht deaktivieren; das kann ein anderes Admin-Konto.',
  'event.cancelledUnpublish': () =>
    'Eine abgesagte Veranstaltung bleibt abgesagt; sie kann kein Entwurf mehr werden.',
  'event.unpublishRegistered': (p) =>
    `Die Veranstaltung kann nicht zurück in den Entwurf: ${p.count === 1 ? '1 Person ist' : `${p.count} Personen sind`} angemeldet. Sagen Sie sie stattdessen ab.`,
  'event.copyDate': () => 'newStartDate muss ein Datum JJJJ-MM-TT sein, z. B. 2019-11-25.',
  notFound: (p) => `${THINGS_DE[p.what]} '${p.id}' gibt es nicht.`,
};

const CATALOGS: Record<Locale, { [K in MessageKey]: (typeof en)[K] }> = { de, en };

/** A text to show, not yet in a language: its catalog key and values. */
export interface Msg<K extends MessageKey = MessageKey> {
  key: K;
  params: MessageParams<K>;
}

/** A {@link Msg}; typed so the values fit the key. */
export function msg<K extends MessageKey>(key: K, params: MessageParams<K>): Msg<K> {
  return { key, params };
}

/** The text of `m` in `locale`. */
export function render(m: Msg, locale: Locale): string {
  const entry = CATALOGS[locale][m.key] as (p: unknown) => string;
  return entry(m.params);
}

/** An event's language as a catalog locale: English for 'en…', else German (the default). */
export function eventLocale(language: string): Locale {
  return language.toLowerCase().startsWith('en') ? 'en' : 'de';
}

/**
 * The catalog locale an `Accept-Language` header asks for (RFC 9110 §12.5.4:
 * highest q first, a range like `de-AT` matching `de`), or null when it names
 * neither German nor English (or is `*` or absent).
 */
export function acceptedLocale(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const ranges = header
    .split(',')
    .map((part, index) => {
      const [range, ...attributes] = part.trim().split(';');
      const q = attributes.map((a) => a.trim()).find((a) => a.toLowerCase().startsWith('q='));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { tag: range.trim().toLowerCase(), q: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranges) {
    const primary = tag.split('-')[0];
    if ((LOCALES as readonly string[]).includes(primary)) return primary as Locale;
  }
  return null;
}
