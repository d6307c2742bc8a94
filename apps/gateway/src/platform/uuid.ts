const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checked before a query: a malformed uuid would abort the surrounding PostgreSQL transaction. */
export const isUuid = (value: string): boolean => UUID.test(value);
