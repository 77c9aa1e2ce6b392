import type { Detector, Hit } from '../../types.js';
import { SUGGESTIONS } from '../../suggestions.js';

/**
 * `tone/shouting`: sentences or lines written mostly in capital letters, and long runs of
 * capitalized words inside an otherwise normal sentence ("we do NOT SHIP ON FRIDAYS EVER").
 *
 * What is not shouting, and how it is kept out:
 * - Acronyms: a list of common business and tech acronyms (FYI, ASAP, KPI, OKR, EBITDA, JSON,
 *   ...), plurals like "KPIs", and any unknown all-caps word of at most 3 letters that is not a
 *   common English word ("Q3 OKR", "ACME", "SOW"). These count neither way.
 * - Code-ish tokens: anything with a digit, `_`, `/`, `\`, `@`, `=`, `#`, `::` or an inner dot
 *   (`MAX_RETRIES`, `HTTP/2`, `U.S.`), camelCase, and SQL statements written in capitals.
 * - Headings and signature lines: a line of at most 6 words with no end punctuation and no
 *   word that carries a demand ("PROJECT STATUS REPORT", "SENIOR VICE PRESIDENT, SALES").
 * - Legal boilerplate in capitals (licence and warranty disclaimers).
 * - Short things: a unit needs at least 3 capitalized words and 10 capital letters, so "FYI",
 *   "ASAP", "URGENT:" or "Q3 OKR" never fire.
 * - Notices: announcements are often typed in capitals ("PLEASE NOTE THE NEW DIAL-IN NUMBER").
 *   A capitalized unit fires only when it is hostile: it holds a word like STOP, AGAIN, TOLD,
 *   WRONG (see HOSTILE), or two weaker ones like WHY and STILL (EDGY), or one of those and a
 *   "??" / "?!" run. Warm capitals ("HAPPY BIRTHDAY!!!") never fire.
 *
 * Linear: one pass splits units, one pass per unit classifies its words; no regular expression
 * runs over user text.
 */

/** Common acronyms and initialisms in business and tech mail; never counted as shouting. */
const ACRONYMS: ReadonlySet<string> = new Set(
  (
    'FYI ASAP EOD EOW EOM EOY COB OOO PTO TBD TBA TBC ETA FAQ FAQS KPI KPIS OKR OKRS ROI CEO CFO CTO COO CIO CISO CMO CPO CRO CHRO ' +
    'VP SVP EVP AVP GM MD HR IT PR QA UX UI API APIS SDK SLA SLAS SLO SOW RFP RFQ RFI NDA NDAS MOU LOI SEC FDA FTC DOJ EPA OSHA FAA IRS ' +
    'HMRC FCA GDPR HIPAA SOX PCI SOC ISO AWS GCP SQL JSON XML YAML HTML CSS HTTP HTTPS URL URLS URI DNS VPN SSO SAML OAUTH LDAP CRM ERP ' +
    'SAAS PAAS IAAS BTB EMEA APAC LATAM NAM NA US USA UK EU UAE NYC LA SF DC USD EUR GBP JPY CNY EBITDA GAAP IFRS CAPEX OPEX ARR MRR ' +
    'YOY QOQ MOM YTD QTD MTD FY PDF PPT PPTX XLS XLSX CSV DOC DOCX TXT ZIP ASCII UTF NASA NATO FBI CIA LLC INC LTD CORP PLC GMBH AG SA ' +
    'NB PS PPS RE FW FWD CC BCC AM PM EST EDT PST PDT CST CDT MST UTC GMT BST CET CEST IST WIP POC MVP RACI SWOT CI CD PRS MR OS IOS ' +
    'CPU GPU RAM SSD HDD USB LAN WAN IP TCP UDP SSH SSL TLS AI ML LLM NLP AR VR IOT RSVP AKA ETC IE EG LOL OMG BTW IMO IMHO TLDR ' +
    'AFAIK IIRC DM DMS WFH RTO IPO LBO PE VC LP GP AUM NAV ESG DEI ERG ADA FMLA EEOC OFAC AML KYC FCPA MNPI COVID NASDAQ NYSE FTSE ' +
    'DOW TSX ASX HKEX SGX LSE ECB FED FOMC CPI GDP OPEC LNG NGL MMBTU BBL MW MWH KWH GW ERCOT PJM CAISO ISO NYMEX ICE CME OTC ' +
    'TODO FIXME README NULL NAN EOF TRUE FALSE GET POST PUT PATCH HEAD ENV CLI GUI IDE JVM NPM PHP RPM DEB RHEL CVE CVSS ACL IAM KMS ' +
    'RSA AES SHA MD ICS ID IDS PII PHI SSN EIN VAT GST TIN DOB PO POS SKU UPC QR RMA BOM OEM ODM SMB SME B2B B2C D2C GTM CAC LTV ' +
    'NPS CSAT MAU DAU ARPU CTR CPC CPM SEO SEM UGC CMS CDN AB UAT SIT PROD DEV QAT SRE SLI MTTR RCA PIR SEV P1 P2 IMS ITIL ITSM ' +
    'TL DR MBA PHD CPA CFA JD ESQ RN MSC BSC BA MA MS MP MEP UN WHO UNICEF NHS CDC NIH NSF ESA'
  ).split(' '),
);

