//! The words the leaders detector knows: titles and their parts, honorifics, name
//! particles, sentence-start words, fillers. One lookup per word of the article tells
//! every list the word is in, so it is a small open-addressed table read without
//! folding (ASCII case is ignored as it is compared), not a general hash map.

use std::cell::RefCell;
use std::sync::OnceLock;

use foldhash::HashMap;

use super::tokens::fold_into;

/// Title words that can head a leader's title. The weak ones also start ordinary
/// names (`General Motors`, `King Street`), so they need a two-word name after them.
#[rustfmt::skip]
pub const STRONG_HEADS: &[&str] = &[
    "president", "chancellor", "premier", "minister", "secretary", "secretary-general", "treasurer",
    "governor", "mayor", "pope", "archbishop", "cardinal", "chairman", "chairwoman",
    "chairperson", "ceo", "commissioner", "taoiseach", "tanaiste", "ayatollah", "emir", "sheikh", "sultan",
    "president-elect", "director-general", "governor-general", "gov", "pres", "pm", "presidente",
    "presidenta", "ministre", "ministro", "ministra", "maire", "alcalde", "alcaldesa",
    "sindaco", "bundeskanzler", "bundeskanzlerin", "kanzler", "kanzlers", "kanzlerin", "chancelier",
    "chanceliere", "vice-president", "vicepresidente", "vicepresidenta", "vice-presidente",
    "primeiro-ministro", "bundesprasident", "bundesprasidentin", "ministerprasident",
    "ministerprasidentin", "premierminister", "premierministerin", "canciller", "cancillera",
    "cancelliere", "chanceler", "prasident", "prasidentin", "burgermeister", "burgermeisterin",
    "oberburgermeister", "oberburgermeisterin", "regierungschef", "regierungschefin",
    "minister-president", "primeira-ministra", "gobernador", "gobernadora", "governador",
    "governadora", "gouverneur", "gouverneure", "governatore", "governatrice", "prefeito",
    "prefeita", "sindaca",
    // Of the past, in one word as Spanish and Portuguese write them: `el expresidente`.
    "expresidente", "expresidenta", "exministro", "exministra", "excanciller", "excancillera",
    "exalcalde", "exalcaldesa", "exgobernador", "exgobernadora", "exvicepresidente",
    "exvicepresidenta", "expremier",
];
#[rustfmt::skip]
pub const WEAK_HEADS: &[&str] = &[
    "king", "queen", "emperor", "empress", "chair", "director", "speaker", "general", "gen",
    "admiral", "adm", "commander", "leader", "chief", "head", "executive", "marshal", "officer",
    "founder-ceo", "attorney-general", "administrator", "rey", "reina", "roi", "reine", "konig", "konigin", "jefe",
    "jefa", "capo", "lider", "mandatario", "mandataria",
];
/// Heads in the plural, for leaders named together (`Presidents Ana Lowe and Tom Hart`,
/// `Prime Ministers …`), and German's `Präsidenten`, which is also what the singular
/// becomes after `den`, `dem`, `des` (`mit dem französischen Präsidenten Emmanuel
/// Macron`): strong heads too, whose role is their singular (see [`singular`]). Folded.
pub const PLURAL_HEADS: &[&str] = &[
    "presidents",
    "chancellors",
    "premiers",
    "ministers",
    "governors",
    "mayors",
    "prasidenten",
];

/// A title's word of [`PLURAL_HEADS`] in the singular, its case kept.
pub fn singular(word: &str) -> &str {
    (word.strip_suffix("en"))
        .or_else(|| word.strip_suffix(['s', 'S']))
        .unwrap_or(word)
}

/// A German title's word as a role names it: `des Bundeskanzlers`, `des
/// Außenministers`, `des Generalsekretärs` (genitive) and `dem Ministerpräsidenten`
/// (dative) are a `Bundeskanzler`, an `Außenminister`, a `Generalsekretär`, a
/// `Ministerpräsident`. Other words are left as they are.
pub fn nominative(word: &str) -> &str {
    // Asked of every title's head: most end otherwise, told at once.
    if !matches!(word.as_bytes().last(), Some(b's' | b'n')) {
        return word;
    }
    let declined = |ending: &str| {
        word.len() >= ending.len()
            && word.as_bytes()[word.len() - ending.len()..].eq_ignore_ascii_case(ending.as_bytes())
    };
    if declined("identen") {
        &word[..word.len() - 2]
    } else if declined("ministers") || declined("kanzlers") || declined("sekretärs") {
        &word[..word.len() - 1]
    } else {
        word
    }
}

