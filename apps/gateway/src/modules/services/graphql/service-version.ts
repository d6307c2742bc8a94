// The versioned catalogue (issue 4): a service is data — names, kind, owning unit, the 14
// components of its standard (UU 25/2009 art. 21), the competency its handlers need and the
// Open311 attributes a citizen fills in. Each publication is a new version; requests keep theirs.
import {
  ATTRIBUTE_DATATYPES,
  ATTRIBUTE_FORMATS,
  attributeRuleText,
  type ServiceAttribute,
} from '@layanan/domain/services';
import type { GraphQLContext } from '../../../app/context.js';
import { builder } from '../../../graphql/builder.js';
import { commandInput } from '../../../graphql/command-fields.js';
import { entityPayload } from '../../../graphql/entity-payload.js';
import { ConflictError, NotFoundError, ValidationError } from '../../../graphql/errors.js';
import { createService } from '../commands/service-catalogue.js';
import { asObject } from '../commands/version-check.js';
import { attributeInputOf, toAttribute } from './attribute-input.js';
import { documentSlotsField } from './document-slots.js';
import { ServiceKindEnum } from './service.js';

export { attributeInputOf, toAttribute } from './attribute-input.js';

const AttributeDatatypeEnum = builder.enumType('AttributeDatatype', {
  values: ATTRIBUTE_DATATYPES,
  description:
    'Datatype of a service attribute, as in Open311 GeoReport v2: string, number, datetime, text, singlevaluelist, multivaluelist.',
});

type Localized = { id: string; en: string } | undefined;
const pick = (m: Localized, ctx: GraphQLContext) => (m ? (ctx.lang === 'en' ? m.en : m.id) : null);

const AttributeOptionRef = builder
  .objectRef<{ key: string; name?: { id: string; en: string } }>('ServiceAttributeOption')
  .implement({
    description:
      'One choice of a singlevaluelist or multivaluelist attribute (Open311 GeoReport v2 `values`).',
    fields: (t) => ({
      key: t.exposeString('key', { description: 'The value to submit.' }),
      name: t.string({
        nullable: true,
        description: 'The choice in words, in the caller’s language; null when only the key was given.',
        resolve: (o, _a, ctx) => pick(o.name, ctx),
      }),
    }),
  });

export const ServiceAttributeRef = builder.objectRef<ServiceAttribute>('ServiceAttribute').implement({
  description: 'A field the citizen fills in (Open311 GeoReport v2 attribute).',
  fields: (t) => ({
    code: t.exposeString('code', {
      description: 'Key of the value in SubmitServiceRequestInput.attributes.',
    }),
    datatype: t.expose('datatype', {
      type: AttributeDatatypeEnum,
      description: 'What the value must be.',
    }),
    required: t.exposeBoolean('required', { description: 'Whether a request must give a value.' }),
    description: t.string({
      nullable: true,
      description: 'What to fill in, in the caller’s language; null when none was written.',
      resolve: (a, _x, ctx) => pick(a.description, ctx),
    }),
    values: t.field({
      type: [AttributeOptionRef],
      description: 'The allowed choices of a list attribute; empty for other datatypes.',
      resolve: (a) => [...(a.values ?? [])],
    }),
    min: t.float({
      nullable: true,
      description: 'Smallest allowed number (number attributes); null when unbounded.',
      resolve: (a) => a.min ?? null,
    }),
    max: t.float({
      nullable: true,
      description: 'Largest allowed number (number attributes); null when unbounded.',
      resolve: (a) => a.max ?? null,
    }),
    format: t.string({
      nullable: true,
      description:
        'An identity-number format the value must have (string attributes): NIK (UU 24/2013: 16 digits, a known region, a real birth date, women day + 40), NIP, NPWP or PHONE; null when none.',
      resolve: (a) => a.format ?? null,
    }),
    pattern: t.string({
      nullable: true,
      description:
        'A regular expression (JavaScript syntax) the whole value must match (string attributes); null when none.',
      resolve: (a) => a.pattern?.regex ?? null,
    }),
    minDaysFromToday: t.int({
      nullable: true,
      description:
        'Earliest allowed date, in calendar days from the day of filing (WIB) (datetime attributes); null when unbounded.',
      resolve: (a) => a.dateRange?.minDaysFromToday ?? null,
    }),
    maxDaysFromToday: t.int({
      nullable: true,
      description:
        'Latest allowed date, in calendar days from the day of filing (WIB), e.g. 0 for a birth date (datetime attributes); null when unbounded.',
      resolve: (a) => a.dateRange?.maxDaysFromToday ?? null,
    }),
    rule: t.string({
      nullable: true,
      description:
        'What format, pattern and date range ask for, in words, in the caller’s language; null when nothing beyond the datatype.',
      resolve: (a, _x, ctx) => pick(attributeRuleText(a) ?? undefined, ctx),
    }),
  }),
});