/**
 * Short all-caps words that are ordinary English and so do count as shouting ("WHY DID YOU",
 * "DO IT NOW"). Other all-caps words of 3 letters or fewer are taken as acronyms.
 */
const SHORT_WORDS: ReadonlySet<string> = new Set(
  (
    'AM AN AS AT BE BY DO GO HE IF IN IS ME MY NO OF OH ON OR SO TO UP WE OK ' +
    'ALL AND ANY ARE ASK BAD BIG BUT CAN DID FOR GET GOT HAD HAS HER HIM HIS HOW ITS LET MAY NEW NOT NOW OFF OLD ONE OUR OUT ' +
    'OWN PUT RUN SAY SEE SET SHE THE TOO TRY TWO WAS WAY WHO WHY YES YET YOU WHAT'
  ).split(' '),
);

/** Words that make a capitalized line a demand rather than a heading or a name. */
const MARKERS: ReadonlySet<string> = new Set(
  (
    'YOU YOUR YOURE YOURSELF I IM ID IVE ME MY WE WERE US NOT NEVER STOP NOW MUST NEED NEEDS DO DONT DOES DOESNT DID DIDNT WHY WHAT HOW ' +
    'PLEASE EVER AGAIN ALWAYS CANT WONT IS ARE WAS WILL HAVE HAS THIS THAT STILL SHOULD SHOULDNT GET STOP READ ANSWER REPLY RESPOND ' +
    'CALL FIX DONE TODAY'
  ).split(' '),
);

/** The key of a masked word in capitals ("F*CK"): swearing, so hostile. */
const MASKED = '*';
/**
 * Words that make capitals hostile rather than merely loud. Announcements and notices are
 * often written in capitals ("PLEASE NOTE THE NEW DIAL-IN NUMBER", "YOU WILL BE UNABLE TO SEND
 * E-MAIL"); shouting at someone carries exasperation ("WHY IS THIS STILL WRONG", "STOP EDITING
 * THE MASTER", "AS I HAVE SAID THREE TIMES"). A capitalized unit fires when it holds one of
 * these words (or a masked one, MASKED) or a run like "!!" or "?!".
 */
const HOSTILE: ReadonlySet<string> = new Set([
  MASKED,
  ...(
    'STOP NEVER AGAIN TOLD SAID ASKED WRONG SERIOUSLY RIDICULOUS UNACCEPTABLE IDIOT IDIOTS STUPID HELL DAMN CRAP ' +
    'IMMEDIATELY LISTEN NOBODY UNDERSTAND FAULT BLAME SICK TIRED ENOUGH JOKE PATHETIC USELESS INCOMPETENT DUMB MORONS ' +
    'MORON LAZY RUDE SHUT WTF FUCK FUCKING FUCKED SHIT BULLSHIT BLOODY PISS PISSED'
  ).split(' '),
]);
/**
 * Weaker signs of exasperation: two different ones ("YOUR FINAL WARNING", "WHY IS THIS STILL", "DONE
 * ASKING NICELY"), or one with a "??" / "?!" run, make capitals hostile. A bulletin's "FLOOD
 * WARNING ... WARNING" is one.
 */
