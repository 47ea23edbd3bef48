import { Role } from '@kivuko/platform';
import { ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsBoolean, IsEmail, IsEnum, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, MinLength } from 'class-validator';
import { CreateAgencyDto, CreateBorderPointDto } from './reference-data.dto';

/** What a system administrator may change of a user; the username stays (it is in the audit trail). */
export class UpdateUserDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(120)
  displayName?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @ApiPropertyOptional({ enum: Role, isArray: true })
  @IsOptional()
  @IsEnum(Role, { each: true })
  @ArrayMinSize(1)
  @ArrayUnique()
  roles?: Role[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsUUID('all', { each: true })
  @ArrayUnique()
  @ArrayMaxSize(50)
  borderPointIds?: string[];
}

/** An empty or blank contact clears it, as null does. */
const blankToNull = ({ value }: { value: unknown }): unknown => (typeof value === 'string' && value.trim() === '' ? null : value);

/**
 * Any field of an agency but its legacy webhook column (webhooks have their own routes); `dailyCapacity: null`
 * lifts the limit, `contactEmail` / `contactPhone` null or empty clear the contact.
 */
export class UpdateAgencyDto extends PartialType(OmitType(CreateAgencyDto, ['webhookUrl', 'dailyCapacity', 'contactEmail', 'contactPhone'] as const)) {
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'null: not limited' })
  @IsOptional()
  @IsInt()
  @Min(0)
  dailyCapacity?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'null or empty: no contact e-mail' })
  @Transform(blankToNull)
  @IsOptional()
  @IsEmail()
  @MaxLength(200)
  contactEmail?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'null or empty: no contact phone' })
  @Transform(blankToNull)
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{6,25}$/, { message: 'contactPhone must be a telephone number' })
  contactPhone?: string | null;
}

/** Any field of a border point but its code, which is part of every case number made there. */
export class UpdateBorderPointDto extends PartialType(OmitType(CreateBorderPointDto, ['code'] as const)) {
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

/**
 * The fields of a change sent as null where null means nothing: `@IsOptional()` (which PartialType adds)
 * lets null through, and the column would refuse it with a 500. Only `nullable` ones may be cleared.
 */
export function nullFields(change: object, nullable: readonly string[] = []): string[] {
  return Object.entries(change)
    .filter(([key, value]) => value === null && !nullable.includes(key))
    .map(([key]) => key);
}
