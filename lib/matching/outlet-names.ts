/**
 * News outlets (newspapers, agencies, channels, sites) by name, so that a
 * place inside an outlet's name is not read as the place: "The Times of
 * Israel" is not Israel, "MTV Liban" not Lebanon, "The Washington Post" not
 * Washington, "Agence France-Presse" and "France 24" not France (issue #12).
 *
 * Decision: outlets are not highlighted. A reader of the story learns nothing
 * from a card about the paper that printed it, and credit lines ("AFP",
 * "Photo: Reuters") repeat on every page. The four outlets the knowledge base
 * already holds (Reuters, the Associated Press, Axios, Al Jazeera) keep their
 * cards, as `general` entities that never make a page related; here they only
 * shield the places in other outlets' names. Names are listed in the forms
 * pages print them, in English, French, Arabic and Hebrew where the outlet
 * has one; an Arabic or Hebrew name that is also the plain phrase (الشرق الأوسط
 * is "the Middle East", كان is "was") is left out, since it cannot be told apart.
 */

/** One outlet: its usual name and the other forms pages print. */
export interface Outlet {
  name: string;
  /** Every form to recognise, the usual name included. */
  forms: readonly string[];
}

const outlet = (name: string, ...others: string[]): Outlet => ({ name, forms: [name, ...others] });

