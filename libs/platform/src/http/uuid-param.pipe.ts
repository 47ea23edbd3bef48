import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { PlatformErrors } from '../errors/platform.errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path parameter that must be a UUID: anything else is a 400 naming the parameter. */
@Injectable()
export class UuidParamPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (typeof value === 'string' && UUID.test(value)) return value.toLowerCase();
    const name = metadata.data ?? 'id';
    throw PlatformErrors.badInput('REQUEST.VALIDATION_FAILED', [{ path: name, problem: `${name} must be a UUID` }], `The path parameter ${name} is not a UUID`);
  }
}
