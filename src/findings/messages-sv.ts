import { arg, type Catalogue, type MessageInput } from './catalogue.js';

const col = (m: MessageInput) => (m.column ? `${m.column}: ` : '');
const q = (m: MessageInput, key = 'found') => `”${arg(m, key)}”`;

const quarter = (m: MessageInput) => (arg(m, 'scope') === 'cumulative' ? 'ackumulerat' : `under ${arg(m, 'scope')}`);
const kr = (m: MessageInput, key: string) => `${arg(m, key)} kr`;

/** Svenska meddelanden och åtgärdstips för varje kod. */
export const MESSAGES_SV: Catalogue = {
  FILE_UNREADABLE: {
    text: (m) => `filen kan inte läsas (${arg(m, 'reason')})`,
    hint: 'Kontrollera sökvägen och att filen inte är låst av ett annat program; spara den som CSV (eller .xlsx).',
  },
  RECORD_TOO_LONG: {
    text: (m) =>
      `posten som börjar på rad ${m.line ?? ''} har fler än ${arg(m, 'limit')} tecken (gränsen för en post); resten av filen läses inte`,
    hint: 'Ett fält i en deltagarexport är aldrig så långt: filen är troligen ingen CSV-export, eller så stängs ett citattecken aldrig. Exportera filen igen från ärendesystemet eller Excel.',
  },
  FILE_EMPTY: {
    text: (m) =>
      arg(m, 'reason') === 'no-bytes'
        ? 'filen är tom (0 byte)'
        : arg(m, 'reason') === 'bom-only'
          ? 'filen innehåller bara ett BOM-tecken och ingen rubrikrad'
          : 'filen saknar rubrikrad',
    hint: 'Exportera filen på nytt från ärendesystemet eller Excel; första raden ska vara rubrikraden.',
  },
  ENCODING_INVALID: {
    text: (m) =>
      arg(m, 'reason') === 'binary'
        ? 'filen innehåller NUL-byte: det är ingen textfil (CSV), eller UTF-16 utan BOM'
        : `tecknen nära rad ${arg(m, 'near')} går inte att läsa som ${arg(m, 'encoding')} (${arg(m, 'detail')})`,
    hint: 'Spara filen i Excel som ”CSV UTF-8” (eller ”CSV (semikolonavgränsad)”), eller ange teckenkodningen med --encoding.',
  },
  COLUMN_MISSING: {
    text: (m) =>
      `rubrikraden saknar kolumnen ${arg(m, 'aliases')} (engelska: ${arg(m, 'columns')}); rubrikraden har: ${arg(m, 'found')}`,
    hint: 'Lägg till kolumnen i rubrikraden med dess svenska eller engelska namn (se `esf-report template`).',
  },
  COLUMN_DUPLICATE: {
    text: (m) =>
      `kolumn ${arg(m, 'otherPosition')} (”${arg(m, 'other')}”) och ${arg(m, 'position')} (”${arg(m, 'header')}”) betyder båda ${m.column}`,
    hint: 'Behåll en av kolumnerna och ta bort den andra.',
  },
  COLUMN_UNKNOWN: {
    text: (m) =>
      arg(m, 'header') === ''
        ? `kolumn ${arg(m, 'position')} saknar rubrik; dess värden används inte`
        : `kolumn ${arg(m, 'position')} ”${arg(m, 'header')}” ingår inte i formatet; den används inte`,
    hint: 'Inget behöver göras om kolumnen är extra; om den skulle vara en känd kolumn, rätta rubriken.',
  },
  QUOTE_NOT_CLOSED: {
    text: () => 'ett citattecken (") som öppnas på den här raden stängs aldrig; posten och allt efter den kunde inte läsas',
    hint: 'Leta upp det felaktiga " på raden: stäng det eller ta bort det. Citattecken i text skrivs dubbla ("").',
  },
  QUOTE_INVALID: {
    text: (m) => `${col(m)}fält ${arg(m, 'position')} har text efter sitt avslutande citattecken`,
    hint: 'Ett fält som börjar med citattecken ska sluta med ett; citattecken inuti skrivs dubbla ("").',
  },
  FIELD_COUNT: {
    text: (m) =>
      `raden har ${arg(m, 'found')} fält men rubrikraden ${arg(m, 'expected')}; ${arg(m, 'extra')} ifyllda värden efter sista kolumnen`,
    hint: 'Ett värde har troligen hamnat i fel kolumn (avgränsare i ett värde?): sätt sådana värden inom citattecken.',
  },
  VALUE_MISSING: {
    text: (m) => `${col(m)}värde krävs men cellen är tom`,
    hint: 'Fyll i värdet; utan det kan deltagaren inte räknas.',
  },
  VALUE_INVALID: {
    text: (m) => `${col(m)}${q(m)} är inget godkänt värde; förväntat ${arg(m, 'expected')}`,
    hint: 'Använd ett av de godkända värdena (stora eller små bokstäver; -, mellanslag och _ räknas lika).',
  },
  DATE_INVALID: {
    text: (m) =>
      arg(m, 'reason') === 'day'
        ? `${col(m)}${q(m)} är inget datum som finns i kalendern`
        : `${col(m)}${q(m)} är inget datum på formen ÅÅÅÅ-MM-DD (eller ÅÅÅÅMMDD)`,
    hint: 'Skriv datum som ÅÅÅÅ-MM-DD, t.ex. 2025-03-14; formatera kolumnen i Excel som datum eller text.',
  },
  DATE_AFTER_TODAY: {
    text: (m) => `${col(m)}${q(m)} är efter dagens datum (${arg(m, 'today')}): det har inte hänt än`,
    hint: 'Kontrollera datumet (år eller månad felskrivet?); planerade datum hör inte hemma i exporten.',
  },
  DATE_OUTSIDE_PROJECT: {
    text: (m) => `${col(m)}${q(m)} ligger utanför projektperioden ${arg(m, 'start')} – ${arg(m, 'end')}`,
    hint: 'Kontrollera datumet; deltagare kan bara börja och sluta inom projektperioden.',
  },
  ID_INVALID: {
    text: (m) => `${col(m)}${q(m)} är inget giltigt deltagar-id (1–64 bokstäver, siffror, - eller _)`,
    hint: 'Använd ärendesystemets pseudonyma deltagar-id, t.ex. P-0042.',
  },
  ID_DUPLICATE: {
    text: (m) => `${col(m)}”${arg(m, 'id')}” finns redan på rad ${arg(m, 'firstLine')}`,
    hint: 'Varje deltagare har en rad; den som skrivs in igen behåller första raden och första startdatum.',
  },
  ID_IS_PERSONNUMMER: {
    text: (m) => `${col(m)}deltagar-id på rad ${m.line ?? ''} är ett personnummer; id ska vara pseudonymt`,
    hint: 'Byt till det pseudonyma deltagar-id:t; personnumret hör bara hemma i kolumnen personnummer.',
  },
  PNR_INVALID: {
    text: (m) => {
      const reason: Record<string, string> = {
        format: 'har inte 10 eller 12 siffror på formen ÅÅMMDD-NNNN eller ÅÅÅÅMMDD-NNNN',
        date: 'innehåller inget giltigt födelsedatum',
        future: 'har ett födelsedatum efter dagens datum',
        checksum: 'har fel kontrollsiffra (sista siffran)',
      };
      return `${col(m)}personnumret på rad ${m.line ?? ''} ${reason[arg(m, 'reason')] ?? 'är ogiltigt'}`;
    },
    hint: 'Jämför personnumret med underlaget; ett skrivfel syns oftast i kontrollsiffran.',
  },
  PNR_BIRTH_DATE_MISMATCH: {
    text: (m) => `${col(m)}personnumret på rad ${m.line ?? ''} stämmer inte med födelsedatum`,
    hint: 'Rätta personnumret eller födelsedatumet; de ska ange samma dag.',
  },
  PNR_GENDER_MISMATCH: {
    text: (m) => `${col(m)}könssiffran i personnumret på rad ${m.line ?? ''} stämmer inte med kön ”${arg(m, 'gender')}”`,
    hint: 'Juridiskt och självuppgivet kön kan skilja sig; är det ett skrivfel, rätta det. Raden räknas ändå.',
  },
  PNR_DUPLICATE: {
    text: (m) => `${col(m)}personnumret på rad ${m.line ?? ''} är samma som för deltagare ”${arg(m, 'otherId')}”`,
    hint: 'En person har ett deltagar-id: slå ihop raderna eller rätta personnumret.',
  },
  EXIT_BEFORE_ENTRY: {
    text: (m) => `${col(m)}slutdatum ${arg(m, 'exit')} är före startdatum ${arg(m, 'entry')}`,
    hint: 'Kontrollera båda datumen; ett av dem är troligen felskrivet.',
  },
  RESULT_DATE_BEFORE_ENTRY: {
    text: (m) => `${col(m)}${q(m)} är före startdatum ${arg(m, 'entry')}`,
    hint: 'Bara händelser efter start räknas som resultat; kontrollera datumet.',
  },
  EXIT_ANSWER_WITHOUT_EXIT: {
    text: (m) => `${col(m)}ett avslutssvar är ifyllt men slutdatum saknas`,
    hint: 'Fyll i slutdatum för en deltagare som har slutat, eller töm avslutssvaren för en som inte har det.',
  },
  EXIT_STATUS_MISSING: {
    text: (m) => `${col(m)}deltagaren slutade ${arg(m, 'exit')} (för ${arg(m, 'days')} dagar sedan) men status vid avslut saknas`,
    hint: 'Registrera status inom fyra veckor efter avslut (anställd, egen företagare, studier, arbetssökande, inaktiv, annat).',
  },
  STATUS_6M_MISSING: {
    text: (m) => `${col(m)}uppföljningen efter sex månader (från ${arg(m, 'due')}) är inte registrerad`,
    hint: 'Kontakta deltagaren för sexmånadersuppföljningen; skriv ”okänt” om hen inte går att nå.',
  },
  UNEMPLOYMENT_MONTHS_TOO_HIGH: {
    text: (m) => `${col(m)}${arg(m, 'found')} månader är längre än möjligt sedan 16-årsdagen (högst ${arg(m, 'max')})`,
    hint: 'Ange antal månader i den pågående arbetslöshetsperioden vid start, inte dagar eller veckor.',
  },
  UNEMPLOYMENT_MONTHS_IGNORED: {
    text: (m) => `${col(m)}${arg(m, 'found')} månader angivet för någon som var ${arg(m, 'status')} vid start; används inte`,
    hint: 'Töm värdet, eller rätta arbetsmarknadsstatus om deltagaren faktiskt var arbetslös.',
  },
  IMPROVED_NOT_EMPLOYED: {
    text: (m) => `${col(m)}”ja” för någon som var ${arg(m, 'status')} vid start; bara sysselsatta räknas (EECR06)`,
    hint: 'Förbättrad situation gäller deltagare som var sysselsatta vid start; lämna tomt för andra.',
  },
  AGE_OUTSIDE_WORKING_AGE: {
    text: (m) => `${col(m)}åldern vid start är ${arg(m, 'age')}, utanför arbetsför ålder 15–66`,
    hint: 'Kontrollera födelsedatum och startdatum.',
  },
  COHORT_INVALID: {
    text: (m) => `${col(m)}${q(m)} är ingen kohort som 2025-VT eller 2024-HT`,
    hint: 'Skriv kohorten som ÅÅÅÅ-VT (vår) eller ÅÅÅÅ-HT (höst). Uppgiften är bara informativ.',
  },
  COHORT_MISMATCH: {
    text: (m) => `${col(m)}kohort ${arg(m, 'cohort')} men start ${arg(m, 'entry')} hör till ${arg(m, 'expected')}`,
    hint: 'Kontrollera kohorten eller startdatumet. Kohorten är bara informativ.',
  },
  AMOUNT_INVALID: {
    text: (m) =>
      arg(m, 'reason') === 'ambiguous'
        ? `${col(m)}${q(m)} är tvetydigt: det kan betyda tusental eller decimaler`
        : `${col(m)}${q(m)} är inget belopp i kronor med högst två decimaler (t.ex. 1 234,50)`,
    hint: 'Skriv belopp som 1234,50 eller 1 234,50 (decimalkomma) eller 1234.50; aldrig bara en tusentalsavgränsare.',
  },
  CATEGORY_INVALID: {
    text: (m) => `${col(m)}${q(m)} är inget godkänt värde; förväntat ${arg(m, 'expected')}`,
    hint: 'Använd en av huvudbokens kategorier (svenska eller engelska namn).',
  },
  CATEGORY_TYPE_MISMATCH: {
    text: (m) => `${col(m)}kategorin ${q(m)} hör inte till typen ”${arg(m, 'type')}”`,
    hint: 'Kostnadskategorier hör till kostnadsrader, finansieringskategorier till finansieringsrader.',
  },
  BOOKING_OUTSIDE_PROJECT: {
    text: (m) => `${col(m)}${q(m)} ligger utanför projektperioden ${arg(m, 'start')} – ${arg(m, 'end')}`,
    hint: 'Bara bokningar inom projektperioden är stödberättigande; kontrollera datumet.',
  },
  REFERENCE_DUPLICATE: {
    text: (m) => `${col(m)}verifikation ${q(m)} med samma datum och belopp finns redan på rad ${arg(m, 'firstLine')}`,
    hint: 'Kontrollera om bokningen är gjord två gånger.',
  },
  EU_SHARE_ABOVE_RATE: {
    text: (m) =>
      `EU-finansieringen ${kr(m, 'booked')} är över ${arg(m, 'rate')} av stödberättigande kostnader (${kr(m, 'expected')}) ${quarter(m)}, med ${kr(m, 'difference')}`,
    hint: 'Jämför bokad EU-finansiering med beslutad medfinansieringsgrad; en utbetalning bokad ett kvartal sent jämnas ut ackumulerat.',
  },
  FLAT_RATE_MISMATCH: {
    text: (m) =>
      `bokat schablonbelopp ${kr(m, 'booked')} skiljer sig från ${arg(m, 'rate')} av personalkostnaderna (${kr(m, 'expected')}) ${quarter(m)}, med ${kr(m, 'difference')}`,
    hint: 'Boka schablonen som exakt den beslutade procentsatsen av kvartalets godkända personalkostnader.',
  },
  IN_KIND_MISMATCH: {
    text: (m) =>
      `bidrag i annat än pengar som kostnad ${kr(m, 'costs')} skiljer sig från motsvarande finansiering ${kr(m, 'financing')} ${quarter(m)}, med ${kr(m, 'difference')}`,
    hint: 'Varje kostnad i form av bidrag i annat än pengar ska ha lika stor finansiering (offentlig eller privat) samma kvartal.',
  },
  OTHER_DIRECT_WITH_FLAT_RATE: {
    text: (m) => `${col(m)}övrig direkt kostnad i ett projekt med schablon (schablonen täcker redan sådana kostnader)`,
    hint: 'Ta bort bokningen eller flytta den till en stödberättigande kategori; schablonen täcker övriga direkta kostnader.',
  },
  UNFUNDED: {
    text: (m) => `finansieringen täcker inte stödberättigande kostnader ${quarter(m)}; det saknas ${kr(m, 'difference')}`,
    hint: 'Boka den saknade medfinansieringen, eller leta efter kostnader bokade utan sin finansiering.',
  },
  BUDGET_EXCEEDED: {
    text: (m) => `${arg(m, 'category')}: ackumulerad kostnad ${kr(m, 'used')} är över budget ${kr(m, 'planned')}`,
    hint: 'Begär budgetändring, eller flytta kostnader inom budgetreglerna.',
  },
  // närvaro och deltagarnas tid (docs/time-reports.md)
  PARTICIPANT_UNKNOWN: {
    text: (m) => `${col(m)}${q(m)} är ingen deltagare i ${arg(m, 'participants') || 'deltagarfilen'}`,
    hint: 'Använd deltagar_id exakt som i deltagarfilen; lägg först in nya deltagare där.',
  },
  DATE_OUTSIDE_PARTICIPATION: {
    text: (m) =>
      arg(m, 'reason') === 'before'
        ? `${col(m)}${q(m)} är före ${arg(m, 'participant')}s start i projektet (startdatum ${arg(m, 'entry')})`
        : `${col(m)}${q(m)} är efter att ${arg(m, 'participant')} lämnat projektet (${arg(m, 'exit') ? `slutdatum ${arg(m, 'exit')}` : `projektslut ${arg(m, 'end')}`})`,
    hint: 'Bara dagar inom deltagandet (startdatum till slutdatum) räknas: rätta datumet, eller start- eller slutdatum i deltagarfilen.',
  },
  HOURS_INVALID: {
    text: (m) =>
      arg(m, 'reason') === 'quarter'
        ? `${col(m)}${q(m)} är inte hela kvartstimmar (…,00 ,25 ,50 ,75)`
        : `${col(m)}${q(m)} är inget antal timmar som 7,5 eller 7.5 (eller 7:30)`,
    hint: 'Skriv timmar med decimalkomma eller punkt i kvartstimmar: 3, 3,25, 3,5, 3,75 (eller 3:45).',
  },
  HOURS_OUT_OF_RANGE: {
    text: (m) => `${col(m)}${q(m)} timmar: en dags tid ska vara mer än 0 och högst ${arg(m, 'max') || '13'} timmar`,
    hint: 'Ta bort rader utan tid; mer än 13 timmar på en dag är ett skrivfel (eller två dagar på en rad).',
  },
  ATTENDANCE_DUPLICATE: {
    text: (m) => `${arg(m, 'participant')} den ${arg(m, 'date')} finns redan på rad ${arg(m, 'firstLine')}`,
    hint: 'En rad per deltagare och dag: lägg ihop timmarna på en rad och ta bort den andra.',
  },
  DAY_OFF: {
    text: (m) => `${col(m)}${q(m)} är ${arg(m, 'holidaySv') || 'en lördag eller söndag'}; tid på en ledig dag är ovanligt`,
    hint: 'Kontrollera datumet; deltog deltagaren verkligen den dagen behöver inget göras.',
  },
  PARTICIPANT_TIME_IN_LEDGER: {
    text: (m) =>
      arg(m, 'reason') === 'described'
        ? `${col(m)}en bokning i annat än pengar (${arg(m, 'category')}, ${kr(m, 'amount')}) beskriven som deltagartid (”${arg(m, 'found')}”) medan deltagarnas tid läggs till från närvarofilen`
        : `${col(m)}en bokning i annat än pengar (${arg(m, 'category')}, ${kr(m, 'amount')}) är lika med deltagarnas tid för ${arg(m, 'scope')} enligt närvarofilen (${kr(m, 'value')})`,
    hint: 'Deltagarnas tid räknas en gång: antingen från närvarofilen (--attendance) eller bokad i liggaren, aldrig båda. Ta bort bokningen, eller kör utan --attendance.',
  },
  SCB_PNR_MISSING: {
    text: (m) => `${col(m)}inget giltigt personnummer för SCB-listan ${arg(m, 'month')} och ingen skyddad identitet: SCB kan inte identifiera deltagaren`,
    hint: 'Lägg till personnumret (eller samordningsnumret) i exporten, eller markera skyddad identitet i skyddad_identitet; gör sedan om månadens lista.',
  },
  SCB_PROTECTED_CODE_UNKNOWN: {
    text: (m) =>
      `${col(m)}skyddad identitet i SCB-listan ${arg(m, 'month')}, men SCB:s kod kräver juridiskt kön (kvinna eller man) och exporten anger ${arg(m, 'gender')} utan personnummer`,
    hint: 'Fråga SCB vilken kod deltagaren ska ha och skriv in den i SCB:s mall för hand; listan lämnar cellen tom.',
  },
};
