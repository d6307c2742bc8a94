// One GraphQL field as a function, so a test reads as calls and checks:
//
//   const register = inputMutation(h, 'registerStaff', `__typename ${FAILURE}`);
//   const taken = await register({ nip: '…', name: '…' }, t.admin);
//   expect(taken.result).toMatchObject({ __typename: 'ConflictError' });
//   expect((await register(input, t.yulia)).errorCode).toBe('FORBIDDEN');
import type { GqlResult, Harness } from './harness.js';

/** The answer of one field: `result` is `data[field]`, `errorCode` the first request error's code. */
export type FieldAnswer = {
  result: any;
  status: number;
  errors: GqlResult['body']['errors'];
  errorCode: unknown;
  /** The whole GraphQL response body. */
  body: GqlResult['body'];
};

type Gql = Pick<Harness, 'gql'>;

/** `document` (whose answer is in `data[field]`) as a function of its variables and the caller's token. */
export function fieldOperation(h: Gql, field: string, document: string) {
  return async (variables: Record<string, unknown>, token?: string): Promise<FieldAnswer> => {
    const { status, body } = await h.gql(document, variables, { token });
    return {
      result: body.data?.[field],
      status,
      errors: body.errors,
      errorCode: body.errors?.[0]?.extensions?.code,
      body,
    };
  };
}

/** The mutation `field(input: <Field>Input!) { selection }` as a function of its input and the caller's token. */
export function inputMutation(h: Gql, field: string, selection: string) {
  const call = fieldOperation(h, field, inputMutationDocument(field, selection));
  return (input: Record<string, unknown>, token?: string) => call({ input }, token);
}

/**
 * `mutation($input: <Field>Input!) { <field>(input: $input) { selection } }`: every input-taking
 * mutation names its input type after itself.
 */
export function inputMutationDocument(field: string, selection: string): string {
  const inputType = `${field.charAt(0).toUpperCase()}${field.slice(1)}Input`;
  return `mutation($input: ${inputType}!) { ${field}(input: $input) { ${selection} } }`;
}