/// Heads that are a leader's title only with a modifier: `Trade Representative`,
/// `High Representative`, `Special Envoy`, `Crown Prince`, `Chief Justice` (a bare
/// `Representative` is a legislator, `Prince Edward Island` a province).
#[rustfmt::skip]
pub const MODIFIED_HEADS: &[&str] = &["representative", "envoy", "prince", "justice"];
/// Words that stand before a head within a title: `Prime Minister`, `Foreign Minister`.
#[rustfmt::skip]
pub const MODIFIERS: &[&str] = &[
    "prime", "vice", "deputy", "high", "special", "foreign", "defence", "defense", "finance", "interior", "home",
    "health", "trade", "economy", "economic", "energy", "justice", "education", "culture",
    "environment", "agriculture", "transport", "labour", "labor", "treasury", "state", "first",
    "supreme", "crown", "chief", "executive", "managing", "attorney", "majority", "minority",
    "opposition", "party", "house", "senate", "army", "military", "police", "field", "acting",
    "interim", "lieutenant", "lt", "brigadier", "major", "grand", "general", "secretary",
    "cabinet", "federal", "regional", "provincial", "national", "central", "bank", "fleet",
    "air", "naval", "war", "security", "immigration", "digital", "budget", "sports", "science",
    "industry", "commerce", "policy", "primer", "primera", "primo", "prima", "primeiro", "primeira",
    "premiere", "dep", "affairs", "external", "veterans", "housing", "climate", "development",
    "employment", "tourism", "infrastructure", "communications", "innovation", "shadow",
    "surgeon", "solicitor", "auditor", "comptroller",
];
/// Words that may follow a head within a title: `Chief Executive Officer`, `President-elect`.
pub const TRAILERS: &[&str] = &[
    "officer",
    "general",
    "elect",
    "designate",
    "primera",
    "primero",
];
#[rustfmt::skip]
pub const HONORIFICS: &[&str] = &[
    "mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "lord", "lady", "prof", "mme", "mlle",
    "herr", "frau", "sr", "sra", "srta", "signor", "signora",
];
/// Honorifics said of a woman: a leader's surname after one is the leader only if no
/// other woman of that name is in the story.
#[rustfmt::skip]
pub const FEMININE_HONORIFICS: &[&str] = &[
    "mrs", "ms", "miss", "dame", "lady", "mme", "mlle", "frau", "sra", "srta", "signora",
];
/// Particles inside names: `Lula da Silva`, `von der Leyen`, `bin Salman`. Not the `y`
/// of `Ortega y Gasset`: in Spanish news it far more often joins two names (`Sánchez y
/// Feijóo`).
#[rustfmt::skip]
pub const PARTICLES: &[&str] = &[
    "da", "de", "di", "do", "dos", "das", "du", "von", "van", "der", "den", "la", "le", "bin",
    "bint", "ibn", "al", "el", "del", "della", "ter", "ten",
];
/// Capitalised words that start sentences and are never part of a name.
#[rustfmt::skip]
pub const STOPWORDS: &[&str] = &[
    "the", "a", "an", "and", "but", "or", "so", "if", "in", "on", "at", "by", "for", "from",
    "with", "without", "to", "of", "as", "when", "while", "after", "before", "since", "until",
    "then", "now", "meanwhile", "however", "also", "both", "despite", "although", "though",
    "because", "during", "under", "over", "yet", "still", "it", "he", "she", "they", "we", "i",
    "you", "his", "her", "its", "their", "our", "my", "your", "this", "that", "these", "those",
    "there", "here", "what", "who", "why", "how", "where", "which", "even", "only", "just",
    "many", "some", "most", "former", "later", "earlier", "today", "yesterday", "tomorrow",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "not", "no",
    "yes", "all", "every", "each", "neither", "either", "such", "like", "unlike", "among",
    "amid", "against", "about", "around", "through", "throughout", "upon", "ex", "late", "new",
    "following", "according", "asked", "speaking", "la", "le", "les", "el", "los", "las", "il",
    "die", "das", "der", "dem", "ein", "eine", "une", "o", "os", "montag", "dienstag",
    "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
    // The same in the other languages whose titles are known (folded): `Selon Macron`,
    // `Auch Außenminister Wadephul`, `Según Sánchez`. Not those that are names too: `Ma`,
    // `Mas`, `Un`, `Lei`, `Per`, `Des`, `Im`, `Ella`, `Domingo`, `Uber`…
    "selon", "mais", "puis", "ensuite", "alors", "donc", "pourtant", "cependant", "ainsi",
    "aussi", "deja", "encore", "enfin", "depuis", "apres", "avant", "avec", "sans", "dans",
    "pour", "chez", "contre", "entre", "pendant", "hier", "quand", "lorsque", "comme", "ce",
    "cette", "ces", "ils", "elles", "nous", "vous", "au", "aux", "sur", "par", "et", "lundi",
    "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    "auch", "aber", "laut", "nach", "vor", "seit", "trotz", "wie", "als", "und", "oder",
    "noch", "schon", "jetzt", "zudem", "dabei", "damit", "danach", "zuvor", "zuletzt",
    "inzwischen", "dann", "doch", "heute", "gestern", "bei", "mit", "fur", "unter", "gegen",
    "wahrend", "wegen", "am", "zum", "zur", "vom", "beim", "er", "sie", "es", "wir",
    "segun", "pero", "para", "luego", "despues", "antes", "ayer", "tambien", "ademas", "sin",
    "con", "desde", "tras", "como", "cuando", "aunque", "mientras", "durante", "sobre", "por",
    "una", "ellos", "este", "esta", "lunes", "martes", "miercoles", "jueves", "viernes",
    "sabado",
    "secondo", "anche", "poi", "oggi", "ieri", "dopo", "senza", "nel", "nella", "sul", "gli",
    "mentre", "lunedi", "martedi", "mercoledi", "giovedi", "venerdi", "sabato",
    "segundo", "depois", "ontem", "hoje", "tambem", "apos", "sem", "com", "pelo", "pela",
    "het", "een", "volgens", "ook", "maar", "toen", "nadat", "terwijl", "gisteren", "vandaag",
    "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
];
/// Capitalised words that are never part of a person's name: places, bodies and
/// companies a name can end with (`Minister Street`, `Queen Mary University`, `Advanced
/// Micro Devices`) and occupations written before one (`Head Teacher Ann Lowe`).
#[rustfmt::skip]
pub const NOT_NAMES: &[&str] = &[
    "street", "road", "avenue", "square", "bridge", "station", "airport", "hotel", "hospital",
    "university", "college", "school", "academy", "institute", "museum", "stadium", "arena",
    "sanctuary", "centre", "center", "cathedral", "mosque", "company", "corporation", "corp",
    "inc", "ltd", "plc", "llc", "group", "holdings", "foundation", "society", "association",
    "committee", "court", "cup", "prize", "award", "trophy", "league", "club", "festival",
    "river", "island", "islands", "valley", "county", "district", "teacher", "coach",
    "doctor", "professor", "senator", "councillor", "detective", "sergeant", "captain",
    "nurse", "manager", "striker", "goalkeeper", "midfielder", "reporter", "correspondent",
    "spokesman", "spokeswoman", "spokesperson", "analyst", "economist", "scientist",
    "student", "fund", "bank", "agency", "organization", "organisation", "council",
    "commission", "parliament", "ministry", "department", "office", "authority", "union",
    "party", "federation", "forum", "programme", "program", "alliance", "reserve", "board",
    "treaty", "conference", "summit", "license", "licence", "manual",
    // Companies' last words (no surnames: not `Steel`, `Power`, `Mills`).
    "devices", "systems", "technologies", "industries", "airlines", "airways", "motors",
    "networks", "pharmaceuticals", "semiconductor", "software", "solutions", "electronics",
    "laboratories", "labs", "therapeutics", "enterprises", "ventures", "investments",
    "securities", "entertainment", "studios", "brands", "foods", "petroleum", "telecom",
    "robotics", "logistics", "partners", "management", "capital", "bancorp",
];
/// Words that make a weak head beside them another office than a leader's: `Chief
/// Financial Officer`, `chief economist`, `Operating Officer`. Read only beside a title.
#[rustfmt::skip]
pub const OTHER_OFFICES: &[&str] = &[
    "financial", "finance", "operating", "operations", "technology", "technical",
    "information", "marketing", "commercial", "product", "people", "legal", "risk",
    "investment", "data", "digital", "security", "strategy", "content", "creative", "revenue",
    "customer", "compliance", "medical", "nursing", "science", "scientific", "economist",
    "scientist", "strategist", "analyst", "correspondent", "editor", "negotiator", "inspector",
    "constable", "engineer", "counsel", "whip", "accounting", "administrative",
    "communications", "sustainability", "diversity", "human", "innovation", "growth", "coach",
    "teacher", "chef", "keynote", "guest",
];
/// Verbs that give a named person an office: `named Ana Lowe its chief executive`, `Ana
/// Lowe was appointed prime minister`.
#[rustfmt::skip]
pub const APPOINTING: &[&str] = &[
    "named", "appointed", "elected", "re-elected", "reelected", "nominated", "picked", "chose",
    "chosen", "tapped", "installed", "promoted", "hired", "designated", "confirmed",
    "reappointed", "sworn",
];
/// Verbs that tell of an office held, with no one else giving it: `Ana Lowe became prime
/// minister`, `has served as chancellor`.
#[rustfmt::skip]
pub const HOLDING: &[&str] = &[
    "became", "become", "becomes", "served", "serves", "remained", "remains",
];
/// Verbs of saying: after a title in an apposition, the title is who says (`Ana Lowe,
/// the president said, is a friend`).
#[rustfmt::skip]
pub const SPEAKING: &[&str] = &[
    "said", "says", "told", "tells", "added", "adds", "wrote", "writes", "noted", "notes",
    "argued", "argues", "insisted", "insists", "explained", "explains", "warned", "warns",
    "announced", "announces", "claimed", "claims", "declared", "declares", "replied",
    "replies", "recalled", "recalls", "believes", "thinks", "suggested", "suggests",
    "acknowledged", "conceded", "stressed", "stresses", "admitted", "admits",
];
/// Words before an appointing verb in the passive: `was`, `has been`, `will be`.
pub const AUXILIARIES: &[&str] = &[
    "was", "is", "has", "have", "had", "been", "be", "will", "were",
];
#[rustfmt::skip]
pub const COUNTERPARTS: &[&str] = &[
    "counterpart", "counterparts", "homologue", "homologo", "homologa", "omologo", "omologa",
    "amtskollege", "amtskollegin", "amtskollegen",
];

