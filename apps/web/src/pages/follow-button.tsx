// Following a complaint (issue 20): "Ikuti" on the similar reports shown before filing and on the
// public trail; the account is then told of the complaint's public changes. Signed-out visitors
// are asked to sign in.
import { useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../graphql.ts';
import { useI18n } from '../i18n.tsx';
import { getSession } from '../session.ts';
import { FormFailureNote, mutationFailure, useFailure } from '../ui.tsx';

const Follow = graphql(`
  mutation FollowComplaint($code: String!) {
    followServiceRequest(trackingCode: $code) {
      __typename
      ... on FollowServiceRequestPayload { trackingCode following }
      ... on Failure { code message }
    }
  }
`);

const Unfollow = graphql(`
  mutation UnfollowComplaint($code: String!) {
    unfollowServiceRequest(trackingCode: $code) {
      __typename
      ... on FollowServiceRequestPayload { trackingCode following }
      ... on Failure { code message }
    }
  }
`);

export function FollowButton({ trackingCode, following }: { trackingCode: string; following: boolean }) {
  const { t } = useI18n();
  const [now, setNow] = useState(following);
  const [{ fetching: f1 }, follow] = useMutation(Follow);
  const [{ fetching: f2 }, unfollow] = useMutation(Unfollow);
  const { failure, setFailure } = useFailure();
  if (!getSession())
    return (
      <a href={`/masuk?next=${encodeURIComponent(`/lacak?kode=${trackingCode}`)}`} className="muted">
        {t('followSignIn')}
      </a>
    );
  return (
    <span data-testid={`follow-${trackingCode}`}>
      {now ? <span className="muted">{t('following')} </span> : null}
      <button
        type="button"
        className="secondary"
        disabled={f1 || f2}
        onClick={async () => {
          const f = now
            ? await unfollow({ code: trackingCode }).then((r) =>
                mutationFailure(r.data?.unfollowServiceRequest, r.error),
              )
            : await follow({ code: trackingCode }).then((r) =>
                mutationFailure(r.data?.followServiceRequest, r.error),
              );
          setFailure(f);
          if (!f) setNow(!now);
        }}
      >
        {now ? t('unfollow') : t('follow')}
      </button>
      {failure ? <FormFailureNote failure={failure} shown={[]} /> : null}
    </span>
  );
}
