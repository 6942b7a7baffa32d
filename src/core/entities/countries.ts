/**
 * Countries as data: each country's common name, the other names and standard abbreviations it
 * goes by (`United States`, `U.S.`, `USA`, `United States of America`), and its demonyms
 * (`Peruvian`). General reference data, not drawn from any corpus: the corpus-wide step merges a
 * country's names into one node, and scoped acronyms (`MFA`, `GOI`) find their country here.
 */
import { entityKey } from './normalize.ts';

export interface Country {
  /** The key of its common name (`united states`), which names its node. */
  key: string;
  name: string;
  /** Keys of every name and abbreviation, the common name's included. */
  names: string[];
  /** Keys of its demonyms (`peruvian`, `peruvians`). */
  demonyms: string[];
}

/**
 * `Name|other name|ABBR;demonym|demonym`. Abbreviations that are also common words or other
 * things' names are left out (`IN`, `CAN`); ambiguous demonyms likewise (`Congolese`).
 */
const TABLE = `
Afghanistan|Islamic Republic of Afghanistan;Afghan|Afghans
Albania;Albanian|Albanians
Algeria;Algerian|Algerians
Andorra;Andorran
Angola;Angolan|Angolans
Argentina|Argentine Republic;Argentine|Argentinian|Argentines|Argentinians
Armenia;Armenian|Armenians
Australia;Australian|Australians
Austria;Austrian|Austrians
Azerbaijan;Azerbaijani|Azeri|Azerbaijanis|Azeris
Bahamas|The Bahamas;Bahamian
Bahrain;Bahraini|Bahrainis
Bangladesh;Bangladeshi|Bangladeshis
Barbados;Barbadian
Belarus;Belarusian|Belarusians
Belgium;Belgian|Belgians
Belize;Belizean
Benin;Beninese
Bhutan;Bhutanese
Bolivia;Bolivian|Bolivians
Bosnia and Herzegovina|Bosnia|Bosnia-Herzegovina|BiH;Bosnian|Bosnians
Botswana;Batswana|Motswana
Brazil;Brazilian|Brazilians
Brunei;Bruneian
Bulgaria;Bulgarian|Bulgarians
Burkina Faso;Burkinabe
Burma|Myanmar;Burmese
Burundi;Burundian|Burundians
Cambodia;Cambodian|Cambodians
Cameroon;Cameroonian|Cameroonians
Canada;Canadian|Canadians
Cape Verde|Cabo Verde;Cape Verdean
Central African Republic
Chad;Chadian|Chadians
Chile;Chilean|Chileans
China|People's Republic of China|PRC;Chinese
Colombia;Colombian|Colombians
Comoros;Comoran
Costa Rica;Costa Rican|Costa Ricans
Cote d'Ivoire|Ivory Coast;Ivorian|Ivorians
Croatia;Croatian|Croatians|Croat|Croats
Cuba;Cuban|Cubans
Cyprus;Cypriot|Cypriots
Czech Republic|Czechia;Czech|Czechs
Democratic Republic of the Congo|DRC|DR Congo|Congo-Kinshasa
Denmark;Danish|Dane|Danes
Djibouti;Djiboutian
Dominican Republic;Dominican|Dominicans
Ecuador;Ecuadorian|Ecuadorians|Ecuadoran
Egypt|Arab Republic of Egypt;Egyptian|Egyptians
El Salvador;Salvadoran|Salvadorans
Equatorial Guinea;Equatoguinean
Eritrea;Eritrean|Eritreans
Estonia;Estonian|Estonians
Ethiopia;Ethiopian|Ethiopians
Fiji;Fijian
Finland;Finnish|Finn|Finns
France|French Republic;French
Gabon;Gabonese
Gambia|The Gambia;Gambian
Georgia;Georgian|Georgians
Germany|Federal Republic of Germany|FRG;German|Germans
Ghana;Ghanaian|Ghanaians
Greece;Greek|Greeks
Guatemala;Guatemalan|Guatemalans
Guinea;Guinean|Guineans
Guinea-Bissau
Guyana;Guyanese
Haiti;Haitian|Haitians
Holy See|Vatican|Vatican City
Honduras;Honduran|Hondurans
Hungary;Hungarian|Hungarians
Iceland;Icelandic|Icelander|Icelanders
India|Republic of India;Indian|Indians
Indonesia;Indonesian|Indonesians
Iran|Islamic Republic of Iran|IRI;Iranian|Iranians
Iraq|Republic of Iraq;Iraqi|Iraqis
Ireland;Irish
Israel|State of Israel;Israeli|Israelis
Italy;Italian|Italians
Jamaica;Jamaican|Jamaicans
Japan;Japanese
Jordan|Hashemite Kingdom of Jordan;Jordanian|Jordanians
Kazakhstan;Kazakh|Kazakhs|Kazakhstani
Kenya;Kenyan|Kenyans
Kosovo;Kosovar|Kosovars
Kuwait;Kuwaiti|Kuwaitis
Kyrgyzstan|Kyrgyz Republic;Kyrgyz
Laos;Lao|Laotian
Latvia;Latvian|Latvians
Lebanon;Lebanese
Lesotho;Basotho
Liberia;Liberian|Liberians
Libya;Libyan|Libyans
Liechtenstein
Lithuania;Lithuanian|Lithuanians
Luxembourg;Luxembourgish
Macedonia|North Macedonia|FYROM;Macedonian|Macedonians
Madagascar;Malagasy
Malawi;Malawian|Malawians
Malaysia;Malaysian|Malaysians
Maldives;Maldivian
Mali;Malian|Malians
Malta;Maltese
Mauritania;Mauritanian|Mauritanians
Mauritius;Mauritian
Mexico|United Mexican States;Mexican|Mexicans
Moldova;Moldovan|Moldovans
Monaco;Monegasque
Mongolia;Mongolian|Mongolians
Montenegro;Montenegrin|Montenegrins
Morocco;Moroccan|Moroccans
Mozambique;Mozambican|Mozambicans
Namibia;Namibian|Namibians
Nepal;Nepali|Nepalese
Netherlands|The Netherlands|Holland;Dutch
New Zealand;New Zealander|New Zealanders
Nicaragua;Nicaraguan|Nicaraguans
Niger;Nigerien
Nigeria;Nigerian|Nigerians
North Korea|DPRK|Democratic People's Republic of Korea;North Korean|North Koreans
Norway;Norwegian|Norwegians
Oman;Omani|Omanis
Pakistan;Pakistani|Pakistanis
Palestinian Territories|Palestine|West Bank and Gaza
Panama;Panamanian|Panamanians
Papua New Guinea|PNG
Paraguay;Paraguayan|Paraguayans
Peru;Peruvian|Peruvians
Philippines|The Philippines;Filipino|Filipinos|Philippine
Poland;Polish|Pole|Poles
Portugal;Portuguese
Qatar;Qatari|Qataris
Republic of the Congo|Congo-Brazzaville
Romania;Romanian|Romanians
Russia|Russian Federation;Russian|Russians
Rwanda;Rwandan|Rwandans
Saudi Arabia|Kingdom of Saudi Arabia|KSA;Saudi|Saudis
Senegal;Senegalese
Serbia;Serbian|Serbians|Serb|Serbs
Sierra Leone;Sierra Leonean
Singapore;Singaporean|Singaporeans
Slovakia|Slovak Republic;Slovak|Slovaks
Slovenia;Slovenian|Slovenians|Slovene|Slovenes
Somalia;Somali|Somalis
South Africa|Republic of South Africa|RSA;South African|South Africans
South Korea|Republic of Korea|ROK;South Korean|South Koreans
Spain|Kingdom of Spain;Spanish|Spaniard|Spaniards
Sri Lanka;Sri Lankan|Sri Lankans
Sudan;Sudanese
Suriname;Surinamese
Swaziland|Eswatini;Swazi
Sweden;Swedish|Swede|Swedes
Switzerland|Swiss Confederation;Swiss
Syria|Syrian Arab Republic|SARG;Syrian|Syrians
Taiwan;Taiwanese
Tajikistan;Tajik|Tajiks
Tanzania;Tanzanian|Tanzanians
Thailand;Thai|Thais
Timor-Leste|East Timor;Timorese
Togo;Togolese
Trinidad and Tobago
Tunisia;Tunisian|Tunisians
Turkey;Turkish|Turk|Turks
Turkmenistan;Turkmen
Uganda;Ugandan|Ugandans
Ukraine;Ukrainian|Ukrainians
United Arab Emirates|UAE;Emirati|Emiratis
United Kingdom|UK|Great Britain|Britain|United Kingdom of Great Britain and Northern Ireland;British
United States|US|USA|United States of America;American|Americans
Uruguay;Uruguayan|Uruguayans
Uzbekistan;Uzbek|Uzbeks
Venezuela|Bolivarian Republic of Venezuela;Venezuelan|Venezuelans
Vietnam|Viet Nam;Vietnamese
Yemen|Republic of Yemen;Yemeni|Yemenis
Zambia;Zambian|Zambians
Zimbabwe;Zimbabwean|Zimbabweans
`;

