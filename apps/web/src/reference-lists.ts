// The city's reference lists that pickers offer (units, services, a unit's staff), each read to its
// end with useEveryPage: a select never loses the options after the gateway's first page.
import { graphql, type ResultOf } from './graphql.ts';
import { useEveryPage } from './paging.tsx';

const EveryUnit = graphql(`
  query EveryUnit($first: Int!, $after: String) {
    units(first: $first, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { code name parent { code } } }
    }
  }
`);

const EveryService = graphql(`
  query EveryService($kind: ServiceKind, $unitCode: String, $first: Int!, $after: String) {
    services(kind: $kind, unitCode: $unitCode, first: $first, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { code name nameEn kind unit { code shortName } } }
    }
  }
`);

const EveryStaffMember = graphql(`
  query EveryStaffMember($unit: String!, $first: Int!, $after: String) {
    unit(code: $unit) {
      staff(first: $first, after: $after) {
        pageInfo { hasNextPage endCursor }
        edges { node { id name } }
      }
    }
  }
`);

const EveryForumSession = graphql(`
  query EveryForumSession($slug: String!, $first: Int!, $after: String) {
    forum(slug: $slug) {
      sessions(first: $first, after: $after) {
        pageInfo { hasNextPage endCursor }
        edges { node { id title startsAt district { name } } }
      }
    }
  }
`);

const EveryCompetency = graphql(`
  query EveryCompetency($first: Int!, $after: String) {
    competencies(first: $first, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { code name } }
    }
  }
`);

export type UnitChoice = ResultOf<typeof EveryUnit>['units']['edges'][number]['node'];
export type ServiceChoice = ResultOf<typeof EveryService>['services']['edges'][number]['node'];
export type StaffChoice = NonNullable<
  ResultOf<typeof EveryStaffMember>['unit']
>['staff']['edges'][number]['node'];
type ServiceKind = 'COMPLAINT' | 'PERMIT' | 'REGISTRATION' | 'INFORMATION_REQUEST';

/** Every unit of the city (code, name, parent), or null while loading; see useEveryPage for errors. */
export function useEveryUnit() {
  return useEveryPage(EveryUnit, {}, (data) => data.units);
}

/**
 * Every service of the catalogue, or of one kind and/or one unit (code, names in id/en, kind,
 * unit); paused while `pause` is true.
 */
export function useEveryService(
  { kind = null, unitCode = null }: { kind?: ServiceKind | null; unitCode?: string | null } = {},
  pause = false,
) {
  return useEveryPage(EveryService, { kind, unitCode }, (data) => data.services, pause);
}

/** Every session of a forum (id, title, start, kecamatan), latest first; paused while `pause` is true. */
export function useEveryForumSession(slug: string, pause = false) {
  return useEveryPage(EveryForumSession, { slug }, (data) => data.forum?.sessions, pause);
}

/** Every competency of the dictionary (code, name), for the required-competency picker. */
export function useEveryCompetency() {
  return useEveryPage(EveryCompetency, {}, (data) => data.competencies);
}

/** Every staff member of a unit (id, name); paused while `unitCode` is null. */
export function useEveryStaffMember(unitCode: string | null) {
  return useEveryPage(
    EveryStaffMember,
    { unit: unitCode ?? '' },
    (data) => data.unit?.staff,
    unitCode === null,
  );
}
