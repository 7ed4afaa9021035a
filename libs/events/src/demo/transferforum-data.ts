import { AgendaItemKind } from '../agenda-item.entity.js';
import type { SpeakerData, VenueData } from '../speaker.js';

/** A workshop of the demo programme. */
export interface DemoWorkshop {
  number: number;
  title: string;
  subtitle: string;
  description: string;
  room: string;
  capacity: number;
  hosts: SpeakerData[];
}

/** An agenda item of the demo programme, at wall-clock times of the event's zone. */
export interface DemoAgendaItem {
  kind: AgendaItemKind;
  /** HH:MM local time. */
  start: string;
  end: string;
  title: string;
  subtitle?: string;
  description?: string;
  room?: string;
  speakers?: SpeakerData[];
  workshops?: DemoWorkshop[];
}

const SEATS_NOTE =
  'Hinweis zu den Demo-Daten: Programm, Zeiten, Mitwirkende, Ort und Veranstalter stammen aus ' +
  'der Ausschreibung des Transferforums vom 19. Juni 2018. Die Ausschreibung nannte keine ' +
  'Platzzahlen und Räume: 150 Plätze für die Veranstaltung, 25 bis 35 Plätze je Workshop ' +
  '(jede Arbeitsphase bietet mindestens 150) und die Raumnamen sind für diese Demo gewählt. ' +
  'Die 2018 besonders gefragten Workshops 5 und 8 haben die größten Räume.';

/**
 * The Cologne Transferforum of the Deutsche Kinder- und Jugendstiftung
 * (19 June 2018), the model case of this platform, as plain data.
 */
export const TRANSFERFORUM = {
  title: 'Transferforum: Wie Zusammenarbeit in der Kommune Integration ermöglicht',
  subtitle: 'Fachtag, Köln',
  description: [
    'Die Integration junger Geflüchteter ist eine gemeinschaftliche Aufgabe: Verantwortliche der ' +
      'kommunalen Verwaltungen, freie Träger, Vereine, Selbstorganisationen von Migrantinnen und ' +
      'Migranten und Akteure der Wirtschaft müssen an einem Strang ziehen, damit Integration ' +
      'gelingen kann. Auch Übergänge zwischen den zuständigen Systemen – zum Beispiel von der ' +
      'Jugendhilfe zum Asylbewerberleistungsgesetz – können durch Kooperationen einfacher werden. ' +
      'Trotz klar abgegrenzter Zuständigkeiten sind in den letzten Jahren ermutigende Beispiele ' +
      'der Zusammenarbeit entstanden.',
    'Welche Formen der Zusammenarbeit haben sich entwickelt und bewährt? Welche Methoden und ' +
      'Instrumente helfen, die Zusammenarbeit unterschiedlicher Akteure zu koordinieren und zu ' +
      'reflektieren? Welche Strukturen ermöglichen auch in Zukunft abgestimmte und flexible ' +
      'Reaktionen auf die sich stets verändernde Zuwanderung?',
    SEATS_NOTE,
  ].join('\n\n'),
  language: 'de',
  timeZone: 'Europe/Berlin',
  start: '09:00',
  end: '16:30',
  venue: {
    name: 'KOMED im MediaPark GmbH',
    street: 'Im Mediapark 7',
    postalCode: '50670',
    city: 'Köln',
    country: 'Deutschland',
  } satisfies VenueData,
  organizerName: 'Deutsche Kinder- und Jugendstiftung',
  costNote:
    'Die Veranstaltung ist kostenlos. Reise- und Übernachtungskosten tragen die Teilnehmenden.',
  capacity: 150,
  /** The historical edition: Tuesday, 19 June 2018; registration until Sunday, 27 May 2018. */
  historical: { date: '2018-06-19', registrationUntil: '2018-05-27' },
} as const;