/** Unions and organisations known by a standard abbreviation: merged like country names. */
const ORGANISATIONS = `
European Union|EU
United Nations|UN
North Atlantic Treaty Organization|NATO|North Atlantic Treaty Organisation
African Union|AU
Organization of American States|OAS
International Atomic Energy Agency|IAEA
International Monetary Fund|IMF
World Trade Organization|WTO
United Nations Security Council|UNSC
`;

function parse(table: string): Country[] {
  const out: Country[] = [];
  for (const line of table.trim().split('\n')) {
    const [names, demonyms = ''] = line.split(';');
    const forms = names!.split('|');
    out.push({
      key: entityKey(forms[0]!),
      name: forms[0]!,
      names: forms.map(entityKey),
      demonyms: demonyms === '' ? [] : demonyms.split('|').map(entityKey),
    });
  }
  return out;
}

export const COUNTRIES: readonly Country[] = parse(TABLE);
export const ORGANISATION_NAMES: readonly Country[] = parse(ORGANISATIONS);

const BY_NAME = new Map<string, Country>();
const BY_DEMONYM = new Map<string, Country>();
for (const c of COUNTRIES) {
  for (const n of c.names) if (!BY_NAME.has(n)) BY_NAME.set(n, c);
  for (const d of c.demonyms) if (!BY_DEMONYM.has(d)) BY_DEMONYM.set(d, c);
}
const ORGANISATION_BY_NAME = new Map<string, Country>();
for (const o of ORGANISATION_NAMES) for (const n of o.names) ORGANISATION_BY_NAME.set(n, o);

/** The country a key names (`u.s.` → no, keys are dot-free: `us`, `united states of america`), or undefined. */
export function countryByName(key: string): Country | undefined {
  return BY_NAME.get(key.startsWith('the ') ? key.slice(4) : key);
}

/** The country a demonym belongs to (`peruvian` → Peru), or undefined. */
export function countryByDemonym(key: string): Country | undefined {
  return BY_DEMONYM.get(key);
}

/** The country a key names, by name or by demonym. */
export function countryOf(key: string): Country | undefined {
  return countryByName(key) ?? countryByDemonym(key);
}

/** The canonical key of a country's or a known organisation's name variant (`usa` → `united states`, `eu` → `european union`), or undefined. */
export function canonicalNameKey(key: string): string | undefined {
  return countryByName(key)?.key ?? ORGANISATION_BY_NAME.get(key)?.key;
}

/** The country whose common-name key is `key`. */
export function countryByKey(key: string): Country | undefined {
  const c = BY_NAME.get(key);
  return c !== undefined && c.key === key ? c : undefined;
}
