// One submit for the staff forms that change a request in place (priority, public description,
// reassignment): the mutation's payload gives the version the change produced, which the page is
// told so that it does not report its own change as someone else's.
import { useRef, useState } from 'react';
import { mutationFailure, useSubmit } from '../ui.tsx';

type Sent = {
  payload: { __typename: string; request?: { version: number } } | null | undefined;
  error: Parameters<typeof mutationFailure>[1];
};

/**
 * `useSubmit` for a request change: `send` runs the mutation and returns its payload and error;
 * after a success `onDone` runs, then `onChanged` with the new version. `done` is true from a
 * success until the next submit.
 */
export function useRequestChange(
  send: () => Promise<Sent>,
  onChanged: (version?: number) => void,
  onDone: () => void = () => {},
) {
  const [done, setDone] = useState(false);
  const saved = useRef<number | undefined>(undefined);
  const submit = useSubmit(
    async () => {
      setDone(false);
      const { payload, error } = await send();
      saved.current = payload?.__typename === 'ServiceRequestPayload' ? payload.request?.version : undefined;
      return mutationFailure(payload, error);
    },
    () => {
      setDone(true);
      onDone();
      onChanged(saved.current);
    },
  );
  return { ...submit, done };
}
