/**
 * Word lists the candidate extractor reads news prose with (issue #11):
 * titles that come before a name but are not part of it, the nouns that make
 * a phrase a role ("envoy", "ambassadeur"), demonyms, the heads that make a
 * phrase an organisation or an event, and the capitalised words that are
 * never a name on their own (sentence openers, months, French generic
 * nouns). English and French, folded (lower case, no accents), so one lookup
 * serves both spellings.
 *
 * Lists rather than a model: compromise tags "Conseil" or "Speaking" as
 * nouns like any unknown capitalised word, and the mistakes that matter in
 * this domain are a few dozen recurring words.
 */

const words = (text: string): ReadonlySet<string> => new Set(text.trim().split(/\s+/));

/** Honorifics: always stripped from the front of a name, and a sure sign of a person. */
export const HONORIFICS = words(`
  mr mrs ms miss dr m mme mlle messrs sheikh cheikh sayyed sayed sir dame lord lady mgr monseigneur pere abbe
`);

/** Titles and rank words that may precede a name (stripped from the name, kept as its role). */
export const TITLE_WORDS = words(`
  president vice prime minister ministers speaker envoy ambassador ambassadors general gen lt lieutenant col colonel
  maj major brig brigadier adm admiral capt captain sgt sergeant cmdr commander chief head deputy special senior
  secretary secretary-general undersecretary under-secretary sen senator rep representative congressman congresswoman
  governor mayor judge justice king queen prince princess emir crown pope rabbi imam patriarch cardinal bishop
  archbishop mufti chairman chairwoman chair director spokesman spokeswoman spokesperson adviser advisor
  negotiator mediator coordinator commissioner consul former acting foreign defense defence interior finance
  economy energy justice health information foreign-affairs state security national affairs policy army
  caretaker parliament lawmaker mp mk
  economist analyst lawyer researcher professor journalist activist expert writer author historian columnist
  scholar doctor engineer businessman businesswoman banker cleric commentator
  president-elect premier ministre president presidente ambassadeur ambassadrice envoye envoyee emissaire
  general chef porte-parole conseiller conseillere secretaire depute deputee senateur ancien ancienne
  ex-ambassadeur ex-ambassadrice ex-ministre ex-president ex-depute ex-premier vice-president vice-presidente
  vice-premier secretaire-general secretaire-generale
`);

/** Nouns that make a phrase a role when they head it ("deputy head of…", "ancien ambassadeur"). */
export const ROLE_HEADS = words(`
  president minister speaker envoy ambassador general commander chief head deputy secretary secretary-general
  senator representative governor mayor judge king prince emir pope rabbi imam patriarch mufti chairman chairwoman
  chair director spokesman spokeswoman spokesperson adviser advisor negotiator mediator coordinator commissioner
  consul official officer diplomat lawyer analyst researcher professor expert journalist correspondent editor
  leader member lawmaker mp mk delegate lieutenant colonel major brigadier admiral captain commander-in-chief
  premier ministre presidente ambassadeur ambassadrice envoye envoyee emissaire chef porte-parole conseiller
  conseillere secretaire depute deputee senateur responsable diplomate avocat avocate membre dirigeant dirigeante
  negociateur negociatrice representant representante haut-representant delegue deleguee
  ex-ambassadeur ex-ambassadrice ex-ministre ex-president ex-depute vice-president vice-presidente vice-premier
  economist analyst lawyer researcher professor journalist activist expert writer author historian columnist
  scholar doctor engineer businessman businesswoman banker cleric commentator
`);

/** Role heads that name a person (not an office or a body): a role with one of them makes the candidate a person. */
export const PERSON_ROLE_HEADS = ROLE_HEADS;

/** Adjectives and modifiers that may sit inside a role before or after its head. */
export const ROLE_MODIFIERS = words(`
  former deputy special senior top civilian presidential military foreign defense defence national chief acting
  caretaker outgoing incoming new interim assistant principal executive general political security economic
  us u.s american israeli lebanese french iranian syrian british european arab palestinian egyptian saudi qatari
  ancien ancienne haut haute nouveau nouvelle special speciale americain americaine israelien israelienne libanais
  libanaise francais francaise iranien iranienne syrien syrienne adjoint adjointe diplomatique vice-premier
`);

