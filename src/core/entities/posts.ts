/**
 * Cablegate's posts as data: the city (or name) of each US embassy, consulate and mission that
 * sends cables, and the country it reports from. A cable's country (from metadata.csv's origin,
 * `Embassy Paris`, or the header's `PARIS 002242`) is what an unqualified `MFA` or `GOF` in it
 * most likely belongs to. Missions to international bodies (USNATO, USEU, USUN, UNVIE) and the
 * Department itself have no host country for that purpose: their `MFA` must be named.
 * General reference data (the State Department's list of posts), not drawn from any corpus.
 */
import { countryByName, type Country } from './countries.ts';
import { entityKey } from './normalize.ts';

/** `Country: Post|Post|...`, by the country's common name in countries.ts. */
const POSTS = `
Afghanistan: Kabul|Herat|Kandahar|Mazar-e-Sharif
Albania: Tirana
Algeria: Algiers
Angola: Luanda
Argentina: Buenos Aires
Armenia: Yerevan
Australia: Canberra|Sydney|Melbourne|Perth
Austria: Vienna
Azerbaijan: Baku
Bahamas: Nassau
Bahrain: Manama
Bangladesh: Dhaka
Barbados: Bridgetown
Belarus: Minsk
Belgium: Brussels
Belize: Belmopan
Benin: Cotonou
Bolivia: La Paz
Bosnia and Herzegovina: Sarajevo
Botswana: Gaborone
Brazil: Brasilia|Rio De Janeiro|Sao Paulo|Recife
Brunei: Bandar Seri Begawan
Bulgaria: Sofia
Burkina Faso: Ouagadougou
Burma: Rangoon
Burundi: Bujumbura
Cambodia: Phnom Penh
Cameroon: Yaounde|Douala
Canada: Ottawa|Toronto|Montreal|Vancouver|Calgary|Halifax|Quebec|Winnipeg
Cape Verde: Praia
Central African Republic: Bangui
Chad: Ndjamena|N'Djamena
Chile: Santiago
China: Beijing|Shanghai|Guangzhou|Shenyang|Chengdu|Hong Kong|Wuhan
Colombia: Bogota
Costa Rica: San Jose
Cote d'Ivoire: Abidjan
Croatia: Zagreb
Cuba: Havana
Cyprus: Nicosia
Czech Republic: Prague
Democratic Republic of the Congo: Kinshasa
Denmark: Copenhagen
Djibouti: Djibouti
Dominican Republic: Santo Domingo
Ecuador: Quito|Guayaquil
Egypt: Cairo|Alexandria
El Salvador: San Salvador
Equatorial Guinea: Malabo
Eritrea: Asmara
Estonia: Tallinn
Ethiopia: Addis Ababa
Fiji: Suva
Finland: Helsinki
France: Paris|Marseille|Strasbourg
Gabon: Libreville
Gambia: Banjul
Georgia: Tbilisi
Germany: Berlin|Bonn|Frankfurt|Munich|Hamburg|Dusseldorf|Leipzig
Ghana: Accra
Greece: Athens|Thessaloniki
Guatemala: Guatemala
Guinea: Conakry
Guinea-Bissau: Bissau
Guyana: Georgetown
Haiti: Port Au Prince
Holy See: Vatican
Honduras: Tegucigalpa
Hungary: Budapest
Iceland: Reykjavik
India: New Delhi|Mumbai|Chennai|Kolkata|Calcutta|Hyderabad
Indonesia: Jakarta|Surabaya|Medan
Iran: Tehran
Iraq: Baghdad|Basrah|Kirkuk|Erbil|Mosul|Hillah
Ireland: Dublin
Israel: Tel Aviv
Palestinian Territories: Jerusalem
Italy: Rome|Milan|Naples|Florence
Jamaica: Kingston
Japan: Tokyo|Osaka Kobe|Naha|Sapporo|Fukuoka|Nagoya
Jordan: Amman
Kazakhstan: Astana|Almaty
Kenya: Nairobi
Kosovo: Pristina
Kuwait: Kuwait
Kyrgyzstan: Bishkek
Laos: Vientiane
Latvia: Riga
Lebanon: Beirut
Lesotho: Maseru
Liberia: Monrovia
Libya: Tripoli
Lithuania: Vilnius
Luxembourg: Luxembourg
Macedonia: Skopje
Madagascar: Antananarivo
Malawi: Lilongwe
Malaysia: Kuala Lumpur
Mali: Bamako
Malta: Valletta
Mauritania: Nouakchott
Mauritius: Port Louis
Mexico: Mexico|Mexico City|Monterrey|Guadalajara|Tijuana|Ciudad Juarez|Nuevo Laredo|Matamoros|Hermosillo|Merida|Nogales
Moldova: Chisinau
Mongolia: Ulaanbaatar
Montenegro: Podgorica
Morocco: Rabat|Casablanca
Mozambique: Maputo
Namibia: Windhoek
Nepal: Kathmandu
Netherlands: The Hague|Amsterdam
New Zealand: Wellington|Auckland
Nicaragua: Managua
Niger: Niamey
Nigeria: Abuja|Lagos
North Korea: Pyongyang
Norway: Oslo
Oman: Muscat
Pakistan: Islamabad|Karachi|Lahore|Peshawar
Panama: Panama
Papua New Guinea: Port Moresby
Paraguay: Asuncion
Peru: Lima
Philippines: Manila
Poland: Warsaw|Krakow
Portugal: Lisbon|Ponta Delgada
Qatar: Doha
Republic of the Congo: Brazzaville
Romania: Bucharest
Russia: Moscow|St Petersburg|Saint Petersburg|Vladivostok|Yekaterinburg
Rwanda: Kigali
Saudi Arabia: Riyadh|Jeddah|Dhahran
Senegal: Dakar
Serbia: Belgrade
Sierra Leone: Freetown
Singapore: Singapore
Slovakia: Bratislava
Slovenia: Ljubljana
Somalia: Mogadishu
South Africa: Pretoria|Cape Town|Durban|Johannesburg
South Korea: Seoul|Busan
Spain: Madrid|Barcelona
Sri Lanka: Colombo
Sudan: Khartoum
Suriname: Paramaribo
Swaziland: Mbabane
Sweden: Stockholm
Switzerland: Bern
Syria: Damascus
Taiwan: Taipei|AIT Taipei
Tajikistan: Dushanbe
Tanzania: Dar Es Salaam
Thailand: Bangkok|Chiang Mai
Timor-Leste: Dili
Togo: Lome
Trinidad and Tobago: Port Of Spain
Tunisia: Tunis
Turkey: Ankara|Istanbul|Adana
Turkmenistan: Ashgabat
Uganda: Kampala
Ukraine: Kyiv|Kiev
United Arab Emirates: Abu Dhabi|Dubai
United Kingdom: London|Belfast|Edinburgh
United States: State|Secstate|Secretary of State|Washington
Uruguay: Montevideo
Uzbekistan: Tashkent
Venezuela: Caracas
Vietnam: Hanoi|Ho Chi Minh City
Yemen: Sanaa
Zambia: Lusaka
Zimbabwe: Harare
`;

