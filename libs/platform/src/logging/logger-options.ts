import { IncomingMessage, ServerResponse } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import { Params } from 'nestjs-pino';
import { build as prettyStream } from 'pino-pretty';
import { LogFormat, LogLevel } from '../config/app-config';
import { activeTraceIds } from '../tracing/tracing';

/**
 * Request logs carry ids, routes and timings only: the query string is cut (it can hold names being
 * searched for) and no header or body is logged. `json` writes one object a line for a collector;
 * `pretty` writes readable lines for a person at a terminal.
 */
/**
 * With `traceIds`, every line carries the trace and span ids of the span it was logged in (`trace_id`,
 * `span_id`), so a log collector links it to the trace.
 */
export function loggerOptions(level: LogLevel, service: string, format: LogFormat = 'json', traceIds = false): Params {
  const options = {
    level,
    base: { service },
    ...(traceIds ? { mixin: activeTraceIds } : {}),
    messageKey: 'msg',
    genReqId: (req: IncomingMessage) => String((req as IncomingMessage & { id?: unknown }).id ?? ''),
    customProps: (req: IncomingMessage) => ({ correlationId: (req as IncomingMessage & { id?: unknown }).id }),
    serializers: {
      req: (req: { method?: string; url?: string }) => ({ method: req.method, path: (req.url ?? '').split('?')[0] }),
      res: (res: ServerResponse) => ({ status: res.statusCode }),
    },
    autoLogging: { ignore: (req: IncomingMessage) => (req.url ?? '').startsWith('/health/') },
    quietReqLogger: true,
  };
  return {
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: format === 'pretty' ? [options, readableStream()] : options,
  };
}

/**
 * Written in this thread as each line is logged (no worker-thread transport), so that log lines and
 * the start-up lines the process prints itself appear in the order they happened.
 */
function readableStream(): ReturnType<typeof prettyStream> {
  return prettyStream({
    sync: true,
    destination: 1,
    messageKey: 'msg',
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname,service,context',
    messageFormat: '{if context}[{context}] {end}{msg}',
    singleLine: true,
  });
}
