import { normalizeToken } from '../read/header.js';

/** Row types of the ledger. */
export const LEDGER_TYPES = ['cost', 'financing'] as const;
export type LedgerType = (typeof LEDGER_TYPES)[number];

export const COST_CATEGORIES = ['staff', 'flat_rate', 'participant_allowance', 'in_kind', 'other_direct'] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];

export const FINANCING_CATEGORIES = ['eu', 'state', 'public_cash', 'public_in_kind', 'private_cash', 'private_in_kind'] as const;
export type FinancingCategory = (typeof FINANCING_CATEGORIES)[number];

export type LedgerCategory = CostCategory | FinancingCategory;

/** Accepted spellings per canonical value, matched like headers (case; `-`, space, `_` alike). The Swedish name comes first. */
export const TYPE_FORMS: Readonly<Record<LedgerType, readonly string[]>> = {
  cost: ['kostnad', 'kostnader'],
  financing: ['finansiering'],
};

export const CATEGORY_FORMS: Readonly<Record<LedgerCategory, readonly string[]>> = {
  staff: ['personal', 'personalkostnad', 'personalkostnader'],
  flat_rate: ['schablon', 'schablonbelopp'],
  participant_allowance: ['deltagarersättning', 'deltagarersattning'],
  in_kind: ['bidrag_i_annat_än_pengar', 'bidrag_i_annat_an_pengar'],
  other_direct: ['övriga_direkta', 'ovriga_direkta', 'övriga_direkta_kostnader'],
  eu: ['esf', 'esf+'],
  state: ['statlig', 'statlig_kontant'],
  public_cash: ['offentlig_kontant'],
  public_in_kind: ['offentlig_i_annat_än_pengar', 'offentlig_i_annat_an_pengar'],
  private_cash: ['privat_kontant'],
  private_in_kind: ['privat_i_annat_än_pengar', 'privat_i_annat_an_pengar'],
};

/** The JSON (camelCase) key of each category, as in `costs` and `financing` of `esf-report/finance@1`. */
export const CATEGORY_KEYS = {
  staff: 'staff',
  flat_rate: 'flatRate',
  participant_allowance: 'participantAllowance',
  in_kind: 'inKind',
  other_direct: 'otherDirect',
  eu: 'eu',
  state: 'state',
  public_cash: 'publicCash',
  public_in_kind: 'publicInKind',
  private_cash: 'privateCash',
  private_in_kind: 'privateInKind',
} as const satisfies Record<LedgerCategory, string>;

export type CostKey = (typeof CATEGORY_KEYS)[CostCategory];
export type FinancingKey = (typeof CATEGORY_KEYS)[FinancingCategory];

const COST_SET: ReadonlySet<string> = new Set(COST_CATEGORIES);

export function typeOfCategory(category: LedgerCategory): LedgerType {
  return COST_SET.has(category) ? 'cost' : 'financing';
}

function lookupOf<T extends string>(forms: Readonly<Record<T, readonly string[]>>): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const value of Object.keys(forms) as T[]) {
    map.set(normalizeToken(value), value);
    for (const f of forms[value]) map.set(normalizeToken(f), value);
  }
  return map;
}

const TYPE_LOOKUP = lookupOf(TYPE_FORMS);
const CATEGORY_LOOKUP = lookupOf(CATEGORY_FORMS);

/** `kostnad`, `Cost`, `FINANSIERING` …; undefined when not a ledger type. */
export function parseLedgerType(value: string): LedgerType | undefined {
  return TYPE_LOOKUP.get(normalizeToken(value));
}

/** Any cost or financing category, English or Swedish; undefined when unknown. */
export function parseCategory(value: string): LedgerCategory | undefined {
  return CATEGORY_LOOKUP.get(normalizeToken(value));
}

/** The canonical value with its Swedish name, for messages in either language: `staff (personal)`. */
export function categoryLabel(category: LedgerCategory): string {
  return `${category} (${CATEGORY_FORMS[category][0]!})`;
}

/** The accepted values for a message: `cost (kostnad); financing (finansiering)`. */
export function describeTypes(): string {
  return LEDGER_TYPES.map((t) => `${t} (${TYPE_FORMS[t][0]!})`).join('; ');
}

/** The accepted categories for a type (or all), canonical with the Swedish name. */
export function describeCategories(type: LedgerType | null): string {
  const list: readonly LedgerCategory[] =
    type === 'cost' ? COST_CATEGORIES : type === 'financing' ? FINANCING_CATEGORIES : [...COST_CATEGORIES, ...FINANCING_CATEGORIES];
  return list.map(categoryLabel).join('; ');
}