const EDGY: ReadonlySet<string> = new Set('WHY STILL LAST FINAL WARNING ALREADY TWICE TIMES THIRD NICELY ASKING DONE WHOEVER KEEPS EXCUSE EXCUSES'.split(' '));
/**
 * An order in capitals to the reader: a unit that starts with one of these verbs and names the
 * reader or the thing ("ANSWER YOUR PHONE.", "PUT IT BACK WHERE IT LIVES.", "REDO EVERY SINGLE ONE
 * BEFORE YOU GO HOME."). Not READ, REPLY or CALL: notices and sales mail start so ("READ THIS
 * CAREFULLY", "REPLY TO THIS EMAIL", "CALL US TODAY").
 */
const ORDERS: ReadonlySet<string> = new Set('ANSWER PUT FIX GIVE SEND TELL MOVE BRING REDO CLEAN PICK RETURN STOP'.split(' '));
/** Whom or what an order in capitals names. */
const ORDER_OBJECTS: ReadonlySet<string> = new Set('YOU YOUR IT THEM THIS THAT'.split(' '));
/** Warm capitals ("HAPPY BIRTHDAY", "CONGRATULATIONS", "THANK YOU") are celebration, not shouting. */
const WARM: ReadonlySet<string> = new Set(
  'HAPPY BIRTHDAY CONGRATULATIONS CONGRATS THANK THANKS WELCOME CELEBRATE PARTY CHEERS HOORAY YAY'.split(' '),
);

/** Capitalized legal boilerplate (licences, warranty disclaimers) is not shouting. */
const BOILERPLATE: ReadonlySet<string> = new Set(
  (
    'WARRANTY WARRANTIES MERCHANTABILITY LIABILITY LIABLE INDEMNIFY INDEMNIFICATION HEREIN HEREBY HEREUNDER THEREOF WHEREOF ' +
    'DISCLAIMER DISCLAIMS DISCLAIMED PURSUANT NOTWITHSTANDING INFRINGEMENT CONSEQUENTIAL UNSUBSCRIBE COPYRIGHT'
  ).split(' '),
);

