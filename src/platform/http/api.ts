import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { parseParams, parseQuery } from './parse';

/**
 * One JSON endpoint of the read API. The same zod schemas validate the input, shape the output
 * and generate the OpenAPI document, so the description cannot drift from the code.
 */
export interface ApiRoute<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  /** OpenAPI-style path under /api/v1, e.g. `/series/{seriesSlug}`. */
  path: string;
  operationId: string;
  summary: string;
  tag: string;
  params?: P;
  query?: Q;
  response: R;
  handler: (input: { params: z.output<P>; query: z.output<Q>; req: FastifyRequest }) => Promise<z.input<R>>;
}

/** Keeps the generic types of one route while collecting routes of different shapes in a list. */
export function defineApiRoute<P extends z.ZodType, Q extends z.ZodType, R extends z.ZodType>(
  route: ApiRoute<P, Q, R>,
): ApiRoute {
  return route;
}

export const API_PREFIX = '/api/v1';

export function mountApiRoutes(app: FastifyInstance, routes: ApiRoute[]): void {
  for (const route of routes) {
    app.get(API_PREFIX + route.path.replace(/\{(\w+)\}/g, ':$1'), async (req, reply) => {
      const params = route.params ? parseParams(route.params, req.params) : {};
      const query = route.query ? parseQuery(route.query, req.query) : {};
      const result = await route.handler({ params, query, req });
      return reply
        .type('application/json; charset=utf-8')
        .header('access-control-allow-origin', '*')
        .send(JSON.stringify(route.response.parse(result)));
    });
  }
}

const errorSchema = z.object({
  error: z.object({ code: z.string(), status: z.number().int(), message: z.string() }),
});

function toSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  });
  return rest;
}

/** The OpenAPI 3.1 document of the given routes. */
export function buildOpenApiDocument(
  routes: ApiRoute[],
  info: { title: string; version: string; serverUrl: string },
) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const parameters: unknown[] = [];
    for (const [where, schema] of [
      ['path', route.params],
      ['query', route.query],
    ] as const) {
      if (!schema) continue;
      const json = toSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, property] of Object.entries(json.properties ?? {})) {
        parameters.push({
          name,
          in: where,
          required: where === 'path' || (json.required ?? []).includes(name),
          schema: property,
        });
      }
    }
    paths[route.path] = {
      get: {
        operationId: route.operationId,
        summary: route.summary,
        tags: [route.tag],
        parameters,
        responses: {
          '200': {
            description: 'OK',
            content: { 'application/json': { schema: toSchema(route.response, 'output') } },
          },
          '400': {
            description: 'Malformed query',
            content: { 'application/json': { schema: toSchema(errorSchema, 'output') } },
          },
          '404': {
            description: 'Not found',
            content: { 'application/json': { schema: toSchema(errorSchema, 'output') } },
          },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: info.title,
      version: info.version,
      license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
    },
    servers: [{ url: `${info.serverUrl}${API_PREFIX}` }],
    paths,
  };
}