const ServiceVersionRef = builder.prismaObject('ServiceVersion', {
  description: 'One published version of a service standard.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Database id of this version.' }),
    version: t.exposeInt('version', { description: 'Version number, from 1, one higher per publication.' }),
    name: t.string({
      description: 'The service name in the caller’s language.',
      resolve: (v, _a, ctx) => (ctx.lang === 'en' ? v.nameEn : v.nameId),
    }),
    nameId: t.exposeString('nameId', { description: 'The service name in Indonesian.' }),
    nameEn: t.exposeString('nameEn', { description: 'The service name in English.' }),
    kind: t.expose('kind', { type: ServiceKindEnum, description: 'What kind of service this version is.' }),
    unit: t.relation('unit', { description: 'The unit that owns the service.' }),
    standard: t.expose('standard', {
      type: 'JSON',
      description: 'The 14 components of UU 25/2009 art. 21, by code (LEGAL_BASIS … PERFORMANCE_EVALUATION).',
    }),
    attributes: t.field({
      type: [ServiceAttributeRef],
      description:
        'What a citizen fills in when filing under this version (Open311 GeoReport v2 attributes).',
      resolve: (v) => v.attributes as unknown as ServiceAttribute[],
    }),
    attributeInputs: t.field({
      type: ['JSON'],
      description:
        'The same fields as `attributes`, each an object in the exact shape of ServiceAttributeInput (both languages of every label and choice, maxLength, min/max, format, pattern, dateRange; absent rules left out), so an editor can re-send them to proposeServiceChange or createService without losing a rule.',
      resolve: (v) => (v.attributes as unknown as ServiceAttribute[]).map(attributeInputOf),
    }),
    completionDays: t.exposeInt('completionDays', {
      description: 'Completion time of the standard, in working days from verification (UU 25/2009).',
    }),
    requiredCompetency: t.relation('requiredCompetency', {
      nullable: true,
      description:
        'The competency staff need to be assigned requests; null when any staff of the unit may handle them.',
    }),
    requiredLevel: t.exposeInt('requiredLevel', {
      nullable: true,
      description: 'Minimum level (1–5) of requiredCompetency; null with no required competency.',
    }),
    note: t.exposeString('note', { description: 'What changed in this version, for the history.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When this version was published.' }),
  }),
});

builder.prismaObject('Competency', {
  description:
    'A competency of the city’s dictionary (PermenPANRB 38/2017: technical, managerial, socio-cultural).',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Database id of the competency.' }),
    code: t.exposeString('code', { description: 'Upper-case code, e.g. PELAYANAN_PUBLIK.' }),
    name: t.exposeString('name', { description: 'Its name, in Indonesian.' }),
  }),
});

builder.prismaObjectFields('Service', (t) => ({
  currentVersion: t.relation('currentVersion', {
    nullable: true,
    description: 'The version new requests are filed under; null only for a service created without one.',
  }),
  versions: t.relation('versions', {
    description: 'Every published version, newest first.',
    query: { orderBy: { version: 'desc' } },
  }),
}));

const AttributeOptionInput = builder.inputType('ServiceAttributeOptionInput', {
  description: 'One choice of a list attribute.',
  fields: (t) => ({
    key: t.string({
      required: true,
      description: 'The value a request submits; unique within the attribute.',
    }),
    nameId: t.string({ description: 'The choice in Indonesian; defaults to nameEn.' }),
    nameEn: t.string({ description: 'The choice in English; defaults to nameId.' }),
  }),
});

const AttributeFormatEnum = builder.enumType('AttributeFormat', {
  values: ATTRIBUTE_FORMATS,
  description:
    'An identity-number format a string attribute must have: NIK (UU 24/2013), NIP (civil servants), NPWP, PHONE (Indonesian mobile number).',
});

const AttributePatternInput = builder.inputType('ServiceAttributePatternInput', {
  description: 'A regular expression a string attribute’s whole value must match, and what it asks for.',
  fields: (t) => ({
    regex: t.string({
      required: true,
      description:
        'JavaScript syntax, matched against the whole value; one that does not compile gives ValidationError.',
    }),
    descriptionId: t.string({ description: 'What it asks for, in Indonesian; defaults to descriptionEn.' }),
    descriptionEn: t.string({ description: 'What it asks for, in English; defaults to descriptionId.' }),
  }),
});

