// The `errors` option of a field whose success value is not an object type of its own (a report,
// a stored row shape): plugin-errors then wraps it as `<Field>Payload { data }`. One helper names
// and describes that wrapper alike for every such field (`submitSurvey` → `SubmitSurveyPayload`,
// "What submitSurvey returns on success: … in `data`.").

type ErrorClass = new (...args: never[]) => Error;

export function dataPayload(
  field: string,
  types: readonly ErrorClass[],
  success: { readonly what: string; readonly data: string },
  options: { readonly union?: string } = {},
) {
  return {
    types: [...types],
    directResult: false as const,
    ...(options.union ? { union: { name: options.union } } : {}),
    result: {
      name: `${field.charAt(0).toUpperCase()}${field.slice(1)}Payload`,
      description: `What ${field} returns on success: ${success.what} in \`data\`.`,
    },
    dataField: { description: success.data },
  };
}