/// Offices one country names its own way (`Secretary of State`), and what the same
/// office is called elsewhere: a counterpart of America's Secretary of State is a
/// foreign minister. Compared with case ignored.
const OFFICES_ELSEWHERE: &[(&str, &str)] = &[
    ("secretary of state", "Foreign Minister"),
    ("foreign secretary", "Foreign Minister"),
    ("home secretary", "Interior Minister"),
    ("homeland security secretary", "Interior Minister"),
    ("treasury secretary", "Finance Minister"),
    ("secretary of the treasury", "Finance Minister"),
    ("chancellor of the exchequer", "Finance Minister"),
    ("defense secretary", "Defense Minister"),
    ("secretary of defense", "Defense Minister"),
    ("war secretary", "Defense Minister"),
    ("secretary of war", "Defense Minister"),
    ("defence secretary", "Defence Minister"),
    ("commerce secretary", "Commerce Minister"),
    ("secretary of commerce", "Commerce Minister"),
    ("energy secretary", "Energy Minister"),
    ("secretary of energy", "Energy Minister"),
    ("health secretary", "Health Minister"),
    ("trade representative", "Trade Minister"),
    ("attorney general", "Justice Minister"),
];

/// The office a counterpart of someone holding `role` holds: the same, but for offices
/// only one country calls so.
pub fn counterpart_office(role: &str) -> &str {
    OFFICES_ELSEWHERE
        .iter()
        .find(|(own, _)| own.eq_ignore_ascii_case(role))
        .map_or(role, |&(_, elsewhere)| elsewhere)
}
/// Nationality adjectives written after a title (`le président russe`, `el presidente
/// ruso`, `il presidente russo`) that the leaders' endings for them miss: short, or
/// ending as verbs do too (`britannique` as `critique`). Folded.
#[rustfmt::skip]
pub const NATIONALITIES: &[&str] = &[
    // French
    "russe", "belge", "turc", "turque", "grec", "grecque", "suisse", "tcheque", "slovaque",
    "britannique", "bulgare", "bielorusse", "croate", "serbe", "slovene", "moldave", "kazakh",
    "afghan", "afghane", "nigerian", "nigeriane", "kenyan", "kenyane", "libyen", "libyenne",
    "qatari", "emirati", "yemenite", "argentin", "argentine", "philippin", "philippine",
    "letton", "lettone",
    // Spanish, Italian, Portuguese
    "ruso", "rusa", "russo", "russa", "turco", "turca", "griego", "griega", "greco", "greca",
    "grego", "grega", "belga", "suizo", "suiza", "svizzero", "svizzera", "suico", "suica",
    "checo", "checa", "ceco", "ceca", "chino", "sueco", "sueca", "svedese", "israeli",
    "iraqui", "irani", "saudi", "saudita", "catari", "polacco", "polacca", "serbo", "serba",
    "croato", "croata",
];