const PHASE_ONE: DemoWorkshop[] = [
  {
    number: 1,
    title: 'Kommunale Angebote unter einem Dach',
    subtitle: 'Das „Haus der Integration“ in Wuppertal bündelt Dienstleistungen für Zugewanderte',
    description:
      'Im Frühjahr 2018 wurde in Wuppertal das Haus der Integration geschaffen: eine gemeinsame ' +
      'Anlaufstelle von städtischem Ressort Zuwanderung und Integration, Jobcenter und ' +
      'Bundesagentur für Arbeit. Der Workshop zeigt Entstehung, Herausforderungen und Chancen; ' +
      'danach diskutieren die Teilnehmenden in Kleingruppen, wie Zugänge zu Behörden erleichtert ' +
      'und Angebote gebündelt werden können.',
    room: 'Workshopraum 1',
    capacity: 30,
    hosts: [
      {
        name: 'Jürgen Lemmer',
        affiliation:
          'Ressortleiter des städtischen Ressorts Zuwanderung und Integration in Wuppertal',
      },
    ],
  },
  {
    number: 2,
    title: 'Ein kreisweites Integrationskonzept',
    subtitle:
      'Das Bündnis des Kreises Recklinghausen als Beispiel für die Zusammenarbeit im Landkreis',
    description:
      '2016 erklärten alle zehn Sozialdezernentinnen und -dezernenten im Kreis Recklinghausen, ' +
      'ein gemeinsames, kreisweites Integrationskonzept zu erstellen. Welche Erfahrungen haben die ' +
      'Akteure dabei gemacht, und wie kann kreisweite Zusammenarbeit für (junge) Geflüchtete ' +
      'gelingen?',
    room: 'Workshopraum 2',
    capacity: 30,
    hosts: [
      {
        name: 'Anja Boßert',
        affiliation: 'Mitarbeiterin des Kommunalen Integrationszentrums Kreis Recklinghausen',
      },
      {
        name: 'Katrin Petersen',
        affiliation: 'Mitarbeiterin des Kommunalen Integrationszentrums Kreis Recklinghausen',
      },
    ],
  },
  {
    number: 3,
    title: 'Zusammenarbeit erwachsener und jugendlicher Akteure',
    subtitle: 'Erfahrungen aus dem Jugenddialog in Hamburg Rissen',
    description:
      'Im Jugenddialog Rissen tauschen sich Erwachsene aus Einrichtungen und Trägern über ihre ' +
      'Angebote aus, und die Jugendgruppe „ColOURful Rissen“ bringt Jugendliche mit und ohne ' +
      'Fluchterfahrung zusammen. Beide berichten, wie die Zusammenarbeit zwischen Erwachsenen und ' +
      'Jugendlichen gelingt und welche Hürden sie genommen haben.',
    room: 'Workshopraum 3',
    capacity: 25,
    hosts: [
      { name: 'Jens Zussy', affiliation: 'Prozessbegleiter, Planen mit Phantasie' },
      { name: 'Jugendliche des „ColOURful-Rissen“-Teams' },
    ],
  },
  {
    number: 4,
    title: 'Zusammenarbeit zwischen Haupt- und Ehrenamt',
    subtitle:
      'Die Bündnisse aus Nidderau und Maintal zeigen Erfolgsfaktoren und Herausforderungen auf',
    description:
      'Wie gelingt eine wertschätzende und zielgerichtete Zusammenarbeit von haupt- und ' +
      'ehrenamtlich Tätigen? Die Bündnisse aus Maintal und Nidderau berichten von Erfolgen und ' +
      'Herausforderungen; im zweiten Teil tauschen sich die Teilnehmenden zu eigenen Beispielen aus.',
    room: 'Workshopraum 4',
    capacity: 30,
    hosts: [
      {
        name: 'Vertreterinnen und Vertreter der Stadt Nidderau, der Flüchtlingshilfe Nidderau sowie Ehrenamtliche',
        affiliation: 'Bündnis Nidderau',
      },
      {
        name: 'Haupt- und ehrenamtliche Vertreterinnen und Vertreter',
        affiliation: 'Bündnis Maintal',
      },
    ],
  },
  {
    number: 5,
    title: 'Von der Schule in den Beruf – den Übergang gemeinsam stemmen',
    subtitle: 'Erfahrungen aus den Landkreisen Elbe-Elster und Schwandorf',
    description:
      'Der Landkreis Elbe-Elster baut mit Jugendlichen, Schulen, Kreisverwaltung und Kammern ein ' +
      'Netzwerk für die berufliche Perspektive geflüchteter Jugendlicher auf. Im bayerischen ' +
      'Schwandorf vermittelt ein eingespieltes Netzwerk Jugendliche erfolgreich in Ausbildung und ' +
      'begleitet sie bis zum Abschluss. Beide Landkreise berichten von ihren Erfahrungen.',
    room: 'Workshopraum 5',
    capacity: 35,
    hosts: [
      { name: 'Vertreterinnen und Vertreter des Landkreises Elbe-Elster' },
      { name: 'Vertreterinnen und Vertreter des Landkreises Schwandorf' },
    ],
  },
];