/** The outlets of the region and the large international ones. */
export const OUTLETS: readonly Outlet[] = [
  // Lebanon
  outlet('Naharnet'),
  outlet('An-Nahar', 'Annahar', 'An Nahar', 'النهار'),
  outlet("L'Orient-Le Jour", 'L’Orient-Le Jour', "L'Orient Le Jour", 'LOrient-Le Jour'),
  outlet("L'Orient Today", 'L’Orient Today'),
  outlet('Al-Akhbar', 'Al Akhbar', 'الأخبار اللبنانية', 'صحيفة الأخبار'),
  outlet('Al-Modon', 'Al Modon', 'المدن'),
  outlet('The Daily Star', 'Daily Star Lebanon'),
  outlet('National News Agency', 'NNA', 'Agence nationale d’information', 'الوكالة الوطنية للإعلام'),
  outlet('LBCI', 'LBC', 'Lebanese Broadcasting Corporation', 'المؤسسة اللبنانية للإرسال'),
  outlet('MTV Lebanon', 'MTV Liban', 'MTV Lebanon News', 'إم تي في', 'ام تي في'),
  outlet('Al Jadeed', 'Al-Jadeed', 'New TV', 'الجديد'),
  outlet('OTV Lebanon', 'OTV'),
  outlet('NBN'),
  outlet('Al-Manar', 'Al Manar', 'المنار', 'قناة المنار'),
  outlet('Al Mayadeen', 'Al-Mayadeen', 'الميادين', 'قناة الميادين'),
  outlet('Télé Liban', 'Tele Liban', 'Télé-Liban', 'تلفزيون لبنان'),
  outlet('Radio Liban', 'إذاعة لبنان'),
  outlet('Voice of Lebanon', 'Voix du Liban', 'صوت لبنان'),
  outlet('Lebanon24', 'Lebanon 24', 'لبنان 24'),
  outlet('Lebanon Debate', 'ليبانون ديبايت'),
  outlet('The961', 'The 961'),
  outlet('Ici Beyrouth'),
  outlet('This is Beirut'),
  outlet('Beirut Today'),
  outlet('Nida al-Watan', 'نداء الوطن'),
  outlet('Al-Liwaa', 'اللواء'),
  // Israel
  outlet('The Times of Israel', 'Times of Israel', 'טיימס אוף ישראל', 'تايمز أوف إسرائيل'),
  outlet('The Jerusalem Post', 'Jerusalem Post', 'ג׳רוזלם פוסט', 'جيروزاليم بوست'),
  outlet('Haaretz', 'הארץ', 'هآرتس'),
  outlet('Israel Hayom', 'ישראל היום', 'يسرائيل هيوم'),
  outlet('Yedioth Ahronoth', 'Yediot Aharonot', 'ידיעות אחרונות', 'يديعوت أحرونوت'),
  outlet('Ynet', 'Ynetnews', 'Ynet News'),
  outlet('Maariv', "Ma'ariv", 'מעריב', 'معاريف'),
  outlet('Israel National News', 'Arutz Sheva', 'ערוץ 7'),
  outlet('i24NEWS', 'i24 News'),
  outlet('Kan News', 'Kan 11', 'Israeli Public Broadcasting Corporation', 'Israel Public Broadcasting Corporation'),
  outlet('Channel 12', 'Channel 12 News', 'N12', 'חדשות 12', 'القناة 12'),
  outlet('Channel 13', 'Channel 13 News', 'חדשות 13', 'القناة 13'),
  outlet('Army Radio', 'Galei Tzahal', 'Galei Zahal', 'גלי צה"ל', 'إذاعة الجيش الإسرائيلي'),
  outlet('Jewish News Syndicate', 'JNS'),
  outlet('Globes', 'גלובס'),
  // The wider region
  outlet('Al Jazeera', 'Al-Jazeera', 'Aljazeera', 'قناة الجزيرة'),
  outlet('Al Arabiya', 'Al-Arabiya', 'العربية', 'قناة العربية'),
  outlet('Sky News Arabia', 'سكاي نيوز عربية'),
  outlet('Asharq Al-Awsat', 'Asharq al-Awsat', 'Asharq Al Awsat', 'صحيفة الشرق الأوسط'),
  outlet('Al-Quds Al-Arabi', 'القدس العربي'),
  outlet('Arab News'),
  outlet('Gulf News'),
  outlet('Middle East Eye', 'ميدل إيست آي'),
  outlet('Middle East Monitor'),
  outlet('The New Arab', 'Al-Araby Al-Jadeed', 'العربي الجديد'),
  outlet('Anadolu Agency', 'Anadolu', 'Agence Anadolu', 'وكالة الأناضول', 'الأناضول'),
  outlet('TRT World'),
  outlet('Daily Sabah'),
  outlet('Press TV', 'PressTV'),
  outlet('IRNA', 'Islamic Republic News Agency', 'وكالة الأنباء الإيرانية'),
  outlet('Tasnim', 'Tasnim News Agency', 'وكالة تسنيم', 'تسنيم'),
  outlet('Fars News Agency', 'Fars News', 'وكالة فارس'),
  outlet('SANA', 'Syrian Arab News Agency', 'وكالة الأنباء السورية', 'سانا'),
  outlet('Cyprus Mail'),
  outlet('Kuwait Times'),
  // International
  outlet(
    'Agence France-Presse',
    'Agence France Presse',
    'AFP',
    'وكالة الصحافة الفرنسية',
    'وكالة فرانس برس',
    'فرانس برس',
  ),
  outlet('Reuters', 'رويترز', 'רויטרס'),
  outlet('The Associated Press', 'Associated Press', 'أسوشيتد برس'),
  outlet('Axios', 'أكسيوس', 'אקסיוס'),
  outlet('Bloomberg', 'Bloomberg News'),
  outlet('The New York Times', 'New York Times', 'NYT', 'نيويورك تايمز', 'ניו יורק טיימס'),
  outlet('New York Post'),
  outlet('New York Daily News'),
  outlet('The New Yorker'),
  outlet('The Washington Post', 'Washington Post', 'واشنطن بوست', 'וושינגטון פוסט'),
  outlet('The Washington Times', 'Washington Times'),
  outlet('Washington Examiner'),
  outlet('Washington Free Beacon'),
  outlet('The Wall Street Journal', 'Wall Street Journal', 'WSJ', 'وول ستريت جورنال'),
  outlet('USA Today'),
  outlet('U.S. News & World Report', 'US News & World Report', 'U.S. News'),
  outlet('Voice of America', 'VOA'),
  outlet('Radio Free Europe', 'Radio Free Europe/Radio Liberty'),
  outlet('CNN', 'سي إن إن'),
  outlet('CBS News'),
  outlet('NBC News'),
  outlet('ABC News'),
  outlet('Fox News'),
  outlet('NPR'),
  outlet('Politico'),
  outlet('Foreign Policy'),
  outlet('The Economist'),
  outlet('Financial Times'),
  outlet('The Guardian'),
  outlet('The Times'),
  outlet('The Telegraph'),
  outlet('The Independent', 'Independent Arabia', 'إندبندنت عربية'),
  outlet('BBC', 'BBC News', 'BBC Arabic', 'بي بي سي', 'بي بي سي عربي'),
  outlet('Sky News'),
  outlet('Deutsche Welle', 'DW'),
  outlet('Euronews'),
  outlet('France 24', 'France24', 'فرانس 24'),
  outlet('Radio France Internationale', 'RFI', 'مونت كارلو الدولية'),
  outlet('France Inter'),
  outlet('France Info', 'franceinfo', 'Franceinfo'),
  outlet('France Télévisions', 'France 2', 'France 3'),
  outlet('Le Monde', 'لوموند'),
  outlet('Le Figaro', 'لوفيغارو'),
  outlet('Libération'),
  outlet('Le Parisien'),
  outlet('Ouest-France'),
  outlet('Courrier international'),
  outlet('La Croix'),
  outlet('Le Point'),
  outlet("L'Express", 'L’Express'),
];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Longest forms first, so "The New York Times" wins over "The Times".
// Case-sensitive: "The Times" is an outlet, "the times" is not. Word
// boundaries are letters and digits of any script, so "AFP" does not match
// inside "AFPs" and Arabic prefixes (وكالة…) are their own forms.
const OUTLET_PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${[...new Set(OUTLETS.flatMap((entry) => entry.forms))]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|')})(?![\\p{L}\\p{N}])`,
  'gu',
);

/** The `[start, end)` spans of outlet names in `text` (UTF-16 offsets), in order, never overlapping. */
export function findOutletNames(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const match of text.matchAll(OUTLET_PATTERN)) spans.push([match.index, match.index + match[0].length]);
  return spans;
}

/**
 * `matches` without the ones that lie strictly inside an outlet's name: the
 * place in "The Times of Israel" goes, the outlet "Reuters" (the whole name)
 * stays. `matches` are the matcher's, over the same `text`.
 *
 * @example withoutOutletPlaces('The Times of Israel reported', [{ start: 13, end: 19, entityId: 'israel', alias: 'Israel' }]) // []
 */
export function withoutOutletPlaces<T extends { start: number; end: number }>(
  text: string,
  matches: readonly T[],
): T[] {
  if (matches.length === 0) return [];
  const spans = findOutletNames(text);
  if (spans.length === 0) return [...matches];
  return matches.filter(
    (match) =>
      !spans.some(([start, end]) => start <= match.start && match.end <= end && match.end - match.start < end - start),
  );
}
