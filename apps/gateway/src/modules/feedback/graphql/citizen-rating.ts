// Citizens' ratings of the staff who served them, per year (an input to the SKP evaluation,
// shown beside it), and the request a survey invitation is about.
import { type CitizenRatingSummary, citizenRatingSummary, ratingYearDays } from '@layanan/domain/feedback';
import { builder } from '../../../graphql/builder.js';
import { dateOnly } from '../../../platform/calendar.js';
import { canReadPrivate } from '../../staff/access.js';

const CitizenStaffRatingRef = builder.objectRef<CitizenRatingSummary>('CitizenStaffRating').implement({
  description:
    "Citizens' ratings (1–4) in a year; input to the SKP evaluation, shown beside it (it does not set it).",
  fields: (t) => ({
    ...t.exposeFields('Int', {
      year: 'The calendar year (WIB days of the responses).',
      respondents: 'Ratings of the person in the year; 0 when none.',
    }),
    ...t.exposeNullableFields('Float', {
      competence: 'Average competence rating, 1–4; null without ratings.',
      behaviour: 'Average behaviour rating, 1–4; null without ratings.',
    }),
  }),
});

builder.prismaObjectFields('Staff', (t) => ({
  citizenRating: t.field({
    type: CitizenStaffRatingRef,
    nullable: true,
    description:
      'Citizens’ ratings in a year. Like SKP ratings: the person, supervisors of the unit and admins.',
    args: { year: t.arg.int({ required: true, description: 'The calendar year.' }) },
    authScopes: (staff, _args, ctx) => canReadPrivate(ctx, staff),
    unauthorizedResolver: () => null,
    select: (args) => ({
      citizenRatings: {
        where: {
          date: {
            gte: dateOnly(ratingYearDays(args.year).from),
            lte: dateOnly(ratingYearDays(args.year).to),
          },
        },
        select: { competence: true, behaviour: true },
      },
    }),
    resolve: (staff, args) => {
      // The selection above loads the ratings; prismaObjectFields does not infer it into the type.
      const rows = (staff as unknown as { citizenRatings: { competence: number; behaviour: number }[] })
        .citizenRatings;
      return citizenRatingSummary(args.year, rows);
    },
  }),
}));
