/**
 * Countries customers are seeded in, with enough local detail (cities, states, postal code
 * shapes, legal suffixes, names) for addresses and company names to look real.
 * Postal patterns: `#` is a digit, `A` an upper-case letter.
 */
export interface CountryData {
  /** ISO 3166-1 alpha-2, as Partner Center's Address.country. */
  code: string;
  culture: string;
  language: string;
  phonePrefix: string;
  postal: string;
  cities: ReadonlyArray<readonly [city: string, state: string]>;
  streets: readonly string[];
  /** Street number before the street name (US style) or after it (European style). */
  numberFirst: boolean;
  legalSuffixes: readonly string[];
  firstNames: readonly string[];
  lastNames: readonly string[];
  /** Relative share of seeded customers. */
  weight: number;
}

const enFirst = ['James', 'Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Lucas', 'Mia', 'Ethan', 'Grace', 'Daniel', 'Chloe', 'Samuel', 'Priya', 'Aisha', 'Mateo', 'Hannah', 'Oliver', 'Zoe', 'Ryan'];
const enLast = ['Smith', 'Johnson', 'Brown', 'Taylor', 'Wilson', 'Davies', 'Clarke', 'Patel', 'Nguyen', 'Okafor', 'Murphy', 'Campbell', 'Hughes', 'Foster', 'Reid', 'Walsh', 'Bennett', 'Carter', 'Hayes', 'Morgan'];