/** Demonyms: never a name alone, and stripped from the front of one ("Israeli Uri Resnick"). */
export const DEMONYMS = words(`
  israeli israelis lebanese american americans french iranian iranians syrian syrians british european europeans
  arab arabs palestinian palestinians egyptian saudi qatari emirati jordanian iraqi turkish russian chinese german
  israelien israelienne israeliens libanais libanaise americain americaine americains francais francaise iranien
  syrien syrienne palestinien palestinienne
`);

/** Last words that make a phrase an organisation. */
export const ORGANISATION_HEADS = words(`
  council ministry department bank fund party movement forces force army agency committee commission office group
  institute center centre union organization organisation corps brigades brigade front authority association
  foundation company corporation court parliament assembly government cabinet bloc coalition alliance network
  federation league university college school hospital church embassy mission service services police guard
  guards navy command conseil ministere parti mouvement forces armee agence comite commission bureau groupe
  institut centre union organisation fondation societe cour parlement assemblee gouvernement ambassade
`);

/** Last words that make a phrase an event. */
export const EVENT_HEADS = words(`
  war accord accords agreement summit conference talks operation attack attacks crisis treaty protocol
  ceasefire truce massacre uprising revolution election elections guerre accord sommet conference operation
  attaque crise traite
`);

/**
 * Capitalised words that are not names on their own: sentence openers,
 * pronouns, days, months, generic nouns. A run made only of these is dropped,
 * and one of them opening a sentence is cut from the run it opens.
 */
export const NOT_NAMES = words(`
  the a an and but or so yet for nor in on at as by to of from with without into onto over under after before
  while when where whereas since until during despite although though if because however meanwhile moreover
  also still even then there here this that these those it its he she they we you i his her their our your my
  him them us me who whom whose which what why how all both some many most several few each every any no none
  other another such one two three four first second third last next earlier later yesterday today tomorrow
  tonight according asked speaking citing following amid among around across along between within beyond toward
  towards officials official sources analysts reporters residents friends critics diplomats observers people
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
  september october november december jan feb mar apr jun jul aug sep sept oct nov dec
  mr mrs ms dr president prime minister speaker envoy ambassador general chief
  le la les l un une des du de d dans pour selon lors apres avant mais et ou donc or ni car il elle ils elles on
  nous vous je ce cet cette ces son sa ses leur leurs notre nos sur sous par avec sans entre depuis pendant
  face quant lundi mardi mercredi jeudi vendredi samedi dimanche janvier fevrier mars avril mai juin juillet aout
  septembre octobre novembre decembre etat conseil assemblee chambre parlement gouvernement ministere premier
  president presidente ministre chef armee presidence palais bureau communique
  israel lebanon liban
`);

/** Lower-case words allowed inside a name between capitalised words ("Council for Development", "Ain el-Tineh"). */
export const NAME_PARTICLES = words(`
  of for de du des la le al el bin ben ibn van von da di der
`);

/** Words before a name that end a role read backwards ("chaired by US envoy…" stops at "by"). */
export const ROLE_STOPS = words(`
  by with and or but said says told met meets and that than while when as after before to from in at on about
  according who whom which including like said, par avec et ou mais que qui dont selon a au aux en dans sur a
  est sont was were is are has have had will would could should told sent named chose appointed
`);

/** Determiners stripped from the front of a role ("a former ambassador" → "former ambassador"). */
export const ROLE_DETERMINERS = words(`
  a an the its his her their our le la les l un une son sa ses leur
`);

/** Words that open a relative or verb clause after a name: what follows its comma is not an appositive. */
export const CLAUSE_OPENERS = words(`
  who whom whose which that said says told added and but or while when where was were is are has had will would
  could should did does also qui dont que et mais ou est sont etait avait sera ont avaient
`);

/** Reporting verbs: an "appositive" holding one is a clause ("…, a Lebanese official said"). */
export const REPORTING_VERBS = words(`
  said says told added stated noted explained confirmed announced declared wrote according dit declare ajoute
  affirme estime indique souligne precise
`);