/// Words that start what a title is of: `Mayor of London`, `ministra de Hacienda`,
/// `presidente del Gobierno`, `ministre des Armées`, `ministro degli Esteri`,
/// `Ministerpräsident von Bayern`, `Präsidentin der Europäischen Kommission`, `Minister for
/// Foreign Affairs`, `minister van Buitenlandse Zaken`. Folded.
#[rustfmt::skip]
pub const OF_WORDS: &[&str] = &[
    "of", "de", "del", "des", "du", "di", "della", "da", "do", "dos", "das", "d", "dell", "dello",
    "degli", "dei", "delle", "von", "der", "for", "fur", "van", "voor",
];

/// Given names that a second one often follows in Spanish and Portuguese (`José Manuel
/// Albares`, `María Jesús Montero`, `João Paulo`): named after a title's place, they are
/// the name's too. Folded.
#[rustfmt::skip]
pub const FIRST_GIVEN_NAMES: &[&str] = &[
    "jose", "juan", "maria", "luis", "ana", "carlos", "francisco", "miguel", "antonio",
    "jorge", "pedro", "manuel", "jesus", "luiz", "joao", "pablo", "javier", "angel",
];

/// Chinese and Korean family names as romanised, written before the given name (`Wang
/// Yi`, `Choi Sang-mok`); not those that are also English words a sentence may start
/// with (`He`, `Long`, `Fan`, `Ban`, `Oh`).
#[rustfmt::skip]
pub const FAMILY_NAMES_FIRST: &[&str] = &[
    // Chinese (pinyin, and Wade-Giles as Taiwan and Hong Kong write them)
    "wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun",
    "zhu", "hu", "guo", "lin", "gao", "luo", "zheng", "xie", "tang", "feng", "deng", "cao",
    "peng", "zeng", "xiao", "tian", "dong", "pan", "yuan", "cai", "jiang", "yu", "du", "ye",
    "cheng", "wei", "su", "lu", "ding", "ren", "yao", "shen", "zhong", "cui", "tan", "jin",
    "shi", "liao", "jia", "xia", "fu", "fang", "bai", "zou", "meng", "xiong", "qin", "qiu",
    "hou", "yin", "xue", "yan", "duan", "lei", "kong", "mao", "xi", "qian", "hua", "wen",
    "lai", "ko", "tsai", "chiang", "ma", "hsu", "chu", "chan", "leung", "wong", "lam",
    "cheung", "chou", "hsieh", "lien", "soong",
    // Korean
    "kim", "lee", "park", "choi", "jung", "chung", "kang", "cho", "yoon", "jang", "lim",
    "han", "seo", "shin", "kwon", "hwang", "ahn", "song", "yoo", "hong", "jeon", "moon",
    "son", "bae", "baek", "nam", "noh", "roh", "chun", "woo", "ryu", "kwak",
];