const PHASE_TWO: DemoWorkshop[] = [
  {
    number: 6,
    title: 'Die Dialogische Haltung in der Arbeit mit Jugendlichen',
    subtitle: 'Dialogische Fähigkeiten kennenlernen, entwickeln und reflektieren',
    description:
      'Was macht eine dialogische Haltung aus, und mit welchen Gesprächstechniken lässt sich die ' +
      'Zusammenarbeit mit Jugendlichen konstruktiv gestalten? Die Teilnehmenden lernen die ' +
      'dialogischen Fähigkeiten nach J. und M. Hartkemeyer und Freeman Dhority kennen und ' +
      'erproben sie in praktischen Übungen.',
    room: 'Workshopraum 1',
    capacity: 30,
    hosts: [
      {
        name: 'Martina Leshwange',
        affiliation: 'Fachberatung Jugendförderung, LVR-Landesjugendamt Rheinland',
      },
    ],
  },
  {
    number: 7,
    title: 'Junge Geflüchtete in Konsultationsworkshops anhören',
    subtitle: 'Wie können die Bedarfe junger Geflüchteter erhoben und einbezogen werden?',
    description:
      'Konsultationsworkshops erheben Bedarfe, Meinungen und Einschätzungen geflüchteter ' +
      'Jugendlicher und können ein erster Schritt zu ihrer Beteiligung sein. Am Beispiel des ' +
      'Landkreises Mecklenburgische Seenplatte werden sie vorgestellt, auch mit visuellen ' +
      'Methoden, die weniger sprachbasiert sind.',
    room: 'Workshopraum 2',
    capacity: 30,
    hosts: [
      { name: 'Petra Strassler-Wonn', affiliation: 'Leiterin AWO Ausblick in Neubrandenburg' },
      { name: 'Abdul Rahman Al Omar', affiliation: 'Mitbewohner AWO Ausblick' },
      {
        name: 'Dirk Adams',
        affiliation: 'Prozessbegleiter im Programm „Willkommen bei Freunden“',
      },
    ],
  },
  {
    number: 8,
    title: 'Den Weg junger Geflüchteter in Ausbildung ebnen',
    subtitle:
      'Mit Prozessketten und Strukturworkshops Arbeitsfelder mit vielen Beteiligten analysieren und effektiv gestalten',
    description:
      'Die Stadt Magdeburg hat im Rahmen von „Willkommen bei Freunden“ alle Akteure, die junge ' +
      'Geflüchtete in Ausbildung bringen, einer Prozesskette zugeordnet. So wurden Leerstellen ' +
      'und Herausforderungen sichtbar und Lösungsansätze entwickelt. Der Workshop stellt diesen ' +
      'systematischen Ansatz vor.',
    room: 'Workshopraum 5',
    capacity: 35,
    hosts: [
      {
        name: 'Dagmar Bremer',
        affiliation: 'Kommunale Bildungskoordinatorin für Neuzugewanderte, Stadt Magdeburg',
      },
    ],
  },
  {
    number: 9,
    title: 'Gelungene Netzwerkkoordination',
    subtitle: 'Mit Herausforderungen und Widerständen in Netzwerken umgehen',
    description:
      'Kaum ein Netzwerk bleibt von Konflikten und inneren Widerständen verschont. Der Workshop ' +
      'beschäftigt sich mit der Koordination von Netzwerken und der Reflexion der eigenen ' +
      'Netzwerkarbeit: Blockaden verstehen, konstruktiv angehen und Handlungsoptionen entwerfen.',
    room: 'Workshopraum 3',
    capacity: 30,
    hosts: [
      {
        name: 'Farina Eggert',
        affiliation:
          'Wissenschaftliche Mitarbeiterin im Institut für Kommunale Planung und Entwicklung (IKPE) in Erfurt',
      },
      {
        name: 'Robert Römer',
        affiliation:
          'Prozessbegleiter und wissenschaftlicher Mitarbeiter an der Fachhochschule Erfurt',
      },
    ],
  },
  {
    number: 10,
    title: 'Führen auf Augenhöhe',
    subtitle:
      'Wie gelingt es als Koordinierungsstelle, unterschiedliche Akteure zum gemeinsamen Arbeiten anzuleiten?',
    description:
      'Koordinierende Stellen in Verwaltungen und Organisationen sollen interdisziplinäre ' +
      'Arbeitsgruppen intern und mit externen Akteuren zusammenführen. Welche Kompetenzen und ' +
      'welche Haltung helfen dabei? Für Personen in koordinierenden Positionen, die sich ' +
      'austauschen und an Handlungskompetenzen arbeiten möchten.',
    room: 'Workshopraum 4',
    capacity: 30,
    hosts: [
      {
        name: 'Claudia Bollig',
        affiliation: 'Prozessbegleiterin im Programm „Willkommen bei Freunden“',
      },
    ],
  },
];