/** Missions to international bodies: no host country (`USNATO`, `USEU Brussels`, `UNVIE`, `Iran RPO Dubai` reports on Iran). */
const MISSIONS = `
USNATO|USEU|USUN|USUN New York|UNVIE|USOSCE|US Mission Geneva|Geneva|USMISSION Geneva|USUNROME|Unesco Paris|USOECD|OECD Paris
`;

/** Posts that report on another country than the one they sit in. */
const REPORTING_ON = `
Iran: Iran RPO Dubai|RPO Dubai
Cuba: US Interests Section Havana|USINT Havana
`;

const POST_COUNTRY = new Map<string, Country | null>();
/** Posts by their name without spaces, as Cablegate's file names and ids write them (`09TELAVIV2502`). */
const POST_COMPACT = new Map<string, Country | null>();
function add(country: Country | null, posts: string): void {
  for (const p of posts.split('|')) {
    POST_COUNTRY.set(entityKey(p), country);
    POST_COMPACT.set(entityKey(p).replace(/[\s'-]+/g, ''), country);
  }
}
for (const line of POSTS.trim().split('\n')) {
  const [name, posts] = line.split(': ');
  add(countryByName(entityKey(name!)) ?? null, posts!);
}
add(null, MISSIONS.trim());
for (const line of REPORTING_ON.trim().split('\n')) {
  const [name, posts] = line.split(': ');
  add(countryByName(entityKey(name!)) ?? null, posts!);
}

/** Words metadata.csv writes before a post's city (`Embassy Paris`, `Consulate Sao Paulo`). */
const POST_KINDS = /^(?:american |us |u\.s\. )?(?:embassy|consulate general|consulate|mission|branch office|amembassy|amconsul|usliaison|usoffice|us office|usint)\s+/;

/**
 * The country a post reports from, from metadata.csv's origin (`Embassy Paris`) or the header's
 * origin (`PARIS`, `TEL AVIV`); null for a mission to an international body or an unknown post.
 */
export function postCountry(origin: string): Country | null {
  const key = entityKey(origin);
  if (key === '') return null;
  const direct = POST_COUNTRY.get(key);
  if (direct !== undefined) return direct;
  const city = key.replace(POST_KINDS, '');
  return POST_COUNTRY.get(city) ?? null;
}

/** Cablegate's cable ids and file names: two digits of the year, the post without spaces, the serial (`09TELAVIV2502`). */
const CABLE_ID = /^\d{2}([A-Z][A-Z]+?)\d+$/;

/** The country of the post in a Cablegate cable id or file name (`09TELAVIV2502.txt` → Israel), or null. */
export function cableIdCountry(file: string): Country | null {
  const name = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1).replace(/\.[^.]*$/, '');
  const m = CABLE_ID.exec(name);
  return m === null ? null : POST_COMPACT.get(m[1]!.toLowerCase()) ?? null;
}
