import { INestApplication, Type } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { ErrorCodeEntry } from '../errors/error-catalog';
import { PUBLIC_ROUTE } from './public.decorator';
import { UuidParamPipe } from './uuid-param.pipe';

export const ERROR_BODY_SCHEMA = 'ErrorBody';
/** The document's list of the error codes the contexts declare: code, status, kind, message and context of each. */
export const ERROR_CODES_EXTENSION = 'x-error-codes';

const ERROR_ANSWERS = 'kivuko:openapi-error-answers';

/**
 * Client errors a route gives beyond those the document builder derives (status -> when). Kept as metadata
 * rather than `@ApiResponse`, which would drop the success answer `@nestjs/swagger` infers.
 */
export const ApiErrorAnswers =
  (answers: Record<number, string>): MethodDecorator =>
  (_target, _key, descriptor) => {
    const previous = (Reflect.getMetadata(ERROR_ANSWERS, descriptor.value as object) ?? {}) as Record<number, string>;
    Reflect.defineMetadata(ERROR_ANSWERS, { ...answers, ...previous }, descriptor.value as object);
  };

/** A 409 in the document: the operation changes a record that may have changed meanwhile or be in the wrong state. */
export const ApiConflict = (when = 'The record changed meanwhile, or is not in a state that allows this: `code` says which'): MethodDecorator =>
  ApiErrorAnswers({ 409: when });

const OPERATION_ID_PREFIX = 'kivuko:openapi-operation-id-prefix';

/**
 * Names the controller's operations `<prefix>_<method>_v<version>` instead of after its class: controllers split
 * out of one keep the operation ids the clients' generated types (apps/web/src/api/schema.d.ts) are keyed by.
 */
export const ApiOperationIdPrefix =
  (prefix: string): ClassDecorator =>
  (target) => {
    Reflect.defineMetadata(OPERATION_ID_PREFIX, prefix, target);
  };

/** What a controller's operation ids start with: its `@ApiOperationIdPrefix`, else its class name. */
const operationIdPrefixOf = (controller: Function): string => (Reflect.getMetadata(OPERATION_ID_PREFIX, controller) as string | undefined) ?? controller.name;

export function openApiConfig(): Omit<OpenAPIObject, 'paths'> {
  return new DocumentBuilder()
    .setTitle('Kivuko API')
    .setDescription('Border-point profiling and referral case management')
    .setVersion('1')
    // As package.json says; the link is npm's definition of UNLICENSED (no right to use is granted).
    .setLicense('UNLICENSED', 'https://docs.npmjs.com/cli/configuring-npm/package-json#license')
    .addServer('/', 'The server this document is served from')
    .addBearerAuth()
    .build();
}

/**
 * The OpenAPI document of the running application: what `@nestjs/swagger` reads from the decorators, then
 * completed from what the routes enforce, so the document cannot drift from the code on these points:
 * - every error answer is the one error envelope (`ErrorBody`), and each operation lists the client errors it
 *   can actually give: 400 when it takes input (body, query, path or headers), 401/403 when it needs a token,
 *   404 when a path names a record, 413/415 when it takes a body; the route adds its own (409, 429, a public
 *   route's 401) with `@ApiConflict()` / `@ApiErrorAnswers({...})`;
 * - `security: []` on the `@Public()` routes;
 * - `format: uuid` on path parameters read through `UuidParamPipe`, and on body and query fields validated
 *   with `@IsUUID`;
 * - the error codes each context declares in its catalogue, in `x-error-codes`.
 */
export function buildOpenApiDocument(app: INestApplication, errorCodes: readonly ErrorCodeEntry[] = []): OpenAPIObject {
  const prefixes = new Map<string, string>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) if (wrapper.metatype) prefixes.set(wrapper.metatype.name, operationIdPrefixOf(wrapper.metatype));
  }
  const document = SwaggerModule.createDocument(app, openApiConfig(), {
    operationIdFactory: (controllerKey, methodKey, version) => {
      const prefix = prefixes.get(controllerKey) ?? controllerKey;
      return version ? `${prefix}_${methodKey}_${version}` : `${prefix}_${methodKey}`;
    },
  });
  completeOpenApiDocument(document, routeFactsOf(app), errorCodes);
  return document;
}

/** What the document builder needs to know about one controller method, keyed `Controller_method` (as its operation id). */
export interface RouteFacts {
  isPublic: boolean;
  uuidPathParams: Set<string>;
  uuidQueryFields: Set<string>;
  errorAnswers: Record<string, string>;
}

type Schema = { type?: string; format?: string; items?: Schema; properties?: Record<string, Schema>; $ref?: string };
type Parameter = { in: string; name: string; schema?: Schema };

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'] as const;

function errorAnswer(description: string): { description: string; content: Record<string, { schema: { $ref: string } }> } {
  return { description, content: { 'application/json': { schema: { $ref: `#/components/schemas/${ERROR_BODY_SCHEMA}` } } } };
}

