import { describe, expect, it } from 'vitest';
import { PARTICIPANT_COLUMNS } from '../../../src/participants/columns.js';
import { parseEnum } from '../../../src/participants/values.js';
import { columnList, COLUMN_LISTS, ISCED_LEVELS, listValues, listVocabulary, TEMPLATE_LIST_IDS } from '../../../src/template/lists.js';
import { columnKind } from '../../../src/template/model.js';

describe('dropdown lists of the template', () => {
  for (const lang of ['sv', 'en'] as const) {
    it(`${lang}: every listed value is accepted by the validator, one per canonical value, in the vocabulary's order`, () => {
      for (const id of TEMPLATE_LIST_IDS) {
        const values = listValues(id, lang);
        const vocab = listVocabulary(id);
        if (vocab === undefined) {
          expect(id).toBe('isced');
          expect(values).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
          continue;
        }
        expect(values.map((v) => parseEnum(vocab, String(v))), `${lang} ${id}`).toEqual(vocab.values);
      }
    });
  }

  it('uses Swedish words in the Swedish template and the canonical values in the English one', () => {
    expect(listValues('gender', 'sv')).toEqual(['kvinna', 'man', 'icke-binär']);
    expect(listValues('employment_status', 'sv')).toEqual(['arbetslös', 'inaktiv', 'sysselsatt']);
    expect(listValues('sensitive', 'sv')).toEqual(['ja', 'nej', 'vill ej uppge', 'okänt']);
    expect(listValues('status_6m', 'sv')).toEqual(['anställd', 'egen företagare', 'studier', 'arbetssökande', 'inaktiv', 'annat', 'okänt']);
    expect(listValues('survey', 'sv')).toEqual(['ja', 'nej', 'okänt']);
    expect(listValues('gender', 'en')).toEqual(['woman', 'man', 'non_binary']);
    expect(listValues('exit_status', 'en')).toEqual(['employed', 'self_employed', 'education_training', 'job_searching', 'inactive', 'other']);
  });

  it('gives a dropdown to exactly the enumerated columns', () => {
    expect(Object.keys(COLUMN_LISTS).sort()).toEqual(
      [
        'protected_identity',
        'gender',
        'employment_status',
        'isced',
        'disability',
        'third_country_national',
        'foreign_background',
        'minority',
        'homeless',
        'rural',
        'exit_status',
        'qualification_gained',
        'status_6m',
        'improved_situation_6m',
        'network_expanded',
        'competence_improved',
        'understanding_improved',
      ].sort(),
    );
    for (const c of PARTICIPANT_COLUMNS) {
      expect(columnKind(c.name) === 'list', c.name).toBe(columnList(c.name) !== undefined);
    }
    expect(ISCED_LEVELS).toHaveLength(9);
  });
});