const AttributeDateRangeInput = builder.inputType('ServiceAttributeDateRangeInput', {
  description:
    'The dates a datetime attribute allows, in calendar days from the day of filing (WIB); min after max gives ValidationError.',
  fields: (t) => ({
    minDaysFromToday: t.int({
      description: 'Earliest allowed date, e.g. 0 for a start date; omitted: unbounded.',
    }),
    maxDaysFromToday: t.int({
      description: 'Latest allowed date, e.g. 0 for a birth date; omitted: unbounded.',
    }),
  }),
});

export const AttributeInput = builder.inputType('ServiceAttributeInput', {
  description:
    'A field citizens fill in (Open311 GeoReport v2 attribute); invalid definitions give ValidationError.',
  fields: (t) => ({
    code: t.string({ required: true, description: 'Key of the value, unique within the service version.' }),
    datatype: t.field({
      type: AttributeDatatypeEnum,
      required: true,
      description: 'What the value must be.',
    }),
    required: t.boolean({ required: true, description: 'Whether a request must give a value.' }),
    descriptionId: t.string({ description: 'What to fill in, in Indonesian; defaults to descriptionEn.' }),
    descriptionEn: t.string({ description: 'What to fill in, in English; defaults to descriptionId.' }),
    values: t.field({
      type: [AttributeOptionInput],
      description: 'The choices; required for singlevaluelist and multivaluelist.',
    }),
    maxLength: t.int({ description: 'Longest allowed value in characters (string and text).' }),
    min: t.float({ description: 'Smallest allowed number (number).' }),
    max: t.float({ description: 'Largest allowed number (number).' }),
    format: t.field({
      type: AttributeFormatEnum,
      description: 'An identity-number format the value must have (string only, else ValidationError).',
    }),
    pattern: t.field({
      type: AttributePatternInput,
      description: 'A regular expression the value must match (string only, else ValidationError).',
    }),
    dateRange: t.field({
      type: AttributeDateRangeInput,
      description: 'The allowed dates (datetime only, else ValidationError).',
    }),
  }),
});

const CreateServiceInput = builder.inputType('CreateServiceInput', {
  description: 'A new catalogue entry and its first version.',
  fields: (t) => ({
    code: t.string({
      required: true,
      description: 'Upper-case letters, digits and dashes, e.g. SIUP-MIKRO.',
    }),
    unitCode: t.string({
      required: true,
      description: 'Code of the owning unit; an unknown code gives NotFoundError.',
    }),
    kind: t.field({ type: ServiceKindEnum, required: true, description: 'What kind of service it is.' }),
    nameId: t.string({ required: true, description: 'Name in Indonesian.' }),
    nameEn: t.string({ required: true, description: 'Name in English.' }),
    description: t.string({
      required: true,
      description: 'What the service is for, shown in the catalogue.',
    }),
    standard: t.field({
      type: 'JSON',
      required: true,
      description:
        'All 14 components of the service standard (UU 25/2009 art. 21) by code; COMPLETION_TIME gives completionDays. A missing component gives ValidationError.',
    }),
    attributes: t.field({
      type: [AttributeInput],
      required: true,
      description: 'What citizens fill in; may be empty.',
    }),
    requiredCompetencyCode: t.string({
      description: 'Competency code staff need to be assigned requests; an unknown code gives NotFoundError.',
    }),
    requiredLevel: t.int({ description: 'Minimum level (1–5) of that competency.' }),
    documentSlots: documentSlotsField(
      t,
      'The requirements as document slots (issue 19), in the order shown; none when left out.',
    ),
    published: t.boolean({ description: 'Default true.' }),
  }),
});

const ServiceVersionPayload = entityPayload(
  'ServiceVersionPayload',
  'The service and the version just published.',
  {
    service: {
      type: 'Service',
      id: 'serviceId',
      description: 'The service, whose currentVersion is now the new version.',
    },
    version: { type: ServiceVersionRef, id: 'versionId', description: 'The version just published.' },
  },
);

const competencyCode = (code: string | null | undefined) => code?.trim().toUpperCase() || null;

builder.mutationFields((t) => ({
  createService: t.field({
    type: ServiceVersionPayload,
    description: 'Add a service to the catalogue with its first version. Admins only; no code change needed.',
    authScopes: { admin: true },
    errors: { types: [ValidationError, NotFoundError, ConflictError] },
    ...commandInput(t, CreateServiceInput, 'The new service.', (deps, caller, input) =>
      createService(deps, caller, {
        ...input,
        standard: asObject(input.standard),
        attributes: input.attributes.map(toAttribute),
        requiredCompetencyCode: competencyCode(input.requiredCompetencyCode),
        requiredLevel: input.requiredLevel ?? null,
      }),
    ),
  }),
}));