/// Words allowed between an apposition's comma and its title: `, Russia’s president`;
/// and what is said of the holder there ([`SAID_OF_HOLDERS`], [`PARTIES`]: `Sam Orr, the
/// embattled Health Secretary,`).
#[rustfmt::skip]
pub const APPOSITION_FILLERS: &[&str] = &[
    "the", "a", "an", "former", "then", "acting", "interim", "newly", "long-time", "new", "its",
    "their", "his", "her", "also", "now", "re-elected", "reelected", "recently", "appointed",
];

/// Words said of an office's holder before the title, no department's; and
/// [`PARTIES`].
#[rustfmt::skip]
pub const SAID_OF_HOLDERS: &[&str] = &[
    "embattled", "beleaguered", "outgoing", "incoming", "veteran", "longtime", "incumbent",
    "departing", "retiring", "ousted", "sacked", "fired", "disgraced", "current", "sitting",
    "independent", "popular", "unpopular", "moderate", "powerful", "influential",
    "controversial", "elected", "first-term", "two-term", "hardline", "reformist",
    "far-right", "far-left", "right-wing", "left-wing",
];

/// A party's word before a title: said of the holder, but what a leader leads (`Tory Home
/// Secretary`, `Tory leader`).
#[rustfmt::skip]
pub const PARTIES: &[&str] = &[
    "tory", "conservative", "republican", "democratic", "democrat", "liberal", "labour",
    "socialist", "populist", "centrist", "nationalist", "progressive",
];

/// The lists above, one bit each in what [`lists_of`] returns.
#[derive(Clone, Copy)]
pub enum List {
    StrongHeads,
    WeakHeads,
    Modifiers,
    Trailers,
    Honorifics,
    Particles,
    Stopwords,
    Counterparts,
    AppositionFillers,
    ModifiedHeads,
    NotNames,
    Nationalities,
    OfWords,
    PluralHeads,
}

pub const fn bit(list: List) -> u16 {
    1 << list as u16
}

/// The first bit after the lists, free for callers' own tags.
pub const FREE_BIT: u16 = 14;

pub const TITLE_HEADS: u16 = 1 << List::StrongHeads as u16 | 1 << List::WeakHeads as u16;

/// Slots of the table: a power of two, several times the number of words, so that a
/// word not in it (most words) usually meets an empty slot at once.
const SLOTS: usize = 2048;

