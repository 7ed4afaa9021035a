/** German texts of the participant web app: every text a page shows lives here or in en.ts. */
export const de = {
  appName: 'Fachtag',
  skipToContent: 'Zum Inhalt springen',
  languageSwitch: 'English',
  languageSwitchLabel: 'Switch to English',
  footer: 'Fachtag – Anmeldung und Programm',
  loading: 'Wird geladen …',
  loadError: 'Die Seite konnte nicht geladen werden. Bitte versuchen Sie es später noch einmal.',
  notFoundTitle: 'Seite nicht gefunden',
  notFoundText: 'Diese Seite gibt es nicht.',
  backToList: 'Zu allen Veranstaltungen',
  list: {
    title: 'Veranstaltungen',
    intro: 'Kommende Fachtage, zu denen Sie sich anmelden können.',
    empty: 'Zurzeit sind keine Veranstaltungen geplant.',
    more: 'Weitere Veranstaltungen',
    open: 'Anmeldung offen',
    closed: 'Anmeldung geschlossen',
    cancelled: 'Abgesagt',
  },
  event: {
    notFound: 'Diese Veranstaltung gibt es nicht oder sie ist nicht veröffentlicht.',
    cancelled: 'Diese Veranstaltung wurde abgesagt.',
    when: 'Wann',
    where: 'Wo',
    cost: 'Kosten',
    organizer: 'Veranstalter',
    contact: 'Kontakt',
    seats: 'Plätze',
    seatsLeft: (n: number) => (n === 1 ? 'noch 1 Platz frei' : `noch ${n} Plätze frei`),
    unlimited: 'unbegrenzt',
    eventFull: 'Die Veranstaltung ist ausgebucht.',
    eventFullWaitlist: (waiting: number) =>
      waiting === 0
        ? 'Die Veranstaltung ist ausgebucht. Sie können sich auf die Warteliste setzen lassen.'
        : `Die Veranstaltung ist ausgebucht. Auf der Warteliste stehen ${waiting} Personen; Sie können sich dazu eintragen lassen.`,
    registrationUntil: (when: string) => `Anmeldung bis ${when}`,
    registrationNotYetOpen: (when: string) => `Die Anmeldung beginnt am ${when}.`,
    registrationClosed: (when: string) => `Die Anmeldung ist seit ${when} geschlossen.`,
    calendarTitle: 'In den Kalender',
    calendarDownload: 'Programm als Kalenderdatei (.ics) herunterladen',
    calendarSubscribe: 'Programm im Kalender abonnieren (webcal)',
    agenda: 'Programm',
    timeRange: (from: string, to: string) => `${from}–${to} Uhr`,
    room: (room: string) => `Raum: ${room}`,
    speakers: 'Mitwirkende',
    hosts: 'Leitung',
    workshopsOfPhase: 'Parallele Workshops',
    workshopNumber: (n: number) => `Workshop ${n}`,
    workshopFull: 'ausgebucht',
    workshopSeatsLeft: (left: number, capacity: number) =>
      left === 1
        ? `noch 1 von ${capacity} Plätzen frei`
        : `noch ${left} von ${capacity} Plätzen frei`,
    privacyTitle: 'Datenschutz',
    privacyText: (organizer: string) =>
      `Ihre Angaben verarbeitet ${organizer} nur, um Ihre Anmeldung zu verwalten und Sie über diese Veranstaltung zu informieren. Einsehen können sie nur die Organisatorinnen und Organisatoren dieser Veranstaltung. Nach der Veranstaltung werden sie gelöscht, sobald sie nicht mehr gebraucht werden.`,
    privacyContact: 'Fragen zum Datenschutz richten Sie an:',
  },
  kind: {
    ARRIVAL: 'Ankommen',
    BREAK: 'Pause',
    CLOSING: 'Abschluss',
    KEYNOTE: 'Vortrag',
    OTHER: 'Programmpunkt',
    PANEL: 'Podium',
    TALK: 'Vortrag',
    WELCOME: 'Begrüßung',
    WORKSHOP_PHASE: 'Workshopphase',
  },
};

export type Messages = typeof de;
