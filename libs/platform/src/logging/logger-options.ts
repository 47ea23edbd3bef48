import { IncomingMessage, ServerResponse } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import { Params } from 'nestjs-pino';
import { LogLevel } from '../config/app-config';

/**
 * Request logs carry ids, routes and timings only: the query string is cut (it can hold names being
 * searched for) and no header or body is logged.
 */
export function loggerOptions(level: LogLevel, service: string): Params {
  return {
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: {
      level,
      base: { service },
      messageKey: 'msg',
      genReqId: (req: IncomingMessage) => String((req as IncomingMessage & { id?: unknown }).id ?? ''),
      customProps: (req: IncomingMessage) => ({ correlationId: (req as IncomingMessage & { id?: unknown }).id }),
      serializers: {
        req: (req: { method?: string; url?: string }) => ({ method: req.method, path: (req.url ?? '').split('?')[0] }),
        res: (res: ServerResponse) => ({ status: res.statusCode }),
      },
      autoLogging: { ignore: (req: IncomingMessage) => (req.url ?? '').startsWith('/health/') },
      quietReqLogger: true,
    },
  };
}