struct Vocabulary {
    /// 0 for empty, else 1 + an index into `words`.
    slots: Vec<u16>,
    words: Vec<(&'static str, u16)>,
    longest: usize,
    /// A first test most words fail: the lengths of the words in the table by their
    /// first and last byte (ASCII case ignored, others in one bucket).
    shapes: Vec<u32>,
}

/// Index into `Vocabulary::shapes` for a word's first and last byte.
fn shape(first: u8, last: u8) -> usize {
    let bucket = |b: u8| match b.to_ascii_lowercase() {
        l @ b'a'..=b'z' => usize::from(l - b'a'),
        _ => 26,
    };
    bucket(first) * 27 + bucket(last)
}

/// Where a word's probe starts: from its length and its first and last two bytes, with
/// ASCII case ignored.
fn slot_of(word: &[u8]) -> usize {
    let n = word.len();
    let at = |i: usize| u32::from(word[i].to_ascii_lowercase());
    let mut h = n as u32;
    for i in [0, 1.min(n - 1), n.saturating_sub(2), n - 1] {
        h = h.wrapping_mul(31).wrapping_add(at(i));
    }
    (h.wrapping_mul(0x9E37_79B9) >> 16) as usize & (SLOTS - 1)
}

impl Vocabulary {
    fn build() -> Vocabulary {
        let lists = [
            (List::StrongHeads, STRONG_HEADS),
            (List::WeakHeads, WEAK_HEADS),
            (List::Modifiers, MODIFIERS),
            (List::Trailers, TRAILERS),
            (List::Honorifics, HONORIFICS),
            (List::Particles, PARTICLES),
            (List::Stopwords, STOPWORDS),
            (List::Counterparts, COUNTERPARTS),
            (List::AppositionFillers, APPOSITION_FILLERS),
            (List::AppositionFillers, SAID_OF_HOLDERS),
            (List::AppositionFillers, PARTIES),
            (List::ModifiedHeads, MODIFIED_HEADS),
            (List::NotNames, NOT_NAMES),
            (List::Nationalities, NATIONALITIES),
            (List::OfWords, OF_WORDS),
            (List::StrongHeads, PLURAL_HEADS),
            (List::PluralHeads, PLURAL_HEADS),
        ];
        let mut v = Vocabulary {
            slots: vec![0; SLOTS],
            words: Vec::new(),
            longest: 0,
            shapes: vec![0; 27 * 27],
        };
        for (list, words) in lists {
            for &w in words {
                match v.words.iter_mut().find(|(known, _)| *known == w) {
                    Some((_, bits)) => *bits |= bit(list),
                    None => {
                        v.words.push((w, bit(list)));
                        v.longest = v.longest.max(w.len());
                        // Lengths are bits of a u32.
                        assert!((1..32).contains(&w.len()), "{w}: too long or empty");
                        let (first, last) = (w.as_bytes()[0], w.as_bytes()[w.len() - 1]);
                        v.shapes[shape(first, last)] |= 1 << w.len();
                        let mut at = slot_of(w.as_bytes());
                        while v.slots[at] != 0 {
                            at = (at + 1) & (SLOTS - 1);
                        }
                        v.slots[at] = v.words.len() as u16;
                    }
                }
            }
        }
        v
    }

    /// The lists of a word compared with ASCII case ignored.
    fn lookup(&self, word: &[u8]) -> u16 {
        let (Some(first), Some(last)) = (word.first(), word.last()) else {
            return 0;
        };
        if word.len() > self.longest || self.shapes[shape(*first, *last)] & 1 << word.len() == 0 {
            return 0;
        }
        let mut at = slot_of(word);
        loop {
            let (known, bits) = match self.slots[at] {
                0 => return 0,
                k => self.words[usize::from(k) - 1],
            };
            if known.len() == word.len() && known.as_bytes().eq_ignore_ascii_case(word) {
                return bits;
            }
            at = (at + 1) & (SLOTS - 1);
        }
    }
}

fn vocabulary() -> &'static Vocabulary {
    static VOCABULARY: OnceLock<Vocabulary> = OnceLock::new();
    VOCABULARY.get_or_init(Vocabulary::build)
}

/// Builds the table now, off the path of the first analysis.
pub fn warm_up() {
    vocabulary();
}

/// [`lists_of`] for a word of ASCII letters and digits only (most words): nothing to fold.
pub fn lists_of_plain(word: &str) -> u16 {
    vocabulary().lookup(word.as_bytes())
}

/// The lists a word of the article is in, as bits, compared in its folded form
/// (lowercase, no diacritics, no dots). Plain ASCII words (nearly all) are looked up as
/// they are; others are folded into `buf` first.
pub fn lists_of(word: &str, buf: &mut String) -> u16 {
    if word.bytes().all(|b| b.is_ascii() && b != b'.') {
        return lists_of_ascii(word);
    }
    // Folding is most of the work, and an article gives the same names again and again
    // (`Erdoğan`, `Sánchez`): the answers are kept, a few thousand per thread.
    const KEPT: usize = 4096;
    thread_local! {
        static ANSWERS: RefCell<HashMap<Box<str>, u16>> = RefCell::default();
    }
    if let Some(lists) = ANSWERS.with_borrow(|answers| answers.get(word).copied()) {
        return lists;
    }
    let lists = match past_title(word) {
        Some(title) => lists_of(title, buf) & PAST_TITLE_LISTS,
        None => {
            fold_into(word, buf);
            folded_lists(buf.as_bytes())
        }
    };
    ANSWERS.with_borrow_mut(|answers| {
        if answers.len() == KEPT {
            answers.clear();
        }
        answers.insert(word.into(), lists);
    });
    lists
}

/// [`lists_of`] for a word known to be ASCII without dots (the tokenizer says so).
pub fn lists_of_ascii(word: &str) -> u16 {
    match past_title(word) {
        Some(title) => lists_of_ascii(title) & PAST_TITLE_LISTS,
        None => folded_lists(word.as_bytes()),
    }
}

/// The lists of a title of the past keeps of the title's.
const PAST_TITLE_LISTS: u16 = TITLE_HEADS | bit(List::Modifiers) | bit(List::ModifiedHeads);

