import type { factorsEn } from './factors-en.js';

/** The factors of knowledge/matrix.yaml in German (our own translation), by factor id. */
export const factorsDe: typeof factorsEn = {
  'prototype-speed': {
    title: 'Schnell eine erste Version liefern',
    question: 'Müsst ihr schnell eine erste Version oder einen Prototyp liefern, bevor das Produkt sich bewährt hat?',
  },
  'ml-data': {
    title: 'ML und Datenarbeit',
    question:
      'Wie zentral sind Machine Learning, Data Science oder Analytics für dieses Backend? (1 = gar nicht, 5 = der Kern davon)',
  },
  'high-throughput': {
    title: 'Sehr hohe Anfrageraten',
    question:
      'Muss ein einzelner Dienst sehr hohe Anfrageraten bewältigen, um die 50.000 Anfragen pro Sekunde auf einem Server?',
  },
  'concurrent-connections': {
    title: 'Viele offene Verbindungen',
    question:
      'Haltet ihr 10.000 oder mehr langlebige Verbindungen gleichzeitig offen (WebSockets, Streaming, Server-Sent Events)?',
  },
  'cpu-in-request': {
    title: 'CPU-lastige Arbeit in Anfragen',
    question:
      'Muss CPU-lastige Arbeit (Medienverarbeitung, Kryptografie in großer Menge, aufwendige Berechnungen) in den Anfragen laufen statt in Hintergrund-Workern?',
  },
  'io-bound': {
    title: 'Vor allem Warten auf I/O',
    question: 'Besteht die meiste Arbeit aus Warten auf Datenbanken und andere Dienste (I/O-lastig) statt aus Rechnen?',
  },
  'team-python': {
    title: 'Ein Team mit Python-Erfahrung',
    question: 'Kennt dein Team Python schon gut und Go kaum?',
  },
  hiring: {
    title: 'Einstellen aus einem großen Pool',
    question:
      'Wie wichtig ist es im nächsten Jahr, schnell aus einem großen Pool an Bewerbern einzustellen? (1 = gar nicht, 5 = sehr)',
  },
  'batteries-included': {
    title: 'Web-Werkzeuge mit allem Drum und Dran',
    question: 'Wollt ihr ein ORM mit Migrationen, ein Admin-Interface und Authentifizierung direkt fertig dabei?',
  },
  'binaries-and-tooling': {
    title: 'CLI- und Infrastruktur-Werkzeuge',
    question:
      'Liefert ihr CLI-Tools, DevOps- oder Infrastruktur-Werkzeuge aus, oder irgendetwas, das als einzelnes Binary verteilt wird?',
  },
  'memory-constrained': {
    title: 'Knapper Speicher',
    question: 'Läuft es mit knappen Speichergrenzen (kleine Container, Edge- oder IoT-Geräte)?',
  },
  'cloud-native': {
    title: 'Cloud-native Microservices',
    question: 'Ist es ein cloud-natives System aus vielen Microservices auf Containern oder Kubernetes?',
  },
  'long-running': {
    title: 'Lang laufende Dienste',
    question: 'Läuft der Dienst über lange Zeit, sodass gleichmäßiger Speicherbedarf und stabile Latenz zählen?',
  },
  'science-scraping': {
    title: 'Wissenschaftliches Rechnen oder Scraping',
    question: 'Macht das Backend wissenschaftliches oder numerisches Rechnen oder Web-Scraping?',
  },
};
