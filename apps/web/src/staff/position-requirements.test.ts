import { describe, expect, it } from 'vitest';
import { parseRequirements } from './position-requirements.tsx';

describe('position requirements as typed in the form', () => {
  it('reads one competency code and level a line, any case, blank lines skipped', () => {
    expect(parseRequirements('pelayanan_publik 3\n\n  ETIKA_PUBLIK   2 \n')).toEqual([
      { competencyCode: 'PELAYANAN_PUBLIK', level: 3 },
      { competencyCode: 'ETIKA_PUBLIK', level: 2 },
    ]);
    expect(parseRequirements('')).toEqual([]);
  });

  it('refuses the whole list when a line is not one code and one level', () => {
    expect(parseRequirements('PELAYANAN_PUBLIK 3\nETIKA_PUBLIK')).toBeNull();
    expect(parseRequirements('PELAYANAN_PUBLIK tiga')).toBeNull();
  });
});