/// `ex-President`, `ex-Prime Minister`, `then-Defense Secretary`: a title still, of the
/// past. The title.
pub fn past_title(word: &str) -> Option<&str> {
    // Asked of every capitalised word: told by where the hyphen is first.
    let prefix = match word.as_bytes() {
        [_, _, b'-', ..] => "ex-",
        [_, _, _, _, b'-', ..] => "then-",
        _ => return None,
    };
    // The hyphen is ASCII: the prefix ends between characters.
    word[..prefix.len()]
        .eq_ignore_ascii_case(prefix)
        .then(|| &word[prefix.len()..])
}

/// The lists of a word folded (see [`lists_of`]).
fn folded_lists(folded: &[u8]) -> u16 {
    match vocabulary().lookup(folded) {
        // Most words are shorter than any such title: told before a call.
        0 if folded.len() >= SHORTEST_HYPHENED => compound_lists(folded),
        lists => lists,
    }
}

/// The lists of a word not in them but made of one (see [`compound_head`] and
/// [`hyphened_lists`]).
#[inline(never)]
fn compound_lists(folded: &[u8]) -> u16 {
    if folded.len() >= SHORTEST_COMPOUND && compound_head(folded) {
        bit(List::StrongHeads)
    } else if hyphened_where_it_may_be(folded) {
        hyphened_lists(folded)
    } else {
        0
    }
}

/// The shortest word [`hyphened_lists`] tells of: `Gov-elect`, `1-year-old`.
const SHORTEST_HYPHENED: usize = 9;

/// Whether a hyphen stands where [`hyphened_lists`] looks for one: most words asked are
/// names, told by a few bytes.
fn hyphened_where_it_may_be(folded: &[u8]) -> bool {
    let n = folded.len();
    // `-elect`, `-year-old` and `-designate` end it; a word shorter than one has no
    // hyphen there.
    [
        4,
        6,
        n.wrapping_sub(6),
        n.wrapping_sub(9),
        n.wrapping_sub(10),
    ]
    .into_iter()
    .any(|at| folded.get(at) == Some(&b'-'))
}

/// A title joined by a hyphen to what makes it a deputy's or not yet held
/// (`Vice-Chancellor`, `Deputy-Governor`, `Mayor-elect`, `Minister-designate`): the
/// title's lists of heads. An age (`the 61-year-old mayor`) is what an apposition may
/// say of a holder.
#[inline(never)]
fn hyphened_lists(folded: &[u8]) -> u16 {
    let strip_prefix = |prefix: &[u8]| {
        (folded.len() > prefix.len() && folded[..prefix.len()].eq_ignore_ascii_case(prefix))
            .then(|| &folded[prefix.len()..])
    };
    let strip_suffix = |suffix: &[u8]| {
        let at = folded
            .len()
            .checked_sub(suffix.len())
            .filter(|&at| at > 0)?;
        folded[at..]
            .eq_ignore_ascii_case(suffix)
            .then(|| &folded[..at])
    };
    if strip_suffix(b"-year-old").is_some() {
        return bit(List::AppositionFillers);
    }
    let title = strip_prefix(b"vice-")
        .or_else(|| strip_prefix(b"deputy-"))
        .or_else(|| strip_suffix(b"-elect"))
        .or_else(|| strip_suffix(b"-designate"));
    title.map_or(0, |title| vocabulary().lookup(title) & TITLE_HEADS)
}

/// The shortest [`compound_head`]: `US-Kanzler`.
const SHORTEST_COMPOUND: usize = 10;