/** Completes `document` in place (see `buildOpenApiDocument`). */
export function completeOpenApiDocument(document: OpenAPIObject, routes: Map<string, RouteFacts>, errorCodes: readonly ErrorCodeEntry[] = []): void {
  document.components ??= {};
  document.components.schemas ??= {};
  document.components.schemas[ERROR_BODY_SCHEMA] = {
    type: 'object',
    description: 'Every error answer: a stable code (e.g. `REFERRAL.NOT_PENDING`, `SAFEGUARD.DETENTION_GUARD`), a message, details when there are any, and the correlation id of the request.',
    required: ['code', 'message', 'correlationId'],
    properties: {
      code: {
        type: 'string',
        description: `A stable code. Those the contexts declare are listed, with the status, kind and meaning of each, in the document's \`${ERROR_CODES_EXTENSION}\`; a 500 answers \`INTERNAL\``,
        example: 'REQUEST.VALIDATION_FAILED',
      },
      message: { type: 'string', example: 'The request is not valid' },
      details: { type: 'object', description: 'For bad input, `fields`: each bad field with its path and problem', example: { fields: [{ path: 'persons[0].sex', problem: 'sex must be one of FEMALE, MALE, OTHER, UNKNOWN' }] } },
      correlationId: { type: 'string', description: 'Also in the `x-correlation-id` header; quote it when reporting a problem' },
    },
  };
  markUuidFields(document);
  (document as OpenAPIObject & Record<string, unknown>)[ERROR_CODES_EXTENSION] = errorCodes.map(({ code, status, kind, message, context }) => ({ code, status, kind, message, context }));

  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const facts = routes.get((operation.operationId ?? '').replace(/_v\d+$/, ''));
      const parameters = (operation.parameters ?? []) as Parameter[];
      for (const parameter of parameters) {
        const uuid = parameter.in === 'path' ? facts?.uuidPathParams.has(parameter.name) : parameter.in === 'query' && facts?.uuidQueryFields.has(parameter.name);
        if (uuid) parameter.schema = { ...parameter.schema, type: 'string', format: 'uuid' };
      }
      const secured = !facts?.isPublic;
      if (!secured) operation.security = [];
      const answers: Record<string, ReturnType<typeof errorAnswer>> = {};
      if (operation.requestBody || parameters.length > 0) answers['400'] = errorAnswer('Bad input: `details.fields` names each bad field, and nothing is written');
      if (secured) {
        answers['401'] = errorAnswer('No valid access token');
        answers['403'] = errorAnswer('Your roles do not carry the permission this operation needs');
      }
      if (parameters.some((p) => p.in === 'path')) answers['404'] = errorAnswer('Not found, or not visible to you');
      if (operation.requestBody) {
        answers['413'] = errorAnswer('The body is larger than the limit (KIVUKO_BODY_LIMIT_BYTES)');
        answers['415'] = errorAnswer('The body is not JSON');
      }
      for (const [status, when] of Object.entries(facts?.errorAnswers ?? {})) answers[status] = errorAnswer(when);
      const responses = operation.responses;
      for (const [status, answer] of Object.entries(answers)) responses[status] ??= answer;
      operation.responses = Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)));
    }
  }
}

/** `format: uuid` on every schema property validated with `@IsUUID` (or each item of it). */
function markUuidFields(document: OpenAPIObject): void {
  const schemas = document.components?.schemas ?? {};
  for (const [target, fields] of uuidFieldsByClass()) {
    const schema = schemas[target.name] as Schema | undefined;
    for (const [field, each] of fields) {
      const property = schema?.properties?.[field];
      if (!property || property.$ref) continue;
      if (each && property.items) property.items = { ...property.items, type: 'string', format: 'uuid' };
      else if (!each) Object.assign(property, { type: 'string', format: 'uuid' });
    }
  }
}

/** Every class with `@IsUUID` fields: field name -> whether it applies to each item of an array. */
export function uuidFieldsByClass(): Map<Function, Map<string, boolean>> {
  // class-validator keeps its registrations in a private map; there is no public way to list the classes.
  const registered = (getMetadataStorage() as unknown as { validationMetadatas: Map<Function, ValidationMetadata[]> }).validationMetadatas;
  if (typeof registered?.entries !== 'function') throw new Error('class-validator no longer keeps validationMetadatas as a Map: update uuidFieldsByClass');
  const found = new Map<Function, Map<string, boolean>>();
  for (const [target, metadatas] of registered.entries()) {
    for (const m of metadatas) {
      if (m.name !== 'isUuid') continue;
      const fields = found.get(target) ?? new Map<string, boolean>();
      fields.set(m.propertyName, m.each === true);
      found.set(target, fields);
    }
  }
  return found;
}

/** The facts of every controller method of the application, from the metadata Nest routes with. */
export function routeFactsOf(app: INestApplication): Map<string, RouteFacts> {
  const uuidFields = uuidFieldsByClass();
  const facts = new Map<string, RouteFacts>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type<unknown> | null;
      if (!controller) continue;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const method of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[method];
        if (method === 'constructor' || typeof handler !== 'function') continue;
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {}) as Record<string, { index: number; data?: unknown; pipes?: unknown[] }>;
        const paramTypes = (Reflect.getMetadata('design:paramtypes', prototype, method) ?? []) as unknown[];
        const route: RouteFacts = {
          isPublic: Reflect.getMetadata(PUBLIC_ROUTE, handler) === true || Reflect.getMetadata(PUBLIC_ROUTE, controller) === true,
          uuidPathParams: new Set(),
          uuidQueryFields: new Set(),
          errorAnswers: (Reflect.getMetadata(ERROR_ANSWERS, handler) ?? {}) as Record<string, string>,
        };
        for (const [key, arg] of Object.entries(args)) {
          const kind = Number(key.split(':')[0]);
          if (kind === RouteParamtypes.PARAM && typeof arg.data === 'string' && (arg.pipes ?? []).some((p) => p instanceof UuidParamPipe || p === UuidParamPipe)) {
            route.uuidPathParams.add(arg.data);
          }
          if (kind === RouteParamtypes.QUERY && arg.data === undefined) {
            for (const [field, each] of uuidFields.get(paramTypes[arg.index] as Function) ?? []) if (!each) route.uuidQueryFields.add(field);
          }
        }
        facts.set(`${operationIdPrefixOf(controller)}_${method}`, route);
      }
    }
  }
  return facts;
}