/** The programme of 19 June 2018, in time order. */
export const TRANSFERFORUM_AGENDA: DemoAgendaItem[] = [
  { kind: AgendaItemKind.ARRIVAL, start: '09:00', end: '09:30', title: 'Ankommen' },
  {
    kind: AgendaItemKind.WELCOME,
    start: '09:30',
    end: '10:10',
    title: 'Begrüßung',
    room: 'Plenarsaal',
    speakers: [
      { name: 'Bundesministerium für Familie, Senioren, Frauen und Jugend' },
      {
        name: 'Serap Güler',
        affiliation:
          'Staatssekretärin für Integration im Ministerium für Kinder, Familie, Flüchtlinge und Integration des Landes Nordrhein-Westfalen',
      },
    ],
  },
  {
    kind: AgendaItemKind.KEYNOTE,
    start: '10:10',
    end: '11:15',
    title: 'Keynote „Integration durch Kooperation: Herausforderungen und Handlungsmöglichkeiten“',
    description:
      'Im Sommer 2017 erschien die Studie „Städte und Gemeinden in der Flüchtlingspolitik. Welche ' +
      'Probleme gibt es – und wie kann man sie lösen?“ des Verwaltungswissenschaftlers Prof. Dr. ' +
      'Jörg Bogumil. Er zeigt Herausforderungen kommunaler Zusammenarbeit und konkrete ' +
      'Handlungsmöglichkeiten und Lösungswege für kommunale Akteure auf.',
    room: 'Plenarsaal',
    speakers: [{ name: 'Prof. Dr. Jörg Bogumil', affiliation: 'Ruhr-Universität Bochum' }],
  },
  {
    kind: AgendaItemKind.WORKSHOP_PHASE,
    start: '11:30',
    end: '13:00',
    title: 'Arbeitsphase I',
    subtitle: 'Praxisbeispiele und Erfahrungsaustausch',
    workshops: PHASE_ONE,
  },
  {
    kind: AgendaItemKind.WORKSHOP_PHASE,
    start: '14:00',
    end: '15:45',
    title: 'Arbeitsphase II',
    subtitle: 'Methoden und Instrumente',
    workshops: PHASE_TWO,
  },
  {
    kind: AgendaItemKind.CLOSING,
    start: '16:00',
    end: '16:30',
    title: 'Abschlussrunde',
    description: 'Präsentation und Diskussion von Kernergebnissen des Transferforums',
    room: 'Plenarsaal',
  },
];