/// A minister or president named in one word, as German and the Nordic languages write
/// them (`Außenministerin`, `Finanzminister`, `statsminister`, `Kommissionspräsidentin`,
/// `Vizekanzler`, `Nato-Generalsekretär`): a word ending in `minister`, `präsident`,
/// `kanzler` or `generalsekretär` (or their feminine) after at least four letters — not
/// `administer` — or after a hyphen and two (`US-Präsident`).
#[inline(never)]
fn compound_head(folded: &[u8]) -> bool {
    const MIN_PREFIX: usize = 4;
    const MIN_HYPHENATED_PREFIX: usize = 2;
    // With the German genitive (`des Außenministers`) and dative (`dem
    // Ministerpräsidenten`), named as [`nominative`] names them.
    const SUFFIXES: [&[u8]; 12] = [
        b"minister",
        b"ministers",
        b"ministerin",
        b"prasident",
        b"prasidenten",
        b"prasidentin",
        b"kanzler",
        b"kanzlers",
        b"kanzlerin",
        b"generalsekretar",
        b"generalsekretars",
        b"generalsekretarin",
    ];
    // Nearly all words asked end otherwise, told at once.
    if !matches!(
        folded.last().map(|b| b | 0x20),
        Some(b'r' | b'n' | b't' | b's')
    ) {
        return false;
    }
    SUFFIXES.iter().any(|suffix| {
        let prefix = folded.len().saturating_sub(suffix.len());
        prefix > MIN_HYPHENATED_PREFIX
            && folded[prefix..].eq_ignore_ascii_case(suffix)
            && (prefix >= MIN_PREFIX || folded[prefix - 1] == b'-')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deputy_s_or_a_title_not_yet_held_is_the_title_s_head() {
        let mut buf = String::new();
        let strong = bit(List::StrongHeads);
        for word in [
            "Vice-Chancellor",
            "vice-premier",
            "Deputy-Governor",
            "Mayor-elect",
            "Governor-Elect",
            "Minister-designate",
            "Gov-elect",
        ] {
            assert_eq!(lists_of(word, &mut buf), strong, "{word}");
        }
        assert_eq!(lists_of("Vice-Chair", &mut buf), bit(List::WeakHeads));
        // An age is said of a holder: `the 61-year-old mayor`.
        for word in ["61-year-old", "9-Year-Old"] {
            assert_eq!(
                lists_of(word, &mut buf),
                bit(List::AppositionFillers),
                "{word}"
            );
        }
        // Only a title: not a vice of anything, nor what is elected or designated.
        for word in [
            "Vice-Admiralty",
            "Vice-versa",
            "Deputy-head-teacher",
            "Party-elect",
            "Site-designate",
            "-elect",
            "Vice-",
        ] {
            assert_eq!(lists_of(word, &mut buf) & TITLE_HEADS, 0, "{word}");
        }
    }

    #[test]
    fn a_minister_named_in_one_word_heads_a_title() {
        let mut buf = String::new();
        let strong = bit(List::StrongHeads);
        for word in [
            "Außenministerin",
            "Finanzminister",
            "Verteidigungsminister",
            "Statsminister",
            "Kommissionspräsidentin",
            "Staatspräsident",
            "Vizekanzler",
            "US-Präsident",
            "Nato-Generalsekretär",
            "Bundeskanzlers",
            "Außenministers",
            "Ministerpräsidenten",
            "Uno-Generalsekretärs",
        ] {
            assert_eq!(lists_of(word, &mut buf), strong, "{word}");
        }
        for word in [
            "Administer",
            "Minister-ish",
            "Ministerial",
            "Ministries",
            "X-Minister",
        ] {
            assert_eq!(lists_of(word, &mut buf) & strong, 0, "{word}");
        }
    }

    #[test]
    fn answers_kept_are_the_answers() {
        let mut buf = String::new();
        let words = [
            "Présidente",
            "ex-Président",
            "Erdoğan",
            "U.S.",
            "Gen.",
            "Außenministerin",
        ];
        let mut ask = || -> Vec<u16> { words.iter().map(|w| lists_of(w, &mut buf)).collect() };
        let first = ask();
        let strong = bit(List::StrongHeads);
        assert_eq!(first[..2], [strong, strong]);
        assert_eq!(first[5], strong);
        assert_eq!(ask(), first);
        // More words than are kept: the answers are cleared on the way, and found again.
        let mut buf = String::new();
        for i in 0..5000 {
            assert_eq!(lists_of(&format!("Ñame{i}"), &mut buf), 0);
        }
        let again: Vec<u16> = words.iter().map(|w| lists_of(w, &mut buf)).collect();
        assert_eq!(again, first);
    }

    #[test]
    fn every_listed_word_is_found_in_any_case_and_others_are_not() {
        let mut buf = String::new();
        let lists = [
            STRONG_HEADS,
            WEAK_HEADS,
            MODIFIERS,
            TRAILERS,
            HONORIFICS,
            PARTICLES,
        ];
        for word in lists
            .iter()
            .chain([STOPWORDS, COUNTERPARTS, NOT_NAMES, OF_WORDS, PLURAL_HEADS].iter())
            .flat_map(|l| l.iter())
        {
            assert_ne!(lists_of(word, &mut buf), 0, "{word}");
            assert_ne!(lists_of(&word.to_uppercase(), &mut buf), 0, "{word}");
        }
        assert_eq!(
            lists_of("President", &mut buf) & TITLE_HEADS,
            bit(List::StrongHeads)
        );
        assert_eq!(
            lists_of("the", &mut buf),
            bit(List::Stopwords) | bit(List::AppositionFillers)
        );
        assert_eq!(lists_of("Gen.", &mut buf), lists_of("gen", &mut buf));
        assert_eq!(lists_of("Présidente", &mut buf), bit(List::StrongHeads));
        // A former title is a title; nothing else is kept past `ex-`.
        assert_eq!(lists_of("ex-President", &mut buf), bit(List::StrongHeads));
        assert_eq!(lists_of("Ex-prime", &mut buf), bit(List::Modifiers));
        assert_eq!(lists_of("ex-the", &mut buf), 0);
        // Told a word is ASCII without dots, the same lists without the test.
        for word in [
            "ex-President",
            "Ex-prime",
            "ex-the",
            "President",
            "the",
            "Finanzminister",
        ] {
            assert_eq!(lists_of_ascii(word), lists_of(word, &mut buf), "{word}");
        }
        for word in [
            "said",
            "Putin",
            "",
            "x",
            "presidency",
            "minister-",
            "counterpartss",
        ] {
            assert_eq!(lists_of(word, &mut buf), 0, "{word}");
        }
    }
}