/** SQL keywords: a capitalized line that starts a statement is code. */
const SQL_START: ReadonlySet<string> = new Set(['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'CREATE', 'DROP', 'ALTER', 'TRUNCATE', 'GRANT', 'WITH']);
const SQL_WORDS: ReadonlySet<string> = new Set(
  'SELECT FROM WHERE INSERT INTO VALUES UPDATE SET DELETE JOIN INNER OUTER LEFT RIGHT GROUP ORDER BY HAVING LIMIT CREATE TABLE DROP ALTER NULL DISTINCT UNION AS ON AND OR NOT IN IS LIKE BETWEEN COUNT SUM MAX MIN AVG ASC DESC INDEX PRIMARY KEY GRANT TRUNCATE WITH'.split(
    ' ',
  ),
);

/**
 * Emphasis words: written in capitals inside ordinary sentences ("the form has ONE field. ONE.",
 * "ordered the wrong hinges. AGAIN.") they shout one word at a time. Two of them in two
 * different sentences of one mail fire; one alone ("please do NOT forward") does not.
 */
const EMPHASIS: ReadonlySet<string> = new Set(
  (
    'AGAIN ONE NEVER STOP EVER ALREADY STILL NOBODY NOTHING TWICE WRONG SERIOUSLY WONDERFUL GREAT OH WOW ZERO NONE ' +
    'SINGLE LITERALLY'
  ).split(' '),
);
/** Most emphasis findings per text. */
const MAX_EMPHASIS = 20;
/**
 * A run of marks that raises the voice ("!!!", "????", "?!"). A word of RAISED in capitals
 * inside an ordinary sentence shouts when its line has such a run near it ("just checking in
 * AGAIN ... this year????", "This is NOT ACCEPTABLE!!!", "WHY is the window still summer??");
 * warm capitals ("GREAT NEWS !!!!") do not. Plain alternatives of fixed length, no nesting.
 */
const RAISED_MARKS = /[!\uff01]{3}|[?\uff1f]{2}|[?\uff1f][!\uff01]|[!\uff01][?\uff1f]/;

/** How far from the emphasis word (same line) raised marks count. */
const RAISED_REACH = 200;
/**
 * Words in capitals that are exasperated, not warm: one of them and raised marks near it shout.
 * Not NOW or TODAY: sales mail shouts them ("making money TODAY!!!").
 */
const RAISED: ReadonlySet<string> = new Set(
  'AGAIN NEVER STOP ALREADY STILL NOBODY NOTHING TWICE WRONG SERIOUSLY NOT WHY SOME EVERYTHING EVERYONE EVERY ACCEPTABLE UNACCEPTABLE ANSWER REPLY READ TIMES'.split(' '),
);

/** Number words, so an echo in capitals meets the digits it repeats ("15 minutes. FIFTEEN."). */
const NUMBER_WORDS: ReadonlyMap<string, string> = new Map(
  'ONE TWO THREE FOUR FIVE SIX SEVEN EIGHT NINE TEN ELEVEN TWELVE THIRTEEN FOURTEEN FIFTEEN SIXTEEN SEVENTEEN EIGHTEEN NINETEEN TWENTY'
    .split(' ')
    .map((w, i) => [w, String(i + 1)] as [string, string]),
);
/** An echo: a sentence of at most this many words, all in capitals, repeating the sentence before it. */
const ECHO_WORDS = 3;

/** A unit needs this many capitalized words and capital letters to count as shouting. */
const MIN_WORDS = 3;
const MIN_LETTERS = 10;
/** Share of the counted words (capitalized + ordinary) that must be capitalized. */
const MIN_SHARE = 0.7;
/** A run of capitalized words inside a normal sentence fires from this many words and letters. */
const RUN_WORDS = 4;
const RUN_LETTERS = 14;
/** Headings: a line with at most this many words, no end punctuation and no marker word. */
const HEADING_WORDS = 6;

type Kind = 'caps' | 'lower' | 'neutral';

interface Word {
  kind: Kind;
  /** Uppercase letters of the word (for caps words); used for list lookups. */
  key: string;
  letters: number;
  start: number;
  end: number;
}

interface Unit {
  start: number;
  end: number;
  words: Word[];
  /** The unit is a whole line. */
  wholeLine: boolean;
  /** The unit ends with `.`, `!` or `?`. */
  terminal: boolean;
  /** The unit ends with a run like "?!" or "??". */
  loud: boolean;
}

const MESSAGE = 'Writing in capital letters reads as shouting, and the reader will react to the volume rather than the point.';
const SUGGESTION = SUGGESTIONS ? 'Use normal case and, if something matters most, say so in words ("The key point: ...") or put it in bold once.' : undefined;

export const shoutingDetector: Detector = {
  id: 'tone/shouting',
  outsideQuotes: true,
  detect(text: string): Hit[] {
    const hits: Hit[] = [];
    let open: Hit | null = null;
    const emit = (start: number, end: number, whole: boolean): void => {
      // Consecutive shouted units separated only by white space become one finding.
      if (open && whole && onlySpace(text, open.end, start)) {
        open.end = end;
        return;
      }
      open = shout(start, end);
      hits.push(open);
      if (!whole) open = null;
    };
    const emphasis: Word[] = [];
    let emphasisUnits = 0;
    // Exasperated words in capitals, each shouting if raised marks stand near it (decided at the end).
    const raised: Word[] = [];
    // Capitals with one weaker sign ("I AM DONE CHASING THEM"): shouting when another sentence
    // of the mail shouts a word ("the telemetry is down AGAIN"), decided at the end.
    const edgy: Unit[] = [];
    let previous: Unit | null = null;
    forEachUnit(text, (unit) => {
      const before = previous;
      previous = unit;
      const verdict = judge(unit);
      if (verdict === 'unit') emit(unit.start, unit.end, true);
      else if (verdict === 'edgy') {
        open = null;
        edgy.push(unit);
      } else {
        open = null;
        if (verdict !== 'mixed') return;
        const run = longRun(unit.words);
        if (run) emit(run[0], run[1], false);
        else if (before && echoes(text, before, unit)) emit(unit.start, unit.end, false);
        else {
          let found = false;
          for (const w of unit.words) {
            if (w.kind !== 'caps') continue;
            if (EMPHASIS.has(w.key) && emphasis.length < MAX_EMPHASIS) {
              emphasis.push(w);
              found = true;
            }
            if (RAISED.has(w.key) && raised.length < MAX_EMPHASIS) raised.push(w);
          }
          if (found) emphasisUnits++;
        }
      }
    });
    const before = hits.length;
    if (emphasis.length >= 2 && emphasisUnits >= 2) {
      for (const w of emphasis) hits.push(shout(w.start, w.end));
    } else {
      for (const w of raised) if (raisedNearby(text, w)) hits.push(shout(w.start, w.end));
    }
    if (emphasis.length > 0) for (const u of edgy) hits.push(shout(u.start, u.end));
    if (hits.length > before) hits.sort((a, b) => a.start - b.start);
    return hits;
  },
};

/** A shouting finding on text[start, end). */
function shout(start: number, end: number): Hit {
  return { category: 'tone', rule: 'shouting', severity: 'medium', start, end, message: MESSAGE, suggestion: SUGGESTION };
}

/** Whether text[from, to) is only white space. Bounded by the gap between two units. */
function onlySpace(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

/**
 * 'unit' when the unit is shouting; 'edgy' when it is in capitals with only one weaker sign of
 * exasperation (shouting if the mail shouts elsewhere too); 'mixed' when it is a normal sentence
 * that may hold a shouted run; 'skip' for units without letters; 'no' for headings, code and
 * boilerplate.
 */
function judge(unit: Unit): 'unit' | 'edgy' | 'mixed' | 'skip' | 'no' {
  let caps = 0;
  let lower = 0;
  let capsLetters = 0;
  let marker = false;
  let hostile = false;
  // The first weaker sign seen, and whether a different one followed (no set per unit: this runs on every sentence).
  let edgyFirst = '';
  let edgyTwo = false;
  let warm = false;
  let boiler = false;
  // An order to the reader ("ANSWER YOUR PHONE"), or "I DON'T CARE".
  let order = false;
  let orderObject = false;
  let dont = false;
  let care = false;
  let sqlStart = false;
  let sql = 0;
  for (const w of unit.words) {
    if (w.kind === 'caps') {
      caps++;
      capsLetters += w.letters;
      if (MARKERS.has(w.key)) marker = true;
      if (HOSTILE.has(w.key)) hostile = true;
      if (EDGY.has(w.key)) {
        if (edgyFirst === '') edgyFirst = w.key;
        else if (w.key !== edgyFirst) edgyTwo = true;
      }
      if (WARM.has(w.key)) warm = true;
      if (BOILERPLATE.has(w.key)) boiler = true;
      if (SQL_WORDS.has(w.key)) sql++;
      if (caps === 1 && SQL_START.has(w.key)) sqlStart = true;
      if (caps === 1 && lower === 0 && ORDERS.has(w.key)) order = true;
      if (ORDER_OBJECTS.has(w.key)) orderObject = true;
      if (w.key === 'DONT') dont = true;
      if (w.key === 'CARE') care = true;
    } else if (w.kind === 'lower') lower++;
  }
  if (caps === 0 && lower === 0) return 'skip';
  if (boiler) return 'no';
  if (sqlStart && sql * 2 >= caps) return 'no';
  if (unit.wholeLine && !unit.terminal && caps + lower <= HEADING_WORDS && !marker) return 'no';
  if (caps < MIN_WORDS || capsLetters < MIN_LETTERS) return 'mixed';
  if (caps < MIN_SHARE * (caps + lower)) return 'mixed';
  if (warm) return 'skip';
  if (hostile || edgyTwo || (edgyFirst !== '' && unit.loud) || (order && orderObject) || (dont && care)) return 'unit';
  return edgyFirst !== '' ? 'edgy' : 'skip';
}

/** Whether raised marks stand on the word's line, at most RAISED_REACH characters away. */
function raisedNearby(text: string, w: Word): boolean {
  const from = Math.max(text.lastIndexOf('\n', w.start) + 1, w.start - RAISED_REACH);
  let to = text.indexOf('\n', w.end);
  if (to < 0 || to > w.end + RAISED_REACH) to = Math.min(text.length, w.end + RAISED_REACH);
  return RAISED_MARKS.test(text.slice(from, to));
}

/**
 * Whether `unit` is a short sentence in capitals that repeats words of the sentence just before
 * it on the same line, the way one hammers a point: "we have three shelves. THREE.", "it's been
 * 3 weeks. 3 WEEKS.", "consults are 15 minutes. FIFTEEN." Every word in capitals must be there
 * before, in lower case or as its digits (a name repeated in capitals is a label, not an echo). Reads `before` once; a unit is `before` only once.
 */
function echoes(text: string, before: Unit, unit: Unit): boolean {
  if (!unit.terminal || unit.words.length > ECHO_WORDS) return false;
  let caps = 0;
  for (const w of unit.words) {
    if (w.kind === 'lower') return false;
    if (w.kind === 'caps') caps++;
  }
  if (caps === 0) return false;
  // On the same line: only spaces between the two sentences.
  for (let i = before.end; i < unit.start; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || !isSpace(c)) return false;
  }
  const said = new Set<string>();
  const wordsBefore = /[a-z]+|[0-9]+/gi;
  wordsBefore.lastIndex = before.start;
  for (let m = wordsBefore.exec(text); m && m.index < before.end; m = wordsBefore.exec(text)) {
    // Only lowercase words and digits: a name ("Apollo", "Tuesday") repeated in capitals is a label.
    const w = m[0];
    if (w === w.toLowerCase()) said.add(w.toUpperCase());
  }
  for (const w of unit.words) {
    if (w.kind === 'caps' && !said.has(w.key) && !said.has(NUMBER_WORDS.get(w.key) ?? '')) return false;
  }
  return true;
}

/**
 * The longest run of capitalized words (neutral words inside do not break it) that is long
 * enough and holds a marker word, so a company name in capitals is not shouting.
 */
function longRun(words: Word[]): [number, number] | null {
  let best: [number, number] | null = null;
  let bestLetters = 0;
  let count = 0;
  let letters = 0;
  let start = -1;
  let end = -1;
  let boiler = false;
  let marker = false;
  for (const w of words) {
    if (w.kind === 'caps') {
      if (count === 0) start = w.start;
      count++;
      letters += w.letters;
      end = w.end;
      if (BOILERPLATE.has(w.key)) boiler = true;
      if (HOSTILE.has(w.key)) marker = true;
      if (count >= RUN_WORDS && letters >= RUN_LETTERS && !boiler && marker && letters > bestLetters) {
        best = [start, end];
        bestLetters = letters;
      }
    } else if (w.kind === 'lower') {
      count = 0;
      letters = 0;
      boiler = false;
      marker = false;
    }
  }
  return best;
}

/**
 * Calls `visit` with each unit: a sentence inside a line (split at `.`, `!` or `?` followed by
 * white space or the end of the line), or the whole line when it has no sentence end.
 */
function forEachUnit(text: string, visit: (unit: Unit) => void): void {
  const len = text.length;
  const capitals = new CapitalPairs(text);
  let unitStart = 0;
  let pending: Unit[] = [];
  const push = (from: number, to: number, terminal: boolean, loud: boolean): void => {
    const unit = makeUnit(text, from, to, terminal, loud, capitals.within(from, to));
    if (unit) pending.push(unit);
  };
  // Jumps from one sentence mark or line end to the next (a single character class: no backtracking).
  const marks = /[\n.!?\uff01\uff1f\u2026\u203d]/g;
  let i = 0;
  let lineStart = true;
  for (;;) {
    if (lineStart) {
      lineStart = false;
      // At a line start: lines before the next capital pair hold no unit that can shout, so they
      // are passed over unread. Units passed over need no visit: the detector merges two shouted
      // units only across white space, and they are not white space.
      const next = capitals.next(i);
      if (next >= len) break;
      unitStart = i = Math.max(i, text.lastIndexOf('\n', next) + 1);
    }
    marks.lastIndex = i;
    const at = marks.test(text) ? marks.lastIndex - 1 : len;
    if (at < len && text.charCodeAt(at) !== 0x0a) {
      let j = at + 1;
      while (j < len && isTerminal(text.charCodeAt(j))) j++;
      if (j >= len || isSpace(text.charCodeAt(j))) {
        push(unitStart, j, true, j - at >= 2 && hasQuestion(text, at, j));
        unitStart = j;
      }
      i = j;
      continue;
    }
    // The line ends at `at`.
    push(unitStart, at, false, false);
    const whole = pending.length === 1;
    for (const u of pending) {
      u.wholeLine = whole;
      visit(u);
    }
    pending = [];
    if (at >= len) break;
    unitStart = i = at + 1;
    lineStart = true;
  }
}

/**
 * Where a white-space-separated token holds two capital letters, or characters that may be
 * capitals: A-Z, Latin-1 capitals, and anything above Latin-1 (unsure means yes; the common
 * accented lowercase letters of names are Latin-1 and do not count). A unit without such a
 * token has no word in capitals and is judged harmless whatever its other words are, so its
 * words need not be built. Searches only forward, once per pair found, so the text is scanned
 * about once.
 */
class CapitalPairs {
  // From a possible capital, through characters that are neither capitals nor spaces, to the
  // next possible capital. The middle excludes the ends' class, so it cannot backtrack. No `u`
  // flag and no Unicode property: a plain class is several times faster to scan.
  private readonly pair = /[A-Z\u00c0-\u00de\u0100-\uffff][^A-Z\u00c0-\u00de\u0100-\uffff \t\r\n\f\v]*[A-Z\u00c0-\u00de\u0100-\uffff]/g;
  private start = -1;
  private end = -1;
  constructor(private readonly text: string) {}

  /** Whether such a token lies inside text[from, to), whose edges are spaces or line ends. */
  within(from: number, to: number): boolean {
    return this.next(from) < to && this.end <= to;
  }

  /** Where the next such token at or after `from` starts (Infinity when there is none). */
  next(from: number): number {
    if (this.start < from) {
      this.pair.lastIndex = from;
      const m = this.pair.exec(this.text);
      this.start = m ? m.index : Infinity;
      this.end = m ? m.index + m[0].length : Infinity;
    }
    return this.start;
  }
}

function makeUnit(text: string, from: number, to: number, terminal: boolean, loud: boolean, build: boolean): Unit | null {
  const words: Word[] = [];
  let i = from;
  let first = -1;
  let last = -1;
  if (!build) {
    // Only where the unit starts and ends is needed.
    let b = to;
    while (i < b && isSpace(text.charCodeAt(i))) i++;
    while (b > i && isSpace(text.charCodeAt(b - 1))) b--;
    if (i < b) {
      first = i;
      last = b;
    }
    i = to;
  }
  while (i < to) {
    while (i < to && isSpace(text.charCodeAt(i))) i++;
    if (i >= to) break;
    const s = i;
    while (i < to && !isSpace(text.charCodeAt(i))) i++;
    if (first < 0) first = s;
    last = i;
    const w = classify(text, s, i);
    if (w) words.push(w);
  }
  if (first < 0) return null;
  return { start: first, end: last, words, wholeLine: false, terminal, loud };
}

/** Classifies one white-space-separated token text[s, e). */
function classify(text: string, s: number, e: number): Word | null {
  // Trim punctuation at the edges: quotes, brackets, commas, end marks.
  let a = s;
  let b = e;
  while (a < b && !isWordChar(text, a)) a++;
  while (b > a && !isWordChar(text, b - 1)) b--;
  if (a >= b) return null;
  let upper = 0;
  let lowerCount = 0;
  let codeish = false;
  // `*` inside a word of capitals masks a letter of a swear word ("F*CK", "SH*T"), not code.
  let masks = 0;
  // The longest run of letters between masks: "A*B*C" (a product) has none of two. A run of two
  // or more masks ("S**T") hides a word all the same.
  let run = 0;
  let longestRun = 0;
  let maskRun = 0;
  let longestMaskRun = 0;
  let lowerThenUpper = false;
  let prevLower = false;
  let key = '';
  for (let k = a; k < b; k++) {
    const ch = text[k]!;
    const code = text.charCodeAt(k);
    if (ch === '*' && k > a && k < b - 1) {
      masks++;
      if (++maskRun > longestMaskRun) longestMaskRun = maskRun;
      run = 0;
      prevLower = false;
      continue;
    }
    maskRun = 0;
    if (code >= 0x30 && code <= 0x39) codeish = true;
    else if ('_/\\@=#:<>{}[]|~^$%&+*'.includes(ch)) codeish = true;
    else if (ch === '.' && k > a && k < b - 1) codeish = true;
    else if (isUpperChar(ch)) {
      upper++;
      if (++run > longestRun) longestRun = run;
      key += ch;
      if (prevLower) lowerThenUpper = true;
      prevLower = false;
      continue;
    } else if (isLowerChar(ch)) {
      lowerCount++;
      prevLower = true;
      continue;
    }
    prevLower = false;
    run = 0;
  }
  if (masks > 0 && !codeish && lowerCount === 0 && (longestRun >= 2 || longestMaskRun >= 2)) return { kind: 'caps', key: MASKED, letters: upper + masks, start: a, end: b };
  if (codeish || masks > 0 || upper + lowerCount === 0) return { kind: 'neutral', key: '', letters: 0, start: a, end: b };
  if (lowerCount > 0) {
    // "KPIs", "URLs": an acronym with a plural s.
    if (upper >= 2 && lowerCount === 1 && text[b - 1] === 's' && !lowerThenUpper) return { kind: 'neutral', key, letters: 0, start: a, end: b };
    return { kind: 'lower', key: '', letters: lowerCount + upper, start: a, end: b };
  }
  if (upper === 1) return { kind: 'neutral', key, letters: 1, start: a, end: b };
  if (ACRONYMS.has(key)) return { kind: 'neutral', key, letters: upper, start: a, end: b };
  if (upper <= 3 && !SHORT_WORDS.has(key)) return { kind: 'neutral', key, letters: upper, start: a, end: b };
  return { kind: 'caps', key, letters: upper, start: a, end: b };
}

function isWordChar(text: string, i: number): boolean {
  const ch = text[i]!;
  const code = text.charCodeAt(i);
  if (code >= 0x30 && code <= 0x39) return true;
  if (ch === '_' || ch === '@' || ch === '#' || ch === '$' || ch === '%' || ch === '&') return true;
  return isUpperChar(ch) || isLowerChar(ch);
}

function isUpperChar(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return c >= 0x41 && c <= 0x5a;
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function isLowerChar(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return c >= 0x61 && c <= 0x7a;
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

/** Whether text[i, j) holds a question mark (a "??" or "?!" run). Bounded by the run. */
function hasQuestion(text: string, i: number, j: number): boolean {
  for (let k = i; k < j; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x3f || c === 0xff1f || c === 0x203d) return true;
  }
  return false;
}

function isTerminal(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0xff01 || c === 0xff1f || c === 0x2026 || c === 0x203d;
}

/** White space between words, in the tone detectors (no-break and typographic spaces too). */
export function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a || c === 0xa0 || c === 0x0c || c === 0x0b || c === 0x3000 || (c >= 0x2000 && c <= 0x200a);
}
