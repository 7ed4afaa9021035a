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
    notYetOpen: (when: string) => `Anmeldung ab ${when}`,
    openUntil: (when: string) => `Anmeldung offen bis ${when}`,
    toEvent: 'Programm ansehen und anmelden',
    toEventClosed: 'Programm ansehen',
  },
  event: {
    toRegistration: 'Zum Anmeldeformular',
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
  form: {
    title: 'Anmeldung',
    intro:
      'Pflichtfelder sind mit „Pflichtfeld“ gekennzeichnet. Alle anderen Angaben sind freiwillig.',
    personTitle: 'Ihre Angaben',
    firstName: 'Vorname',
    lastName: 'Nachname',
    email: 'E-Mail-Adresse',
    emailHint:
      'An diese Adresse schicken wir die Bestätigung und Ihren persönlichen Link zum Ändern oder Absagen.',
    organization: 'Organisation',
    jobTitle: 'Funktion',
    optional: '(freiwillig)',
    required: '(Pflichtfeld)',
    needsTitle: 'Barrierefreiheit und Verpflegung',
    needsHint: (organizer: string) =>
      `Wir fragen danach, damit ${organizer} den Tag für Sie planen kann. Ihre Angaben sehen nur die Organisatorinnen und Organisatoren dieser Veranstaltung.`,
    accessibilityNeeds: 'Unterstützungsbedarf für Barrierefreiheit',
    accessibilityHint:
      'Zum Beispiel stufenloser Zugang, Gebärdensprachdolmetschen oder Induktionsschleife.',
    dietaryNeeds: 'Ernährungswünsche',
    dietaryHint: 'Zum Beispiel vegetarisch, vegan oder Allergien.',
    workshopsTitle: 'Workshops',
    workshopsHint: 'Wählen Sie in jeder Arbeitsphase einen Workshop.',
    phaseHint: (from: string, to: string) => `${from}–${to} Uhr`,
    waitlistWishHint:
      'Die Veranstaltung ist ausgebucht. Ihre Wahl ist ein Wunsch: Wenn ein Platz frei wird, bekommen Sie nach Möglichkeit diese Workshops.',
    consentTitle: 'Datenschutz',
    consent:
      'Ich bin einverstanden, dass meine Angaben zur Durchführung der Veranstaltung verarbeitet werden.',
    consentLink: 'Datenschutzhinweise dieser Veranstaltung',
    submit: 'Verbindlich anmelden',
    submitWaitlist: 'Auf die Warteliste setzen',
    sending: 'Wird gesendet …',
    errorSummaryTitle: 'Bitte prüfen Sie Ihre Angaben',
    errors: {
      firstName: 'Geben Sie Ihren Vornamen ein.',
      lastName: 'Geben Sie Ihren Nachnamen ein.',
      email: 'Geben Sie Ihre E-Mail-Adresse ein, zum Beispiel name@beispiel.de.',
      workshop: (phase: string) => `Wählen Sie einen Workshop für „${phase}“.`,
      consent: 'Bestätigen Sie, dass Sie mit der Verarbeitung Ihrer Angaben einverstanden sind.',
      workshopFull: (number: number, title: string) =>
        `Workshop ${number}: „${title}“ ist inzwischen ausgebucht. Wählen Sie einen anderen Workshop dieser Phase.`,
      noAlternatives: 'In dieser Phase ist kein anderer Workshop mehr frei.',
      invalidSelection:
        'Die Workshopauswahl passt nicht zum Programm. Bitte laden Sie die Seite neu und wählen Sie erneut.',
      eventFull: 'Die Veranstaltung ist inzwischen ausgebucht, eine Warteliste gibt es nicht.',
      closed: (when: string) => `Die Anmeldung ist seit ${when} geschlossen.`,
      notOpen: (when: string) => `Die Anmeldung beginnt am ${when}. Bitte melden Sie sich dann an.`,
      alreadyRegistered:
        'Mit dieser E-Mail-Adresse ist bereits eine Anmeldung zu dieser Veranstaltung eingegangen.',
      alreadyRegisteredHelp:
        'Ihren persönlichen Link zum Ändern oder Absagen finden Sie in der Bestätigungsmail.',
      alreadyRegisteredResend: 'Link erneut zusenden',
      unknown: 'Das hat nicht geklappt. Bitte versuchen Sie es noch einmal.',
      network:
        'Keine Verbindung zum Server. Ihre Angaben sind noch da; bitte versuchen Sie es noch einmal.',
    },
    alternativesTitle: 'Diese Workshops haben noch Plätze:',
    chooseAlternative: (number: number, title: string, left: number) =>
      `Stattdessen Workshop ${number}: „${title}“ wählen und anmelden (noch ${left} ${left === 1 ? 'Platz' : 'Plätze'})`,
    waitlistExplained:
      'Die Veranstaltung ist ausgebucht. Wenn Sie sich jetzt anmelden, kommen Sie auf die Warteliste: Sobald ein Platz frei wird, rücken Sie in der Reihenfolge der Anmeldung nach und bekommen eine E-Mail. Bis dahin ist Ihr Platz nicht sicher.',
    notOpenTitle: 'Die Anmeldung ist noch nicht geöffnet',
    closedTitle: 'Die Anmeldung ist geschlossen',
    closedText:
      'Eine Anmeldung oder Änderung ist nicht mehr möglich. Wenden Sie sich bei Fragen an die Veranstalter.',
    fullNoWaitlist: 'Die Veranstaltung ist ausgebucht. Eine Anmeldung ist nicht mehr möglich.',
  },
  confirmed: {
    titleConfirmed: 'Sie sind angemeldet',
    titleWaitlisted: 'Sie stehen auf der Warteliste',
    textConfirmed: (event: string) => `Ihre Anmeldung zu „${event}“ ist bestätigt.`,
    textWaitlisted: (event: string) =>
      `Die Veranstaltung „${event}“ ist ausgebucht. Sie stehen auf der Warteliste und bekommen eine E-Mail, sobald ein Platz für Sie frei ist.`,
    mail: (email: string) =>
      `Eine E-Mail mit Ihrem persönlichen Link zum Ändern oder Absagen ist an ${email} unterwegs.`,
    workshopsTitle: 'Ihre Workshops',
    workshopsTitleWaitlisted: 'Ihre Workshopwünsche',
    calendarTitle: 'In den Kalender',
    calendarDownload: 'Meine Termine als Kalenderdatei (.ics) herunterladen',
    calendarSubscribe: 'Meine Termine im Kalender abonnieren (webcal)',
    manage: 'Anmeldung ansehen, ändern oder absagen',
    missing: 'Ihre Anmeldung ist eingegangen. Die Einzelheiten stehen in der Bestätigungsmail.',
    backToEvent: 'Zur Veranstaltung',
  },
  status: {
    CONFIRMED: 'Bestätigt',
    WAITLISTED: 'Warteliste',
    CANCELLED: 'Abgesagt',
  },
  workshopLine: (number: number, title: string) => `Workshop ${number}: ${title}`,
  phaseTime: (phase: string, from: string, to: string) => `${phase}, ${from}–${to} Uhr`,
  manage: {
    title: 'Ihre Anmeldung',
    noToken: 'Dieser Link ist unvollständig. Bitte öffnen Sie den Link aus Ihrer Bestätigungsmail.',
    invalid:
      'Dieser Link gilt nicht (mehr). Vielleicht haben Sie inzwischen einen neuen Link angefordert; dann gilt nur der neueste.',
    invalidHelp:
      'Einen neuen Link können Sie auf der Seite der Veranstaltung unter „Link verloren?“ anfordern.',
    status: 'Status',
    name: 'Name',
    details: 'Ihre Angaben',
    workshops: 'Ihre Workshops',
    workshopsWaitlisted: 'Ihre Workshopwünsche',
    calendar: 'In den Kalender',
    edit: 'Angaben oder Workshops ändern',
    save: 'Änderungen speichern',
    discard: 'Abbrechen',
    saved: 'Ihre Änderungen sind gespeichert. Sie bekommen eine E-Mail mit der neuen Übersicht.',
    cancel: 'Anmeldung absagen',
    cancelConfirmTitle: 'Wollen Sie Ihre Anmeldung wirklich absagen?',
    cancelConfirmText:
      'Ihr Platz und Ihre Workshopplätze werden frei und gehen an andere. Das lässt sich nicht rückgängig machen; Sie können sich aber neu anmelden, solange Plätze frei sind.',
    cancelConfirm: 'Ja, Anmeldung absagen',
    cancelKeep: 'Nein, angemeldet bleiben',
    cancelled: 'Ihre Anmeldung ist abgesagt. Sie bekommen eine Bestätigung per E-Mail.',
    cancelledBefore: 'Diese Anmeldung ist abgesagt.',
    closed: (when: string) =>
      `Seit ${when} lässt sich die Anmeldung nicht mehr ändern oder absagen. Wenden Sie sich bei Fragen an die Veranstalter.`,
    toEvent: 'Zur Veranstaltung',
  },
  lostLink: {
    title: 'Link verloren?',
    intro:
      'Geben Sie die E-Mail-Adresse Ihrer Anmeldung ein. Wir schicken Ihnen einen neuen persönlichen Link; der alte gilt danach nicht mehr.',
    email: 'E-Mail-Adresse Ihrer Anmeldung',
    submit: 'Neuen Link senden',
    sent: 'Wenn diese Adresse zu dieser Veranstaltung angemeldet ist, ist eine E-Mail mit einem neuen Link unterwegs.',
    error: 'Geben Sie Ihre E-Mail-Adresse ein, zum Beispiel name@beispiel.de.',
    sentTitle: 'Anfrage angenommen',
    rateLimitedTitle: 'Zu viele Anfragen',
    rateLimited: (minutes: number) =>
      `Es wurden in der letzten Stunde zu viele neue Links angefordert. Bitte versuchen Sie es in ${minutes === 1 ? 'einer Minute' : `${minutes} Minuten`} noch einmal. Der zuletzt gesendete Link gilt weiter.`,
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
