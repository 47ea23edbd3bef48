import { IsCalendarDate } from '@kivuko/cases';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, MaxLength, Min, MinLength, Validate } from 'class-validator';

/** Optional compare-and-set: the record's version as last read; a stale one is 409. */
export class VersionedDto {
  @ApiPropertyOptional({ description: 'The version last read; a stale one is refused with 409' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

const text = (max: number) => [IsString(), MinLength(1), MaxLength(max)];
export function Text(max: number): PropertyDecorator {
  return (target, key) => text(max).forEach((d) => d(target, key));
}

export function CalendarDate(): PropertyDecorator {
  return Validate(IsCalendarDate);
}