export const COUNTRIES: readonly CountryData[] = [
  {
    code: 'US', culture: 'en-US', language: 'en', phonePrefix: '+1', postal: '#####', numberFirst: true, weight: 30,
    cities: [['Seattle', 'WA'], ['Redmond', 'WA'], ['Austin', 'TX'], ['Denver', 'CO'], ['Chicago', 'IL'], ['Boston', 'MA'], ['Atlanta', 'GA'], ['Portland', 'OR'], ['Phoenix', 'AZ'], ['Raleigh', 'NC']],
    streets: ['Main Street', 'Oak Avenue', 'Pine Street', 'Maple Drive', 'Cedar Lane', 'Lakeview Boulevard', 'Market Street', 'Washington Avenue'],
    legalSuffixes: ['Inc.', 'LLC', 'Corp.', 'Co.'], firstNames: enFirst, lastNames: enLast,
  },
  {
    code: 'GB', culture: 'en-GB', language: 'en', phonePrefix: '+44', postal: 'AA# #AA', numberFirst: true, weight: 14,
    cities: [['London', 'Greater London'], ['Manchester', 'Greater Manchester'], ['Leeds', 'West Yorkshire'], ['Bristol', 'Bristol'], ['Edinburgh', 'Scotland'], ['Cardiff', 'Wales'], ['Birmingham', 'West Midlands']],
    streets: ['High Street', 'Station Road', 'Church Lane', 'Victoria Road', 'Mill Lane', 'Park Road', 'King Street'],
    legalSuffixes: ['Ltd', 'Limited', 'LLP', 'plc'], firstNames: enFirst, lastNames: enLast,
  },
  {
    code: 'DE', culture: 'de-DE', language: 'de', phonePrefix: '+49', postal: '#####', numberFirst: false, weight: 10,
    cities: [['Berlin', 'Berlin'], ['München', 'Bayern'], ['Hamburg', 'Hamburg'], ['Köln', 'Nordrhein-Westfalen'], ['Frankfurt am Main', 'Hessen'], ['Stuttgart', 'Baden-Württemberg'], ['Leipzig', 'Sachsen']],
    streets: ['Hauptstraße', 'Bahnhofstraße', 'Gartenstraße', 'Schulstraße', 'Lindenweg', 'Bergstraße', 'Kirchplatz'],
    legalSuffixes: ['GmbH', 'GmbH & Co. KG', 'AG', 'e.K.'],
    firstNames: ['Lukas', 'Anna', 'Jonas', 'Lea', 'Felix', 'Marie', 'Paul', 'Sophie', 'Maximilian', 'Laura', 'Tobias', 'Julia'],
    lastNames: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Hoffmann', 'Schäfer', 'Koch', 'Richter'],
  },
  {
    code: 'FR', culture: 'fr-FR', language: 'fr', phonePrefix: '+33', postal: '#####', numberFirst: true, weight: 7,
    cities: [['Paris', 'Île-de-France'], ['Lyon', 'Auvergne-Rhône-Alpes'], ['Marseille', "Provence-Alpes-Côte d'Azur"], ['Toulouse', 'Occitanie'], ['Nantes', 'Pays de la Loire'], ['Lille', 'Hauts-de-France']],
    streets: ['Rue de la République', 'Avenue Victor Hugo', 'Rue du Moulin', 'Boulevard Pasteur', 'Rue des Lilas', 'Place de la Gare'],
    legalSuffixes: ['SAS', 'SARL', 'SA'],
    firstNames: ['Louis', 'Camille', 'Hugo', 'Chloé', 'Jules', 'Manon', 'Arthur', 'Léa', 'Théo', 'Inès'],
    lastNames: ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau'],
  },
  {
    code: 'NL', culture: 'nl-NL', language: 'nl', phonePrefix: '+31', postal: '#### AA', numberFirst: false, weight: 5,
    cities: [['Amsterdam', 'Noord-Holland'], ['Rotterdam', 'Zuid-Holland'], ['Utrecht', 'Utrecht'], ['Eindhoven', 'Noord-Brabant'], ['Groningen', 'Groningen']],
    streets: ['Kerkstraat', 'Dorpsstraat', 'Molenweg', 'Stationsplein', 'Nieuwstraat', 'Prinsengracht'],
    legalSuffixes: ['B.V.', 'N.V.'],
    firstNames: ['Daan', 'Emma', 'Sem', 'Julia', 'Lars', 'Sophie', 'Bram', 'Fleur', 'Thijs', 'Sanne'],
    lastNames: ['de Jong', 'Jansen', 'de Vries', 'van den Berg', 'Bakker', 'Visser', 'Smit', 'Meijer', 'Mulder', 'Bos'],
  },
  {
    code: 'AU', culture: 'en-AU', language: 'en', phonePrefix: '+61', postal: '####', numberFirst: true, weight: 7,
    cities: [['Sydney', 'NSW'], ['Melbourne', 'VIC'], ['Brisbane', 'QLD'], ['Perth', 'WA'], ['Adelaide', 'SA'], ['Hobart', 'TAS']],
    streets: ['George Street', 'Collins Street', 'Queen Street', 'Elizabeth Street', 'Hay Street', 'Beach Road'],
    legalSuffixes: ['Pty Ltd', 'Pty Limited'], firstNames: enFirst, lastNames: enLast,
  },
  {
    code: 'CA', culture: 'en-CA', language: 'en', phonePrefix: '+1', postal: 'A#A #A#', numberFirst: true, weight: 6,
    cities: [['Toronto', 'ON'], ['Vancouver', 'BC'], ['Calgary', 'AB'], ['Ottawa', 'ON'], ['Halifax', 'NS'], ['Winnipeg', 'MB']],
    streets: ['Yonge Street', 'King Street West', 'Granville Street', 'Bay Street', 'Portage Avenue', 'Spring Garden Road'],
    legalSuffixes: ['Inc.', 'Ltd.', 'Corp.'], firstNames: enFirst, lastNames: enLast,
  },
  {
    code: 'SE', culture: 'sv-SE', language: 'sv', phonePrefix: '+46', postal: '### ##', numberFirst: false, weight: 4,
    cities: [['Stockholm', 'Stockholms län'], ['Göteborg', 'Västra Götalands län'], ['Malmö', 'Skåne län'], ['Uppsala', 'Uppsala län']],
    streets: ['Storgatan', 'Drottninggatan', 'Kungsgatan', 'Skolgatan', 'Järnvägsgatan'],
    legalSuffixes: ['AB'],
    firstNames: ['Erik', 'Maja', 'Oscar', 'Elsa', 'Hugo', 'Alice', 'Axel', 'Ebba'],
    lastNames: ['Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson'],
  },
  {
    code: 'IE', culture: 'en-IE', language: 'en', phonePrefix: '+353', postal: 'A## A#A#', numberFirst: true, weight: 3,
    cities: [['Dublin', 'Leinster'], ['Cork', 'Munster'], ['Galway', 'Connacht'], ['Limerick', 'Munster']],
    streets: ['Grafton Street', "O'Connell Street", 'Patrick Street', 'Shop Street', 'Main Street'],
    legalSuffixes: ['Ltd', 'Limited', 'DAC'], firstNames: enFirst, lastNames: ['Murphy', 'Kelly', "O'Sullivan", 'Walsh', 'Byrne', 'Ryan', "O'Brien", 'Doyle'],
  },
  {
    code: 'ES', culture: 'es-ES', language: 'es', phonePrefix: '+34', postal: '#####', numberFirst: false, weight: 4,
    cities: [['Madrid', 'Madrid'], ['Barcelona', 'Cataluña'], ['Valencia', 'Comunidad Valenciana'], ['Sevilla', 'Andalucía'], ['Bilbao', 'País Vasco']],
    streets: ['Calle Mayor', 'Gran Vía', 'Calle de Alcalá', 'Avenida de la Constitución', 'Paseo de Gracia'],
    legalSuffixes: ['S.L.', 'S.A.'],
    firstNames: ['Hugo', 'Lucía', 'Martín', 'Sofía', 'Pablo', 'Martina', 'Álvaro', 'Carmen'],
    lastNames: ['García', 'Fernández', 'González', 'Rodríguez', 'López', 'Martínez', 'Sánchez', 'Pérez'],
  },
  {
    code: 'DK', culture: 'da-DK', language: 'da', phonePrefix: '+45', postal: '####', numberFirst: false, weight: 2,
    cities: [['København', 'Hovedstaden'], ['Aarhus', 'Midtjylland'], ['Odense', 'Syddanmark']],
    streets: ['Vestergade', 'Østergade', 'Nørregade', 'Strøget', 'Havnegade'],
    legalSuffixes: ['ApS', 'A/S'],
    firstNames: ['William', 'Ida', 'Oliver', 'Freja', 'Carl', 'Clara'],
    lastNames: ['Nielsen', 'Jensen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen'],
  },
  {
    code: 'NZ', culture: 'en-NZ', language: 'en', phonePrefix: '+64', postal: '####', numberFirst: true, weight: 2,
    cities: [['Auckland', 'Auckland'], ['Wellington', 'Wellington'], ['Christchurch', 'Canterbury'], ['Dunedin', 'Otago']],
    streets: ['Queen Street', 'Lambton Quay', 'Colombo Street', 'George Street', 'Victoria Street'],
    legalSuffixes: ['Limited', 'Ltd'], firstNames: enFirst, lastNames: enLast,
  },
  {
    code: 'CH', culture: 'de-CH', language: 'de', phonePrefix: '+41', postal: '####', numberFirst: false, weight: 2,
    cities: [['Zürich', 'ZH'], ['Genève', 'GE'], ['Basel', 'BS'], ['Bern', 'BE'], ['Lausanne', 'VD']],
    streets: ['Bahnhofstrasse', 'Seestrasse', 'Dorfstrasse', 'Rue du Rhône', 'Marktgasse'],
    legalSuffixes: ['AG', 'GmbH', 'SA'],
    firstNames: ['Noah', 'Mia', 'Leon', 'Lina', 'Luca', 'Emma'],
    lastNames: ['Müller', 'Meier', 'Schmid', 'Keller', 'Weber', 'Huber', 'Favre'],
  },
];

const totalWeight = COUNTRIES.reduce((sum, c) => sum + c.weight, 0);

/** Maps a uniform number in [0, 1) to a country by weight. */
export function countryAt(u: number): CountryData {
  let acc = 0;
  for (const c of COUNTRIES) {
    acc += c.weight / totalWeight;
    if (u < acc) return c;
  }
  return COUNTRIES[COUNTRIES.length - 1]!;
}
