// A NotFoundError's messages call the missing record by its name in the reader's language, never
// by its internal type name ("ServiceRequest"), for every node type and every record a resolver
// names (NotFoundEntity: a new one without a name does not compile).
import { isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { NotFoundError } from './errors.js';
import { NOT_FOUND_NAMES, type NotFoundEntity } from './gateway-errors.js';
import { schema } from './schema.js';

const nodeTypes = Object.values(schema.getTypeMap())
  .filter((type) => isObjectType(type) && type.getInterfaces().some((i) => i.name === 'Node'))
  .map((type) => type.name);

describe('the NotFoundError of a record', () => {
  it('has a name in both languages for every node type', () => {
    expect(nodeTypes.length).toBeGreaterThan(10);
    expect(nodeTypes.filter((type) => !(type in NOT_FOUND_NAMES))).toEqual([]);
  });

  it('names the record in words and the key, in Indonesian and English', () => {
    for (const entity of Object.keys(NOT_FOUND_NAMES) as NotFoundEntity[]) {
      const error = new NotFoundError(entity, 'K-1');
      const name = NOT_FOUND_NAMES[entity];
      expect(error.messageId, entity).toBe(`${name.id} "K-1" tidak ditemukan`);
      expect(error.messageEn, entity).toBe(`${name.en} "K-1" was not found`);
      // No internal identifier (a camel-case type name such as ServiceRequest) in either message.
      for (const text of [error.messageId, error.messageEn]) expect(text, entity).not.toMatch(/[a-z][A-Z]/);
      expect(error.entity).toBe(entity);
    }
    expect(new NotFoundError('ServiceRequest', 'SWL-2026-000001').messageId).toBe(
      'Permohonan/laporan "SWL-2026-000001" tidak ditemukan',
    );
  });
});
