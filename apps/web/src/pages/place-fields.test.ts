import { describe, expect, it } from 'vitest';
import { placeOf } from './place-fields.tsx';

describe('placeOf', () => {
  it('sends both coordinates as typed (a decimal comma too), or nothing when both are empty', () => {
    expect(placeOf('-0,6825', '100.7786')).toEqual({ latitude: -0.6825, longitude: 100.7786 });
    expect(placeOf(' ', '')).toEqual({});
    // Half a place or a word goes to the gateway as given, which refuses it beside the field.
    expect(placeOf('-0.68', '')).toEqual({ latitude: -0.68, longitude: null });
    expect(placeOf('dekat pasar', '100.7')).toEqual({ latitude: null, longitude: 100.7 });
  });
});
