import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

/**
 * The two fields of every keyset-paged list query, declared once. A query class keeps its own fields in their
 * order and ends with
 *
 *   @PageLimit({ max: 100, default: 25 }) limit?: number;
 *   @PageCursor({ maxLength: 200 }) cursor?: string;
 *
 * so the OpenAPI parameters keep their order and each list keeps its own bounds.
 */
export function PageLimit(bounds: { max: number; default: number }): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ minimum: 1, maximum: bounds.max, default: bounds.default }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(1),
    Max(bounds.max),
  );
}

/**
 * The cursor: the `nextCursor` of the previous page. Opaque (a string of at most `maxLength`) or, for lists
 * keyed by a row id, a UUID.
 */
export function PageCursor(shape: { maxLength: number; description?: string } | { uuid: true; description?: string }): PropertyDecorator {
  const doc = ApiPropertyOptional(shape.description ? { description: shape.description } : {});
  if ('uuid' in shape) return applyDecorators(doc, IsOptional(), IsUUID('4', { message: 'cursor must be the nextCursor of an earlier page' }));
  return applyDecorators(doc, IsOptional(), IsString(), MaxLength(shape.maxLength));
}
